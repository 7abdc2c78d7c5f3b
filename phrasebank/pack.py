"""Bank packs (sharing a bank with colleagues) and bank-wide helpers for the bank manager.

A pack is one ``.sbpack`` file: a zip holding ``manifest.json`` (format name, version,
title, count, a digest of the entries) and ``phrases.json`` (the entries with their tags,
counts and provenance: each occurrence's sentence and the title of its speech).

Importing a pack *merges* it: a text the importer does not have is added (origin
"imported", no uses, not a favourite); a text the importer has gains frequency, tags, wrong
variants and provenance, but never loses the importer's own text, uses, favourite mark, note or
review status. A pack already imported (same digest) changes nothing. A bad or foreign file
raises :class:`PackError` whose message says, in Chinese, what is wrong and what to do.

Also here, because the manager needs them and ``bank.py`` belongs to the core's owner:
:func:`near_duplicate_clusters` (blocked rapidfuzz clustering, not O(n²)) and
:func:`remove_with_provenance` / :func:`restore_with_provenance` (an undoable delete that
brings the provenance back too).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from phrasebank.bank import MAX_PHRASE_CHARS, PhraseBank, infer_kind
from phrasebank.exchange import phrase_record
from phrasebank.model import FUNCTION_TAGS, KINDS, Occurrence, Phrase

__all__ = [
    "PACK_FORMAT",
    "PACK_SUFFIX",
    "PACK_VERSION",
    "PackError",
    "PackReport",
    "Removed",
    "capture",
    "export_pack",
    "import_pack",
    "near_duplicate_clusters",
    "read_pack",
    "remove_with_provenance",
    "restore_with_provenance",
]

PACK_FORMAT = "speech-editor-bank-pack"
PACK_VERSION = 1
PACK_SUFFIX = ".sbpack"
MAX_PACK_BYTES = 200_000_000  # uncompressed phrases.json
MAX_OCCURRENCES_PER_ENTRY = 20

ProgressFn = Callable[[int, int], None]
StopFn = Callable[[], bool]


class PackError(ValueError):
    """A pack cannot be read or written; ``str(err)`` is a message for the user."""


@dataclass
class PackReport:
    """What importing a pack did."""

    title: str = ""
    added: int = 0
    updated: int = 0
    occurrences: int = 0
    already_imported: bool = False
    bad: list[tuple[int, str]] = field(default_factory=list)  # (entry number, reason)

    def summary(self) -> str:
        name = f"“{self.title}”" if self.title else ""
        if self.already_imported:
            return f"短语包{name}此前已导入过，未做任何改动。"
        text = f"已导入短语包{name}：新增 {self.added} 条，合并 {self.updated} 条"
        if self.bad:
            text += f"，{len(self.bad)} 条有误已跳过"
        return text + "。"


# --- writing a pack ---------------------------------------------------------------------------


#: What a pack leaves out: the sharer's own use of the bank stays theirs.
_PERSONAL = ("favourite", "uses", "origin")


def _entry(p: Phrase, occurrences: Sequence[Occurrence], source_keys: dict[int, int]) -> dict:
    record = {k: v for k, v in phrase_record(p).items() if k not in _PERSONAL}
    return {
        **record,
        "occurrences": [
            {"source": source_keys[o.source_id], "position": o.position, "context": o.context}
            for o in occurrences
            if o.source_id in source_keys
        ],
    }


def export_pack(
    bank: PhraseBank,
    path: str | os.PathLike[str],
    *,
    ids: Iterable[int] | None = None,
    title: str = "",
    on_progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
) -> int:
    """Write active entries (all, or ``ids``) with their provenance to a pack; returns how many.

    The writer's uses and favourites stay private; notes and provenance are shared. The file
    is written atomically.
    """
    p = Path(path)
    phrases = bank.phrases() if ids is None else list(bank.get_many(ids).values())
    phrases.sort(key=lambda x: x.id)
    sources = {s["id"]: s for s in bank.sources()}
    source_keys: dict[int, int] = {}
    out_sources: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    total = len(phrases)
    for done, phrase in enumerate(phrases, start=1):
        if should_stop is not None and should_stop():
            raise PackError("已取消导出短语包。")
        occ = bank.occurrences(phrase.id, limit=MAX_OCCURRENCES_PER_ENTRY)
        for o in occ:
            if o.source_id not in source_keys and o.source_id in sources:
                s = sources[o.source_id]
                source_keys[o.source_id] = len(out_sources)
                out_sources.append({"title": s["title"] or "", "sha256": s["sha256"]})
        entries.append(_entry(phrase, occ, source_keys))
        if on_progress is not None and (done % 500 == 0 or done == total):
            on_progress(done, total)
    body = json.dumps(
        {"sources": out_sources, "phrases": entries}, ensure_ascii=False, indent=None
    ).encode("utf-8")
    manifest = {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "title": title or p.stem,
        "count": len(entries),
        "created": time.time(),
        "digest": hashlib.sha256(body).hexdigest(),
    }
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=p.name + ".", suffix=".part", dir=p.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            zf.writestr("phrases.json", body)
        os.replace(tmp, p)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PackError(f"无法写入短语包“{p}”：{exc.strerror or exc}。请换一个位置再试。") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(entries)


# --- reading a pack ---------------------------------------------------------------------------


def read_pack(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(manifest, body) of a pack; raises :class:`PackError` for anything that is not one."""
    p = Path(path)
    name = f"“{p.name}”"
    if not p.is_file():
        raise PackError(f"找不到短语包{name}。请检查路径。")
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackError(
            f"{name}不是短语包（不是有效的压缩文件，或已损坏）。请让同事重新导出后再导入。"
        ) from exc
    with zf:
        names = set(zf.namelist())
        if "manifest.json" not in names:
            raise PackError(
                f"{name}不是本软件的短语包（缺少 manifest.json）。请选择 .sbpack 文件。"
            )
        try:
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
            raise PackError(f"短语包{name}的清单已损坏。请让同事重新导出后再导入。") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
            raise PackError(
                f"{name}不是本软件的短语包（格式不符）。请选择讲稿编辑器导出的 .sbpack 文件。"
            )
        version = manifest.get("version")
        if not isinstance(version, int) or version < 1:
            raise PackError(f"短语包{name}的版本信息有误。请让同事重新导出后再导入。")
        if version > PACK_VERSION:
            raise PackError(
                f"短语包{name}由更新版本的讲稿编辑器导出（格式版本 {version}）。请升级本软件后再导入。"
            )
        if "phrases.json" not in names:
            raise PackError(f"短语包{name}缺少条目数据（phrases.json）。请让同事重新导出后再导入。")
        info = zf.getinfo("phrases.json")
        if info.file_size > MAX_PACK_BYTES:
            raise PackError(f"短语包{name}过大（{info.file_size // 1_000_000} MB），无法导入。")
        try:
            raw = zf.read("phrases.json")
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise PackError(
                f"短语包{name}已损坏（数据无法解压）。请让同事重新导出后再导入。"
            ) from exc
    digest = manifest.get("digest")
    if digest and hashlib.sha256(raw).hexdigest() != digest:
        raise PackError(f"短语包{name}的内容与清单不符（文件可能被改动或损坏）。请让同事重新导出。")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackError(f"短语包{name}的条目数据已损坏。请让同事重新导出后再导入。") from exc
    if not isinstance(body, dict) or not isinstance(body.get("phrases"), list):
        raise PackError(f"短语包{name}的条目数据格式有误。请让同事重新导出后再导入。")
    if not isinstance(body.get("sources", []), list):
        raise PackError(f"短语包{name}的来源列表格式有误。请让同事重新导出后再导入。")
    manifest["digest"] = digest or hashlib.sha256(raw).hexdigest()
    return manifest, body


def _str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))


def _int(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _pack_phrase(item: Any) -> Phrase:
    if not isinstance(item, dict):
        raise ValueError("不是对象")
    text = str(item.get("text") or "").strip()
    if not text:
        raise ValueError("内容为空")
    if len(text) > MAX_PHRASE_CHARS:
        raise ValueError(f"内容超过 {MAX_PHRASE_CHARS} 字")
    kind = str(item.get("kind") or "") or infer_kind(text)
    if kind not in KINDS:
        raise ValueError(f"未知类型“{kind}”")
    functions = [t for t in _str_list(item.get("functions"))]
    topics = [t for t in _str_list(item.get("topics")) if t not in FUNCTION_TAGS]
    functions += [t for t in _str_list(item.get("topics")) if t in FUNCTION_TAGS]
    try:
        quality = min(1.0, max(0.0, float(item.get("quality", 0.5))))
    except (TypeError, ValueError):
        quality = 0.5
    return Phrase(
        id=0,
        text=text,
        kind=kind,
        functions=tuple(dict.fromkeys(functions)),
        topics=tuple(topics),
        variants=tuple(v for v in _str_list(item.get("variants")) if v != text),
        freq=_int(item.get("freq")),
        doc_freq=_int(item.get("doc_freq")),
        quality=quality,
        origin="imported",
        note=str(item.get("note") or ""),
    )


def _merge(existing: Iterable[str], new: Iterable[str]) -> tuple[str, ...]:
    out = list(existing)
    out += [t for t in new if t not in out]
    return tuple(out)


def import_pack(
    bank: PhraseBank,
    path: str | os.PathLike[str],
    *,
    on_progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
) -> PackReport:
    """Merge a colleague's pack into ``bank`` in one transaction (see the module docstring).

    A cancel (``should_stop``) before the write raises :class:`PackError` and changes nothing.
    """
    manifest, body = read_pack(path)
    report = PackReport(title=str(manifest.get("title") or ""))
    pack_key = "pack:" + str(manifest["digest"])
    store = bank._store  # private: a pack import writes sources and occurrences in one transaction
    if store.query("SELECT 1 FROM sources WHERE sha256 = ?", (pack_key,)):
        report.already_imported = True
        return report
    items = body["phrases"]
    sources = body.get("sources", [])
    good: list[tuple[Phrase, list[dict[str, Any]]]] = []
    for number, item in enumerate(items, start=1):
        try:
            phrase = _pack_phrase(item)
        except ValueError as exc:
            report.bad.append((number, str(exc)))
            continue
        occ = item.get("occurrences") if isinstance(item.get("occurrences"), list) else []
        good.append((phrase, [o for o in occ if isinstance(o, dict)]))
    known_sha = {row[0]: int(row[1]) for row in store.query("SELECT sha256, id FROM sources")}
    now = time.time()
    touched: list[Phrase] = []
    total = len(good)
    with bank._write_lock, store.transaction() as db:
        db.table("sources").insert(
            {
                "title": "短语包：" + (report.title or Path(path).stem),
                "path": str(path),
                "sha256": pack_key,
                "size": Path(path).stat().st_size,
                "imported_at": now,
            }
        )
        # A speech the importer already mined keeps its own provenance: skip the pack's copy.
        source_ids: dict[int, int | None] = {}
        for key, s in enumerate(sources):
            if not isinstance(s, dict):
                source_ids[key] = None
                continue
            sha = str(s.get("sha256") or "")
            if sha and sha in known_sha:
                source_ids[key] = None
                continue
            sha = sha or f"pack-source:{manifest['digest']}:{key}"
            new_id = int(
                db.table("sources")
                .insert(
                    {
                        "title": str(s.get("title") or ""),
                        "path": "",
                        "sha256": sha,
                        "size": 0,
                        "imported_at": now,
                    }
                )
                .last_pk  # type: ignore[arg-type]
            )
            known_sha[sha] = new_id
            source_ids[key] = new_id
        for done, (phrase, occ) in enumerate(good, start=1):
            if should_stop is not None and should_stop():
                raise PackError("已取消导入短语包，短语库未改动。")
            existing = bank.find(phrase.text)
            if existing is None:
                new = replace(phrase, created=now, updated=now)
                pid = int(db.table("phrases").insert(store.phrase_values(new)).last_pk)  # type: ignore[arg-type]
                touched.append(replace(new, id=pid))
                report.added += 1
            else:
                pid = existing.id
                merged = replace(
                    existing,
                    functions=_merge(existing.functions, phrase.functions),
                    topics=_merge(existing.topics, phrase.topics),
                    variants=_merge(
                        existing.variants, (v for v in phrase.variants if v != existing.text)
                    ),
                    freq=existing.freq + phrase.freq,
                    doc_freq=existing.doc_freq + phrase.doc_freq,
                    updated=now,
                )
                if merged != replace(existing, updated=now):
                    db.table("phrases").update(pid, store.phrase_values(merged))
                    touched.append(merged)
                report.updated += 1
            rows = []
            for o in occ[:MAX_OCCURRENCES_PER_ENTRY]:
                sid = source_ids.get(_int(o.get("source")))
                if sid is None or "source" not in o:
                    continue
                rows.append(
                    {
                        "phrase_id": pid,
                        "source_id": sid,
                        "position": _int(o.get("position")),
                        "context": str(o.get("context") or ""),
                    }
                )
            if rows:
                db.table("occurrences").insert_all(rows)
                report.occurrences += len(rows)
            if on_progress is not None and (done % 500 == 0 or done == total):
                on_progress(done, total)
    bank._index_update(touched)
    return report


# --- near-duplicate clusters ------------------------------------------------------------------


def near_duplicate_clusters(
    phrases: Sequence[Phrase],
    *,
    threshold: float = 90.0,
    on_progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    max_bucket: int = 3000,
) -> list[list[Phrase]]:
    """Groups of entries whose texts are near-duplicates (rapidfuzz ratio ≥ ``threshold``).

    Blocking keeps it far from O(n²): two texts are compared only when they share their first
    two or their last two characters (a slip is rarely at both ends) and their lengths are
    close enough for the ratio to reach ``threshold`` (ratio ≥ 90 needs the shorter text to be
    at least ~82 % of the longer). Clusters are connected components, biggest first; each
    cluster lists the most used / most frequent entry first (the natural one to keep).
    """
    from rapidfuzz import fuzz

    n = len(phrases)
    texts = [p.text for p in phrases]
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        if len(t) < 4:
            continue
        buckets["^" + t[:2]].append(i)
        buckets["$" + t[-2:]].append(i)
    # A huge bucket (e.g. every entry starting with 坚持) is split further by a third character.
    work: list[list[int]] = []
    for key, members in buckets.items():
        if len(members) <= max_bucket:
            work.append(members)
            continue
        sub: dict[str, list[int]] = defaultdict(list)
        for i in members:
            t = texts[i]
            sub[t[2] if key[0] == "^" else t[-3]].append(i)
        work.extend(sub.values())
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    min_share = threshold / (200.0 - threshold)  # shortest/longest length ratio still possible
    total = len(work)
    for done, members in enumerate(work, start=1):
        if should_stop is not None and should_stop():
            raise InterruptedError("已取消查找近似重复。")
        if len(members) > 1:
            members = sorted(members, key=lambda i: len(texts[i]))
            for a_pos, a in enumerate(members):
                ta = texts[a]
                longest = len(ta) / min_share
                for b in members[a_pos + 1 :]:
                    tb = texts[b]
                    if len(tb) > longest:
                        break
                    if find(a) == find(b):
                        continue
                    if fuzz.ratio(ta, tb, score_cutoff=threshold):
                        parent[find(b)] = find(a)
        if on_progress is not None and (done % 200 == 0 or done == total):
            on_progress(done, total)
    groups: dict[int, list[Phrase]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(phrases[i])
    clusters = [
        sorted(g, key=lambda p: (-p.uses, -p.favourite, -p.freq, p.id))
        for g in groups.values()
        if len(g) > 1
    ]
    clusters.sort(key=lambda g: (-len(g), g[0].id))
    return clusters


# --- delete with provenance, for undo -----------------------------------------------------------


@dataclass
class Removed:
    """What :func:`remove_with_provenance` took away, enough to put it all back."""

    phrases: list[Phrase]
    occurrences: list[tuple[int, int, int, str]]  # (phrase_id, source_id, position, context)
    follows: list[tuple[str, int, int]]  # (prev_text, phrase_id, count)


def capture(bank: PhraseBank, phrase_ids: Iterable[int]) -> Removed:
    """A full copy of entries (counts included) with their provenance, for an undo."""
    ids = [int(i) for i in phrase_ids]
    store = bank._store  # private: provenance rows have no public reader that keeps row order
    occ: list[tuple[int, int, int, str]] = []
    fol: list[tuple[str, int, int]] = []
    for start in range(0, len(ids), 500):
        chunk = tuple(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        occ += [
            (int(a), int(b), int(c or 0), d or "")
            for a, b, c, d in store.query(
                "SELECT phrase_id, source_id, position, context FROM occurrences "
                f"WHERE phrase_id IN ({marks}) ORDER BY id",
                chunk,
            )
        ]
        fol += [
            (a, int(b), int(c))
            for a, b, c in store.query(
                f"SELECT prev_text, phrase_id, count FROM follows WHERE phrase_id IN ({marks})",
                chunk,
            )
        ]
    found = bank.get_many(ids)
    return Removed([found[i] for i in ids if i in found], occ, fol)


def remove_with_provenance(bank: PhraseBank, phrase_ids: Iterable[int]) -> Removed:
    """Delete entries like :meth:`PhraseBank.remove`, keeping their provenance for an undo."""
    ids = [int(i) for i in phrase_ids]
    with bank._write_lock:
        snapshot = capture(bank, ids)
        bank.remove(ids)
    return snapshot


def restore_with_provenance(bank: PhraseBank, removed: Removed) -> None:
    """Undo :func:`remove_with_provenance`: the entries, their ids, counts and provenance.

    Entries still present under the same ids (a merge being undone) are replaced whole.
    """
    store = bank._store
    with bank._write_lock, store.transaction() as db:
        present = list(bank.get_many(p.id for p in removed.phrases))
        if present:
            bank.remove(present)
        bank.restore(removed.phrases)
        db.table("occurrences").insert_all(
            {"phrase_id": a, "source_id": b, "position": c, "context": d}
            for a, b, c, d in removed.occurrences
        )
        for prev, pid, count in removed.follows:
            db.execute(
                "INSERT OR IGNORE INTO follows (prev_text, phrase_id, count) VALUES (?, ?, ?)",
                (prev, pid, count),
            )
