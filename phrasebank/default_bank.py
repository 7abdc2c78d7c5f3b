"""Build the bundled default bank: the curated formulations plus what the seed speeches yield.

Deterministic: the same curated list and seeds give the same entries with the same ids and
timestamps (``SOURCE_DATE_EPOCH`` or a fixed date), so the shipped file can be rebuilt and
compared. Run ``phrasebank build-default`` from a checkout to refresh
``resources/default_bank.db``.
"""

from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from phrasebank import paths
from phrasebank.bank import MineReport, PhraseBank
from phrasebank.model import Phrase

__all__ = ["build_default_bank", "curated_phrases", "default_output", "seed_documents"]

#: 2026-01-01T00:00:00Z: the timestamp stamped on every shipped entry unless SOURCE_DATE_EPOCH.
FIXED_EPOCH = 1767225600.0


def _epoch() -> float:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return float(value) if value.isdigit() else FIXED_EPOCH


def default_output() -> Path:
    """resources/default_bank.db of the checkout (or installed package) this code runs from."""
    with resources.as_file(paths.resource(paths.DEFAULT_BANK_RESOURCE)) as p:
        return Path(p)


def curated_phrases(*, when: float) -> list[Phrase]:
    """The curated list as bank records (origin "curated", top quality, wrong forms kept).

    Entries with a ``context`` are correction rules for the checker, not phrases to offer.
    """
    from phrasebank.curated import load_curated

    out = []
    for entry in load_curated():
        if entry.context:
            continue  # a context-dependent correction rule (作出/做出), not a phrase to suggest
        out.append(
            Phrase(
                id=0,
                text=entry.text,
                kind=entry.kind,
                functions=tuple(entry.functions),
                topics=tuple(entry.topics),
                variants=tuple(dict.fromkeys((*entry.wrong, *entry.deprecated))),
                quality=1.0,
                origin="curated",
                note=entry.reason or "",
                created=when,
                updated=when,
            )
        )
    return out


def seed_documents() -> list[tuple[str, str, str]]:
    """(title, clean text, path under resources/) of every seed speech, in file-name order."""
    from phrasebank.clean import clean_text
    from phrasebank.read import read_document

    docs = []
    seeds = sorted(paths.resource("seeds").iterdir(), key=lambda t: t.name)
    for item in seeds:
        if not item.name.endswith((".txt", ".md", ".docx")):
            continue
        with resources.as_file(item) as real:
            doc = read_document(Path(real))
        text = clean_text(doc.text)
        title = doc.title
        if title == Path(item.name).stem:  # no title line: the file name is only a hash
            lines = [ln for ln in text.split("\n") if len(ln) > 8 or not ln.endswith("：")]
            first = lines[0] if lines else item.name  # skip 同志们： and the like
            title = first[:18] + ("…" if len(first) > 18 else "")
        docs.append((title, text, f"seeds/{item.name}"))
    return docs


def build_default_bank(out: str | os.PathLike[str]) -> MineReport:
    """Write a fresh default bank to ``out`` (atomically: a failure leaves the old file)."""
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    when = _epoch()
    bank = PhraseBank.open(tmp)
    try:
        bank.add_many(curated_phrases(when=when))
        seeds = seed_documents()
        report = bank.mine_texts(
            [(title, text) for title, text, _path in seeds],
            when=when,
            source_paths=[path for _title, _text, path in seeds],
        )
    finally:
        bank.close()
    # One self-contained file: no WAL beside it, no free pages.
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, target)
    return report
