"""PhraseBank: the public face of the core (storage + in-memory suggestion index + mining).

Threading rule: one PhraseBank may be shared by several threads. Every thread gets its own
SQLite connection (WAL: readers never wait for a writer); writes are serialised by one lock
and run in a single transaction each; the suggestion index has its own lock and is updated
in step with every write, so :meth:`suggest` and :meth:`search` read memory only and never
wait for SQLite. :meth:`build_index` may run in a worker thread while the UI thread reads.
Call :meth:`close` once, after worker threads are done with the bank.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phrasebank import paths
from phrasebank.model import (
    FUNCTION_TAGS,
    KIND_LABELS,
    KINDS,
    ORIGINS,
    SLOT,
    STATUSES,
    Occurrence,
    Phrase,
    Suggestion,
)
from phrasebank.store import BankError, Store

if TYPE_CHECKING:
    from phrasebank.suggest import SuggestionIndex

__all__ = ["BankError", "DuplicateError", "MineReport", "PhraseBank", "infer_kind"]

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
StopFn = Callable[[], bool]

MAX_PHRASE_CHARS = 500
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class DuplicateError(ValueError):
    """The text is already in the bank; ``existing`` is that entry."""

    def __init__(self, existing: Phrase) -> None:
        super().__init__(f"短语库中已有“{existing.text}”（编号 {existing.id}）。")
        self.existing = existing


@dataclass
class MineReport:
    """What an import of speech files did."""

    files: int = 0  # files mined
    added: int = 0  # new entries
    updated: int = 0  # entries that existed and gained frequency and provenance
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    added_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        text = f"导入 {self.files} 篇讲稿：新增 {self.added} 条，更新 {self.updated} 条"
        if self.skipped:
            text += f"，跳过 {len(self.skipped)} 个文件"
        return text + "。"


def infer_kind(text: str) -> str:
    """A reasonable kind for an entry typed by the writer."""
    if SLOT in text:
        return "template"
    parts = [p for p in re.split(r"[、，；]", text.rstrip("。！；，")) if p]
    if len(parts) >= 2 and all(len(p) == 4 for p in parts):
        return "four_char"
    if "、" in text and len(parts) >= 3:
        return "parallel"
    if len(text) <= 16 and not re.search(r"[，。；：！？]", text):
        return "formulation"
    return "clause"


def _clean_entry_text(text: str) -> str:
    text = _CONTROL_RE.sub("", str(text)).strip()
    if not text:
        raise ValueError("短语内容不能为空。")
    if len(text) > MAX_PHRASE_CHARS:
        raise ValueError(f"短语过长（{len(text)} 字），单条不能超过 {MAX_PHRASE_CHARS} 字。")
    return text


def _split_tags(tags: Iterable[str]) -> tuple[list[str], list[str]]:
    functions: list[str] = []
    topics: list[str] = []
    for tag in tags:
        tag = str(tag).strip()
        if not tag:
            continue
        (functions if tag in FUNCTION_TAGS else topics).append(tag)
    return functions, topics


def _merge(existing: Iterable[str], new: Iterable[str]) -> tuple[str, ...]:
    out = list(existing)
    out += [t for t in new if t not in out]
    return tuple(out)


def _now() -> float:
    return time.time()


@dataclass
class _Doc:
    title: str
    path: str
    sha256: str
    size: int
    text: str  # clean text


class PhraseBank:
    """A phrase bank file: entries, their provenance, and suggestions over them."""

    def __init__(self, store: Store, *, _tempdir: str | None = None) -> None:
        self._store = store
        self._write_lock = threading.RLock()
        self._index_lock = threading.Lock()
        self._index: SuggestionIndex | None = None
        self._tempdir = _tempdir

    # --- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 5.0
    ) -> PhraseBank:
        """Open the bank at ``path``, creating an empty one if it does not exist.

        Raises :class:`BankError` with a user-facing message when the file is not a bank,
        is locked, or cannot be created. A read-only file opens read-only.
        """
        return cls(Store.open(path, create=create, timeout=timeout))

    @classmethod
    def memory(cls) -> PhraseBank:
        """A throw-away bank (tests, evaluation); removed on :meth:`close`."""
        base = paths.cache_dir()
        base.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.mkdtemp(prefix="bank-", dir=base)
        return cls(Store.open(Path(tmp) / "bank.db"), _tempdir=tmp)

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    def close(self) -> None:
        self._store.close()
        if self._tempdir:
            shutil.rmtree(self._tempdir, ignore_errors=True)
            self._tempdir = None

    def __enter__(self) -> PhraseBank:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        """Number of active entries."""
        return int(self._store.query("SELECT count(*) FROM phrases WHERE status = 'active'")[0][0])

    def __repr__(self) -> str:
        return f"PhraseBank({str(self.path)!r})"

    # --- reading ------------------------------------------------------------------------------

    def get(self, phrase_id: int) -> Phrase | None:
        rows = self._store.phrase_rows("id = ?", (int(phrase_id),))
        return rows[0] if rows else None

    def find(self, text: str) -> Phrase | None:
        """The entry whose text is exactly ``text`` (after trimming), if any."""
        rows = self._store.phrase_rows("text = ?", (str(text).strip(),))
        return rows[0] if rows else None

    def phrases(self, *, status: str | None = "active") -> list[Phrase]:
        """All entries (of one status, or all when ``status`` is None), in id order."""
        if status is None:
            return self._store.phrase_rows("1 ORDER BY id")
        return self._store.phrase_rows("status = ? ORDER BY id", (status,))

    def get_many(self, phrase_ids: Iterable[int]) -> dict[int, Phrase]:
        """Entries by id (missing ids are left out); one query per 500 ids."""
        ids = [int(i) for i in phrase_ids]
        out: dict[int, Phrase] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for p in self._store.phrase_rows(f"id IN ({marks})", tuple(chunk)):
                out[p.id] = p
        return out

    SORT_COLUMNS = (
        "id", "text", "kind", "functions", "topics", "freq", "doc_freq", "quality",
        "origin", "status", "uses", "last_used", "favourite", "created", "updated",
    )  # fmt: skip

    def list_ids(
        self,
        *,
        kind: str | None = None,
        tag: str | None = None,
        origin: str | None = None,
        favourite: bool | None = None,
        status: str | None = "active",
        order_by: str = "id",
        descending: bool = False,
    ) -> list[int]:
        """Ids of the entries passing the filters, sorted by one column (for lazy tables).

        Cheap enough for a million entries in a worker thread; fetch rows with :meth:`get_many`.
        """
        if order_by not in self.SORT_COLUMNS:
            raise ValueError(f"不能按“{order_by}”排序。")
        where: list[str] = ["1"]
        params: list[Any] = []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if origin is not None:
            where.append("origin = ?")
            params.append(origin)
        if favourite is not None:
            where.append("favourite = ?")
            params.append(int(favourite))
        if status is not None:
            where.append("status = ?")
            params.append(status)
        if tag is not None:
            where.append(
                "(EXISTS (SELECT 1 FROM json_each(functions) WHERE value = ?)"
                " OR EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?))"
            )
            params += [tag, tag]
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT id FROM phrases WHERE {' AND '.join(where)} "
            f"ORDER BY {order_by} {direction}, id {direction}"
        )
        return [int(r[0]) for r in self._store.query(sql, tuple(params))]

    def count(self, *, status: str | None = "active") -> int:
        if status is None:
            return int(self._store.query("SELECT count(*) FROM phrases")[0][0])
        return int(
            self._store.query("SELECT count(*) FROM phrases WHERE status = ?", (status,))[0][0]
        )

    def occurrences(self, phrase_id: int, *, limit: int = 20) -> list[Occurrence]:
        """Sentences where the entry was seen, with the title of each speech."""
        rows = self._store.query(
            "SELECT o.source_id, o.position, o.context, coalesce(s.title, '') "
            "FROM occurrences o LEFT JOIN sources s ON s.id = o.source_id "
            "WHERE o.phrase_id = ? ORDER BY o.source_id, o.position LIMIT ?",
            (int(phrase_id), int(limit)),
        )
        return [Occurrence(int(a), int(b), c or "", d or "") for a, b, c, d in rows]

    def sources(self) -> list[dict[str, Any]]:
        rows = self._store.query(
            "SELECT id, title, path, sha256, size, imported_at FROM sources ORDER BY id"
        )
        keys = ("id", "title", "path", "sha256", "size", "imported_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def follows(self) -> list[tuple[str, int, int]]:
        """(previous clause, phrase id that followed it, count) pairs mined from speeches."""
        rows = self._store.query("SELECT prev_text, phrase_id, count FROM follows")
        return [(a, int(b), int(c)) for a, b, c in rows]

    # --- the suggestion index -----------------------------------------------------------------

    def build_index(self) -> SuggestionIndex:
        """Load every active entry into the in-memory index (slow on big banks: use a worker)."""
        from phrasebank.suggest import SuggestionIndex

        with self._index_lock:
            if self._index is None:
                started = time.perf_counter()
                self._index = SuggestionIndex(self.phrases(), follows=self.follows())
                log.info(
                    "index of %d entries built in %.2fs",
                    len(self._index),
                    time.perf_counter() - started,
                )
            return self._index

    @property
    def index_ready(self) -> bool:
        return self._index is not None

    def _index_update(self, phrases: Iterable[Phrase] = (), removed: Iterable[int] = ()) -> None:
        index = self._index
        if index is None:
            return
        for pid in removed:
            index.remove(pid)
        for phrase in phrases:
            if phrase.status == "active":
                index.add(phrase)
            else:
                index.remove(phrase.id)

    def suggest(
        self,
        before: str,
        *,
        limit: int = 5,
        after: str | None = None,
        **options: Any,
    ) -> list[Suggestion]:
        """Ranked suggestions for the draft text before the caret.

        Entries come from the in-memory index (completion, correction, continuation; see
        :mod:`phrasebank.suggest`; ``options`` such as ``strictness`` pass through). At the
        start of a line or point, the next number of the speech's outline comes first (二、
        after 一、, 二是 after 一是). With ``after`` (the text after the caret) the list is
        re-ranked by where the caret is: opening entries lifted in the opening paragraphs,
        closings and calls to action in the last section.
        """
        from phrasebank.numbering import numbering_suggestions
        from phrasebank.outline import rerank, section_of

        found = self.build_index().suggest(before, limit=limit, **options)
        if after is not None:
            found = rerank(found, section_of(before + after, len(before)))
        numbers = numbering_suggestions(before)
        if not numbers:
            return found
        merged: list[Suggestion] = []
        seen: set[str] = set()
        for suggestion in (*numbers, *found):
            if suggestion.text not in seen:
                seen.add(suggestion.text)
                merged.append(suggestion)
        return merged[:limit]

    def record_use(self, phrase_id: int) -> None:
        """The writer took this entry: count it, so it ranks higher next time."""
        if phrase_id <= 0:  # generated suggestions (numbering) are not bank entries
            return
        when = _now()
        with self._write_lock, self._store.transaction() as db:
            db.execute(
                "UPDATE phrases SET uses = uses + 1, last_used = ? WHERE id = ?",
                (when, int(phrase_id)),
            )
        if self._index is not None:
            self._index.record_use(int(phrase_id), when=when)

    def search(
        self,
        query: str = "",
        *,
        limit: int = 50,
        kind: str | None = None,
        tag: str | None = None,
        origin: str | None = None,
        favourite: bool | None = None,
        status: str | None = "active",
    ) -> list[Phrase]:
        """Entries matching ``query`` by substring, fuzzily, or by pinyin initials (qmcyzd).

        An empty query lists entries by use and quality. Filters narrow the result.
        """

        def keep(p: Phrase) -> bool:
            return (
                (kind is None or p.kind == kind)
                and (tag is None or tag in p.functions or tag in p.topics)
                and (origin is None or p.origin == origin)
                and (favourite is None or p.favourite == favourite)
                and (status is None or p.status == status)
            )

        query = query.strip()
        if not query:
            rows = self.phrases(status=status)
            rows.sort(key=lambda p: (-p.favourite, -p.uses, -p.quality, p.id))
            return [p for p in rows if keep(p)][:limit]
        out: list[Phrase] = []
        seen: set[int] = set()
        if status == "active":
            index = self.build_index()
            for pid, _score in index.search(query, limit=max(limit * 4, 200)):
                p = index.get(pid)
                if p is not None and pid not in seen and keep(p):
                    seen.add(pid)
                    out.append(p)
                if len(out) >= limit:
                    return out
        for pid in self._store.search_ids(query, limit=max(limit * 4, 200)):
            if pid in seen:
                continue
            p = self.get(pid)
            if p is not None and keep(p):
                seen.add(pid)
                out.append(p)
            if len(out) >= limit:
                break
        return out

    # --- writing ------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise BankError(
                f"短语库“{self.path}”是只读的，无法保存修改。请检查文件权限，或另存一份再修改。"
            )

    def add(
        self,
        text: str,
        *,
        kind: str | None = None,
        tags: Iterable[str] = (),
        functions: Iterable[str] = (),
        topics: Iterable[str] = (),
        variants: Iterable[str] = (),
        note: str = "",
        origin: str = "user",
        quality: float | None = None,
        favourite: bool = False,
        status: str = "active",
    ) -> Phrase:
        """Add one entry and return it. Empty text raises ValueError; an existing text raises
        :class:`DuplicateError` carrying the existing entry."""
        phrase = self._new_phrase(
            text,
            kind=kind,
            tags=tags,
            functions=functions,
            topics=topics,
            variants=variants,
            note=note,
            origin=origin,
            quality=quality,
            favourite=favourite,
            status=status,
        )
        self._check_writable()
        with self._write_lock:
            existing = self.find(phrase.text)
            if existing is not None:
                raise DuplicateError(existing)
            with self._store.transaction() as db:
                values = self._store.phrase_values(phrase)
                new_id = db.table("phrases").insert(values).last_pk
            stored = replace(phrase, id=int(new_id))  # type: ignore[arg-type]
        self._index_update([stored])
        return stored

    def _new_phrase(
        self,
        text: str,
        *,
        kind: str | None,
        tags: Iterable[str],
        functions: Iterable[str],
        topics: Iterable[str],
        variants: Iterable[str],
        note: str,
        origin: str,
        quality: float | None,
        favourite: bool,
        status: str,
        freq: int = 0,
        doc_freq: int = 0,
        when: float | None = None,
    ) -> Phrase:
        text = _clean_entry_text(text)
        kind = kind or infer_kind(text)
        if kind not in KINDS:
            raise ValueError(f"未知的类型“{kind}”。可用类型：{'、'.join(KINDS)}。")
        if origin not in ORIGINS:
            raise ValueError(f"未知的来源“{origin}”。")
        if status not in STATUSES:
            raise ValueError(f"未知的状态“{status}”。")
        f_tags, t_tags = _split_tags(tags)
        when = _now() if when is None else when
        return Phrase(
            id=0,
            text=text,
            kind=kind,
            functions=_merge(functions, f_tags),
            topics=_merge(topics, t_tags),
            variants=tuple(v.strip() for v in variants if v and v.strip() and v.strip() != text),
            freq=freq,
            doc_freq=doc_freq,
            quality=0.8 if quality is None else max(0.0, min(1.0, float(quality))),
            origin=origin,
            status=status,
            favourite=bool(favourite),
            note=str(note or ""),
            created=when,
            updated=when,
        )

    def update(
        self,
        phrase_id: int,
        *,
        text: str | None = None,
        kind: str | None = None,
        functions: Iterable[str] | None = None,
        topics: Iterable[str] | None = None,
        variants: Iterable[str] | None = None,
        note: str | None = None,
        favourite: bool | None = None,
        status: str | None = None,
        quality: float | None = None,
    ) -> Phrase:
        """Change fields of one entry; returns the updated entry. Raises KeyError if missing,
        DuplicateError if the new text belongs to another entry."""
        self._check_writable()
        with self._write_lock:
            current = self.get(phrase_id)
            if current is None:
                raise KeyError(f"短语库中没有编号为 {phrase_id} 的条目。")
            changes: dict[str, Any] = {}
            if text is not None:
                changes["text"] = _clean_entry_text(text)
                other = self.find(changes["text"])
                if other is not None and other.id != current.id:
                    raise DuplicateError(other)
            if kind is not None:
                if kind not in KINDS:
                    raise ValueError(f"未知的类型“{kind}”。可用类型：{'、'.join(KINDS)}。")
                changes["kind"] = kind
            if functions is not None:
                changes["functions"] = tuple(functions)
            if topics is not None:
                changes["topics"] = tuple(topics)
            if variants is not None:
                changes["variants"] = tuple(variants)
            if note is not None:
                changes["note"] = note
            if favourite is not None:
                changes["favourite"] = bool(favourite)
            if status is not None:
                if status not in STATUSES:
                    raise ValueError(f"未知的状态“{status}”。")
                changes["status"] = status
            if quality is not None:
                changes["quality"] = max(0.0, min(1.0, float(quality)))
            updated = replace(current, **changes, updated=_now())
            values = self._store.phrase_values(updated)
            with self._store.transaction() as db:
                db.table("phrases").update(current.id, values)
        self._index_update([updated])
        return updated

    def remove(self, phrase_ids: int | Iterable[int]) -> list[Phrase]:
        """Delete entries (with their provenance); returns what was removed, for undo."""
        self._check_writable()
        ids = [int(phrase_ids)] if isinstance(phrase_ids, int) else [int(i) for i in phrase_ids]
        with self._write_lock:
            removed = [p for p in (self.get(i) for i in ids) if p is not None]
            if not removed:
                return []
            marks = ",".join("?" * len(removed))
            params = tuple(p.id for p in removed)
            with self._store.transaction() as db:
                db.execute(f"DELETE FROM occurrences WHERE phrase_id IN ({marks})", params)
                db.execute(f"DELETE FROM follows WHERE phrase_id IN ({marks})", params)
                db.execute(f"DELETE FROM phrases WHERE id IN ({marks})", params)
        self._index_update(removed=params)
        return removed

    def restore(self, phrases: Iterable[Phrase]) -> None:
        """Put back entries returned by :meth:`remove` (their ids and counts; not provenance)."""
        self._check_writable()
        items = list(phrases)
        with self._write_lock, self._store.transaction() as db:
            for p in items:
                db.table("phrases").insert(
                    {"id": p.id, **self._store.phrase_values(p)}, replace=True
                )
        self._index_update(items)

    def merge(self, keep_id: int, other_ids: Iterable[int]) -> Phrase:
        """Fold near-duplicates into one entry: the kept text stays, and it gains the others'
        frequency, uses, tags, wrong variants (their texts become variants), favourite mark and
        provenance. The others are deleted. One transaction."""
        self._check_writable()
        with self._write_lock:
            keep = self.get(keep_id)
            if keep is None:
                raise KeyError(f"短语库中没有编号为 {keep_id} 的条目。")
            others = [
                p for p in (self.get(i) for i in other_ids) if p is not None and p.id != keep.id
            ]
            if not others:
                return keep
            last_used = [p.last_used for p in (keep, *others) if p.last_used is not None]
            merged = replace(
                keep,
                freq=keep.freq + sum(p.freq for p in others),
                doc_freq=max([keep.doc_freq, *(p.doc_freq for p in others)]),
                uses=keep.uses + sum(p.uses for p in others),
                last_used=max(last_used) if last_used else None,
                favourite=keep.favourite or any(p.favourite for p in others),
                functions=_merge(keep.functions, [t for p in others for t in p.functions]),
                topics=_merge(keep.topics, [t for p in others for t in p.topics]),
                variants=_merge(
                    keep.variants,
                    [v for p in others for v in (p.text, *p.variants) if v != keep.text],
                ),
                quality=max([keep.quality, *(p.quality for p in others)]),
                note=keep.note or next((p.note for p in others if p.note), ""),
                updated=_now(),
            )
            ids = tuple(p.id for p in others)
            marks = ",".join("?" * len(ids))
            with self._store.transaction() as db:
                db.execute(
                    f"UPDATE occurrences SET phrase_id = ? WHERE phrase_id IN ({marks})",
                    (keep.id, *ids),
                )
                db.execute(
                    "INSERT INTO follows (prev_text, phrase_id, count) "
                    f"SELECT prev_text, ?, count FROM follows WHERE phrase_id IN ({marks}) "
                    "ON CONFLICT(prev_text, phrase_id) DO UPDATE SET count = count + excluded.count",
                    (keep.id, *ids),
                )
                db.execute(f"DELETE FROM follows WHERE phrase_id IN ({marks})", ids)
                db.execute(f"DELETE FROM phrases WHERE id IN ({marks})", ids)
                db.table("phrases").update(keep.id, self._store.phrase_values(merged))
        self._index_update([merged], removed=ids)
        return merged

    def set_status(self, phrase_ids: Iterable[int], status: str) -> int:
        """Move entries between the review queue ("pending"), the bank ("active") and
        "rejected" in one transaction; returns how many changed."""
        if status not in STATUSES:
            raise ValueError(f"未知的状态“{status}”。")
        self._check_writable()
        now = _now()
        changed: list[Phrase] = []
        with self._write_lock:
            current = self.get_many(phrase_ids)
            with self._store.transaction() as db:
                for p in current.values():
                    if p.status != status:
                        db.execute(
                            "UPDATE phrases SET status = ?, updated = ? WHERE id = ?",
                            (status, now, p.id),
                        )
                        changed.append(replace(p, status=status, updated=now))
        self._index_update(changed)
        return len(changed)

    def tag(
        self, phrase_ids: int | Iterable[int], tags: Iterable[str], *, remove: bool = False
    ) -> int:
        """Add (or with ``remove``, take away) tags on several entries; returns how many changed."""
        ids = [int(phrase_ids)] if isinstance(phrase_ids, int) else [int(i) for i in phrase_ids]
        f_tags, t_tags = _split_tags(tags)
        changed = 0
        for pid in ids:
            p = self.get(pid)
            if p is None:
                continue
            if remove:
                functions = tuple(t for t in p.functions if t not in f_tags)
                topics = tuple(t for t in p.topics if t not in t_tags)
            else:
                functions, topics = _merge(p.functions, f_tags), _merge(p.topics, t_tags)
            if (functions, topics) != (p.functions, p.topics):
                self.update(pid, functions=functions, topics=topics)
                changed += 1
        return changed

    def add_many(self, phrases: Sequence[Phrase]) -> tuple[int, int]:
        """Insert records in one transaction; an existing text only gains counts and tags.

        Returns (added, updated). Used by imports of CSV/JSON/packs and the curated list.
        """
        self._check_writable()
        added = updated = 0
        touched: list[Phrase] = []
        with self._write_lock, self._store.transaction() as db:
            for p in phrases:
                existing = self.find(p.text)
                if existing is None:
                    new_id = db.table("phrases").insert(self._store.phrase_values(p)).last_pk
                    touched.append(replace(p, id=int(new_id)))  # type: ignore[arg-type]
                    added += 1
                else:
                    merged = replace(
                        existing,
                        functions=_merge(existing.functions, p.functions),
                        topics=_merge(existing.topics, p.topics),
                        variants=_merge(existing.variants, p.variants),
                        freq=existing.freq + p.freq,
                        note=existing.note or p.note,
                        favourite=existing.favourite or p.favourite,
                        updated=_now(),
                    )
                    db.table("phrases").update(existing.id, self._store.phrase_values(merged))
                    touched.append(merged)
                    updated += 1
        self._index_update(touched)
        return added, updated

    # --- mining -------------------------------------------------------------------------------

    def mine(
        self,
        paths_: Iterable[str | os.PathLike[str]],
        *,
        on_progress: ProgressFn | None = None,
        should_stop: StopFn | None = None,
        status: str = "active",
        origin: str = "mined",
    ) -> MineReport:
        """Read, clean and mine speech files (or folders of them) into the bank.

        Unreadable files are skipped and listed in the report; files whose content was
        imported before are skipped too (nothing is counted twice). Everything is written
        in one transaction after mining: a cancel (``should_stop`` returning True raises
        :class:`phrasebank.mine.MiningCancelled`) or an error leaves the bank as it was.
        New entries get ``status`` ("pending" puts them in the review queue).
        """
        from phrasebank.clean import clean_text
        from phrasebank.read import ReadError, iter_documents

        self._check_writable()
        report = MineReport()
        known = {row[0] for row in self._store.query("SELECT sha256 FROM sources")}
        docs: list[_Doc] = []
        for item in iter_documents([Path(p) for p in paths_]):
            if should_stop is not None and should_stop():
                from phrasebank.mine import MiningCancelled

                raise MiningCancelled()
            if isinstance(item, ReadError):
                report.skipped.append((str(item.path), str(item)))
                continue
            if item.sha256 in known:
                report.skipped.append((str(item.path), "此前已导入过相同内容，已跳过。"))
                continue
            known.add(item.sha256)
            text = clean_text(item.text)
            if not text.strip():
                report.skipped.append((str(item.path), "清理后没有正文内容。"))
                continue
            docs.append(_Doc(item.title, str(item.path), item.sha256, item.size, text))
        self._ingest(
            docs,
            report,
            on_progress=on_progress,
            should_stop=should_stop,
            status=status,
            origin=origin,
        )
        return report

    def mine_texts(
        self,
        documents: Sequence[tuple[str, str]],
        *,
        on_progress: ProgressFn | None = None,
        should_stop: StopFn | None = None,
        status: str = "active",
        origin: str = "mined",
        when: float | None = None,
        source_paths: Sequence[str] | None = None,
    ) -> MineReport:
        """Mine already-clean texts given as (title, text) pairs (evaluation, default bank).

        ``source_paths`` (one per document) are recorded as where each came from; by default
        the title stands in for the path.
        """
        import hashlib

        self._check_writable()
        report = MineReport()
        known = {row[0] for row in self._store.query("SELECT sha256 FROM sources")}
        docs = []
        for i, (title, text) in enumerate(documents):
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest in known:
                report.skipped.append((title, "此前已导入过相同内容，已跳过。"))
                continue
            known.add(digest)
            path = source_paths[i] if source_paths is not None else title
            docs.append(_Doc(title, path, digest, len(text.encode("utf-8")), text))
        self._ingest(
            docs,
            report,
            on_progress=on_progress,
            should_stop=should_stop,
            status=status,
            origin=origin,
            when=when,
        )
        return report

    def _ingest(
        self,
        docs: list[_Doc],
        report: MineReport,
        *,
        on_progress: ProgressFn | None,
        should_stop: StopFn | None,
        status: str,
        origin: str,
        when: float | None = None,
    ) -> None:
        from phrasebank.mine import mine_texts

        if not docs:
            return
        known_texts = [
            r[0] for r in self._store.query("SELECT text FROM phrases WHERE origin = 'curated'")
        ]
        result = mine_texts(
            [d.text for d in docs],
            on_progress=on_progress,
            should_stop=should_stop,
            known=known_texts,
        )
        if should_stop is not None and should_stop():
            from phrasebank.mine import MiningCancelled

            raise MiningCancelled()
        now = _now() if when is None else when
        touched: list[Phrase] = []
        with self._write_lock, self._store.transaction() as db:
            source_ids = []
            for d in docs:
                source_ids.append(
                    db.table("sources")
                    .insert(
                        {
                            "title": d.title,
                            "path": d.path,
                            "sha256": d.sha256,
                            "size": d.size,
                            "imported_at": now,
                        }
                    )
                    .last_pk
                )
            ids_by_text: dict[str, int] = {}
            for entry in result.entries:
                existing = self.find(entry.text)
                if existing is None:
                    phrase = self._new_phrase(
                        entry.text,
                        kind=entry.kind,
                        tags=(),
                        functions=entry.functions,
                        topics=entry.topics,
                        variants=(),
                        note="",
                        origin=origin,
                        quality=entry.quality,
                        favourite=False,
                        status=status,
                        freq=entry.freq,
                        doc_freq=entry.doc_freq,
                        when=now,
                    )
                    pid = int(db.table("phrases").insert(self._store.phrase_values(phrase)).last_pk)  # type: ignore[arg-type]
                    touched.append(replace(phrase, id=pid))
                    report.added += 1
                    report.added_ids.append(pid)
                else:
                    pid = existing.id
                    merged = replace(
                        existing,
                        freq=existing.freq + entry.freq,
                        doc_freq=existing.doc_freq + entry.doc_freq,
                        functions=_merge(existing.functions, entry.functions),
                        topics=_merge(existing.topics, entry.topics),
                        updated=now,
                    )
                    db.table("phrases").update(pid, self._store.phrase_values(merged))
                    touched.append(merged)
                    report.updated += 1
                ids_by_text[entry.text] = pid
                db.table("occurrences").insert_all(
                    {
                        "phrase_id": pid,
                        "source_id": source_ids[o.doc],
                        "position": o.position,
                        "context": o.context,
                    }
                    for o in entry.occurrences
                )
            follow_counts: Counter[tuple[str, int]] = Counter()
            for prev, nxt, count in result.follows:
                pid_next = ids_by_text.get(nxt)
                if pid_next is not None and prev:
                    follow_counts[(prev, pid_next)] += count
            for (prev, pid_next), count in sorted(follow_counts.items()):
                db.execute(
                    "INSERT INTO follows (prev_text, phrase_id, count) VALUES (?, ?, ?) "
                    "ON CONFLICT(prev_text, phrase_id) DO UPDATE SET count = count + excluded.count",
                    (prev, pid_next, count),
                )
        report.files += len(docs)
        self._index_update(touched)
        if self._index is not None:
            for (prev, pid_next), count in follow_counts.items():
                self._index.add_follow(prev, pid_next, count)

    # --- statistics ---------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts by kind, function tag, topic tag, origin and status; most used; recent."""
        phrases = self.phrases(status=None)
        active = [p for p in phrases if p.status == "active"]
        by_kind = Counter(p.kind for p in active)
        by_function = Counter(t for p in active for t in p.functions)
        by_topic = Counter(t for p in active for t in p.topics)
        by_origin = Counter(p.origin for p in active)
        by_status = Counter(p.status for p in phrases)
        most_used = sorted((p for p in active if p.uses), key=lambda p: (-p.uses, p.id))[:10]
        recent = sorted(active, key=lambda p: (-p.created, -p.id))[:10]
        return {
            "total": len(active),
            "by_kind": {KIND_LABELS.get(k, k): n for k, n in by_kind.most_common()},
            "by_function": dict(by_function.most_common()),
            "by_topic": dict(by_topic.most_common()),
            "by_origin": dict(by_origin.most_common()),
            "by_status": dict(by_status.most_common()),
            "sources": int(self._store.query("SELECT count(*) FROM sources")[0][0]),
            "occurrences": int(self._store.query("SELECT count(*) FROM occurrences")[0][0]),
            "most_used": [(p.text, p.uses) for p in most_used],
            "recent": [p.text for p in recent],
        }
