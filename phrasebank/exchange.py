"""Export and import of bank entries as CSV or JSON.

CSV needs only a ``text`` column; ``kind``, ``tags`` (or ``functions``/``topics``),
``variants``, ``note``, ``favourite`` are optional. JSON is a list of objects with at least
``text``. Every row is validated; bad rows are reported with their line (CSV) or item (JSON)
number and the good ones go in together, in one transaction.

Spreadsheet safety: on export a cell that starts with = + - @ or a tab/CR is written with a
leading apostrophe, so Excel/WPS show it as text instead of running it as a formula; on
import that apostrophe is taken off again, and an entry text that still starts like a
formula is refused.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phrasebank.atomic import atomic_write_bytes
from phrasebank.bank import MAX_PHRASE_CHARS, PhraseBank
from phrasebank.model import FUNCTION_TAGS, KIND_LABELS, KINDS, Phrase

__all__ = ["ImportReport", "export_phrases", "import_phrases", "parse_rows", "phrase_record"]

MAX_IMPORT_BYTES = 50_000_000
FIELDS = (
    "text",
    "kind",
    "functions",
    "topics",
    "variants",
    "note",
    "favourite",
    "uses",
    "origin",
    "quality",
    "freq",
    "doc_freq",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LIST_SPLIT = re.compile(r"[|;；,，、]")
_KIND_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_TRUE = {"1", "true", "yes", "y", "是", "对", "✓", "√"}
_FALSE = {"", "0", "false", "no", "n", "否"}


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line or item number, reason)

    def summary(self) -> str:
        text = f"导入完成：新增 {self.added} 条，合并 {self.updated} 条"
        if self.bad:
            text += f"，{len(self.bad)} 行有误已跳过"
        return text + "。"


def _neutralise(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _unwrap(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in _LIST_SPLIT.split(_unwrap(str(value))) if v.strip()]


def _row_to_phrase(row: dict[str, Any]) -> Phrase:
    """Validate one row; raises ValueError with a short reason."""
    raw = row.get("text")
    if raw is None:
        raise ValueError("缺少 text（短语内容）")
    text = _unwrap(str(raw)).strip()
    if not text:
        raise ValueError("text 为空")
    if text.startswith(_FORMULA_START):
        raise ValueError("内容以 = + - @ 开头，疑似电子表格公式，已拒绝")
    if len(text) > MAX_PHRASE_CHARS:
        raise ValueError(f"内容超过 {MAX_PHRASE_CHARS} 字")
    kind = str(row.get("kind") or "").strip()
    kind = _KIND_BY_LABEL.get(kind, kind)
    if kind and kind not in KINDS:
        raise ValueError(f"未知类型“{kind}”")
    functions = _as_list(row.get("functions"))
    topics = _as_list(row.get("topics"))
    for tag in _as_list(row.get("tags")):
        (functions if tag in FUNCTION_TAGS else topics).append(tag)
    fav = str(row.get("favourite") or "").strip().lower()
    if fav not in _TRUE | _FALSE:
        raise ValueError(f"favourite 应为 1/0 或 是/否，而不是“{fav}”")
    return Phrase(
        id=0,
        text=text,
        kind=kind or "",
        functions=tuple(dict.fromkeys(functions)),
        topics=tuple(dict.fromkeys(topics)),
        variants=tuple(v for v in _as_list(row.get("variants")) if v != text),
        note=_unwrap(str(row.get("note") or "")).strip(),
        favourite=fav in _TRUE,
        origin="imported",
    )


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"“{path.name}”的编码无法识别。请另存为 UTF-8 编码的文件后再导入。")


def parse_rows(path: str | os.PathLike[str]) -> tuple[list[Phrase], list[tuple[int, str]]]:
    """Read and validate a CSV or JSON file: (good entries, bad rows with reasons)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ValueError(f"“{p.name}”过大（{size // 1_000_000} MB），无法导入。")
        data = p.read_bytes()
    except OSError as exc:
        raise ValueError(f"无法读取“{p}”：{exc.strerror or exc}。") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"“{p.name}”不是文本文件，无法导入。请选择 CSV 或 JSON 文件。")
    text = _decode(data, p)
    good: list[Phrase] = []
    bad: list[tuple[int, str]] = []
    suffix = p.suffix.lower()
    if suffix == ".json":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(
                f"“{p.name}”不是有效的 JSON（第 {exc.lineno} 行）：{exc.msg}。"
            ) from exc
        if isinstance(items, dict) and isinstance(items.get("phrases"), list):
            items = items["phrases"]
        if not isinstance(items, list):
            raise ValueError(f"“{p.name}”应为对象列表，每个对象至少包含 text。")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                bad.append((number, "不是对象"))
                continue
            try:
                good.append(_row_to_phrase(item))
            except ValueError as exc:
                bad.append((number, str(exc)))
    elif suffix in (".csv", ".tsv", ".txt"):
        dialect: type[csv.Dialect] = csv.excel_tab if suffix == ".tsv" else csv.excel
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        try:
            header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
        except StopIteration:
            raise ValueError(f"“{p.name}”是空文件。") from None
        if "text" not in header:
            raise ValueError(
                f"“{p.name}”的表头缺少 text 列（短语内容）。第一行应为列名，如：text,kind,tags"
            )
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                bad.append((line, f"列数 {len(cells)} 多于表头的 {len(header)} 列"))
                continue
            row = dict(zip(header, cells, strict=False))
            try:
                good.append(_row_to_phrase(row))
            except ValueError as exc:
                bad.append((line, str(exc)))
    else:
        raise ValueError(f"不支持的文件类型“{p.suffix}”。请选择 .csv 或 .json 文件。")
    return good, bad


def import_phrases(bank: PhraseBank, path: str | os.PathLike[str]) -> ImportReport:
    """Import a CSV/JSON file into ``bank``: good rows in one transaction, bad rows reported."""
    good, bad = parse_rows(path)
    from phrasebank.bank import infer_kind

    fixed = [p if p.kind else _with_kind(p, infer_kind(p.text)) for p in good]
    added, updated = bank.add_many(fixed) if fixed else (0, 0)
    return ImportReport(added=added, updated=updated, bad=bad)


def _with_kind(p: Phrase, kind: str) -> Phrase:
    from dataclasses import replace

    return replace(p, kind=kind)


def phrase_record(p: Phrase) -> dict[str, Any]:
    """An entry as plain data (export files and bank packs)."""
    return {
        "text": p.text,
        "kind": p.kind,
        "functions": list(p.functions),
        "topics": list(p.topics),
        "variants": list(p.variants),
        "note": p.note,
        "favourite": p.favourite,
        "uses": p.uses,
        "origin": p.origin,
        "quality": round(p.quality, 4),
        "freq": p.freq,
        "doc_freq": p.doc_freq,
    }


def export_phrases(
    bank: PhraseBank,
    path: str | os.PathLike[str],
    *,
    ids: Iterable[int] | None = None,
    fmt: str | None = None,
) -> int:
    """Write entries (all active ones, or ``ids``) to CSV or JSON; returns how many.

    The file is written atomically: a failure (full disk) leaves any old file intact.
    """
    p = Path(path)
    fmt = (fmt or p.suffix.lstrip(".") or "csv").lower()
    phrases: Sequence[Phrase]
    if ids is None:
        phrases = bank.phrases()
    else:
        phrases = [x for x in (bank.get(i) for i in ids) if x is not None]
    rows = [phrase_record(x) for x in phrases]
    if fmt == "json":
        data = json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, csv.excel_tab if fmt == "tsv" else csv.excel)
        writer.writerow(FIELDS)
        for row in rows:
            cells = []
            for name in FIELDS:
                value = row[name]
                if isinstance(value, list):
                    value = "|".join(value)
                elif isinstance(value, bool):
                    value = int(value)
                cells.append(_neutralise(str(value)))
            writer.writerow(cells)
        data = buf.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 correctly
    else:
        raise ValueError(f"不支持的导出格式“{fmt}”。请用 csv 或 json。")
    atomic_write_bytes(p, data)
    return len(rows)
