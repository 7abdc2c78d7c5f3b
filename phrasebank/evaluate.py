"""Keystroke savings (KSR) of a simulated writer, leave-one-out over a corpus of speeches.

The measure is the one in design.md: the writer types the target speech character by
character; after each character the engine gets the text so far; if one of the top ``k``
suggestions, applied (delete ``replace`` characters before the caret, insert ``text``), makes
the draft a longer prefix of the target than typing one more character would, the writer
accepts the one giving the longest correct prefix, at the cost of one key. The engine is asked
again after an acceptance too (the editor refreshes its popup after an insertion), so a
continuation can follow a completed clause. KSR = 1 − keys ÷ characters of the target.

The upper bound is the share of the target's characters covered by bank entries (two
characters or more) that occur verbatim in it: no engine offering only bank entries saves
more than that.

Leave-one-out: for each speech, a bank is built from the *other* speeches by a caller-supplied
``build_bank`` (:func:`product_index`: the miner + curated list), the speech is typed against
it, and so against the naive baseline: every clause of the other speeches, completed by
clause prefix only.
"""

from __future__ import annotations

import heapq
import logging
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from phrasebank.model import Phrase, Suggestion
from phrasebank.split import (
    CLAUSE_DELIMITERS,
    split_clauses,
    split_paragraphs,
    split_sentences,
)

__all__ = [
    "DocResult",
    "EvalReport",
    "SimResult",
    "SuggestFn",
    "clause_bank",
    "clauses_of",
    "format_report",
    "leave_one_out",
    "load_documents",
    "naive_baseline_suggest",
    "product_index",
    "run_eval",
    "simulate",
    "upper_bound",
]

log = logging.getLogger(__name__)

SuggestFn = Callable[[str], Sequence[Suggestion]]


class _Suggests(Protocol):
    def suggest(self, before: str, *, limit: int = ...) -> Sequence[Suggestion]: ...


@dataclass(frozen=True, slots=True)
class SimResult:
    """One simulated typing of a target text."""

    chars: int  # characters of the target
    keys: int  # keys pressed: typed characters plus one per acceptance
    accepted: int  # suggestions taken
    gained: int  # characters those suggestions added to the draft
    k: int  # suggestions the writer looks at

    @property
    def ksr(self) -> float:
        """Keystroke saving rate: 1 − keys ÷ characters."""
        return 1.0 - self.keys / self.chars if self.chars else 0.0

    @property
    def mean_accepted(self) -> float:
        """Mean number of characters an accepted suggestion added."""
        return self.gained / self.accepted if self.accepted else 0.0


def simulate(target: str, suggest_fn: SuggestFn, *, k: int = 5) -> SimResult:
    """Type ``target`` with ``suggest_fn(before) -> suggestions``, taking those that save keys.

    Pure: the only state is the draft; any callable returning
    :class:`~phrasebank.model.Suggestion` records works.
    """
    n = len(target)
    pos = keys = accepted = gained = 0
    while pos < n:
        pos += 1  # type one character
        keys += 1
        while pos < n:
            before = target[:pos]
            best = pos + 1  # what typing one more character would give
            for s in list(suggest_fn(before))[:k]:
                start = pos - s.replace
                if s.replace < 0 or start < 0 or not s.text:
                    continue
                end = start + len(s.text)
                if end > best and target.startswith(s.text, start):
                    best = end
            if best <= pos + 1:
                break
            keys += 1  # accept
            accepted += 1
            gained += best - pos
            pos = best
    return SimResult(chars=n, keys=keys, accepted=accepted, gained=gained, k=k)


def upper_bound(target: str, phrase_texts: Iterable[str]) -> float:
    """Share of ``target`` characters covered by phrases (≥ 2 characters) found verbatim in it."""
    if not target:
        return 0.0
    bigrams = {target[i : i + 2] for i in range(len(target) - 1)}
    covered = bytearray(len(target))
    for text in set(phrase_texts):
        if len(text) < 2 or text[:2] not in bigrams:
            continue
        at = target.find(text)
        while at >= 0:
            covered[at : at + len(text)] = b"\x01" * len(text)
            at = target.find(text, at + 1)
    return sum(covered) / len(target)


def clauses_of(text: str) -> list[tuple[str, str]]:
    """(clause, closing mark) pairs of a cleaned text, in order."""
    out: list[tuple[str, str]] = []
    for para in split_paragraphs(text):
        for sentence in split_sentences(para):
            out.extend((c.text, c.end) for c in split_clauses(sentence))
    return out


def _current_clause(before: str) -> str:
    cut = max(before.rfind(ch) for ch in CLAUSE_DELIMITERS + "\n")
    return before[cut + 1 :]


def naive_baseline_suggest(clauses: Iterable[str], *, k: int = 5) -> SuggestFn:
    """The baseline: every clause of the other speeches, completed by clause prefix only.

    The typed part of the current clause (since the last clause mark) is completed to the
    most frequent clauses starting with it; nothing else (no mid-clause anchor, no
    correction, no continuation).
    """
    counts = Counter(c for c in clauses if len(c) >= 2)
    keys = sorted(counts)

    def suggest(before: str) -> list[Suggestion]:
        typed = _current_clause(before)
        if not typed:
            return []
        lo = bisect_left(keys, typed)
        hi = bisect_left(keys, typed + "\U0010ffff", lo)
        found = (keys[i] for i in range(lo, hi) if keys[i] != typed)
        top = heapq.nlargest(k, found, key=lambda c: (counts[c], -len(c)))
        return [
            Suggestion(
                text=c, replace=len(typed), score=float(counts[c]), phrase_id=-1, kind="clause"
            )
            for c in top
        ]

    return suggest


def clause_bank(documents: Sequence[tuple[str, str]]) -> Any:
    """A :class:`~phrasebank.suggest.SuggestionIndex` of the documents' clauses and follows.

    A stand-in for the miner: every distinct clause (two characters or more) is an entry
    with its frequency and document frequency, and the clause that followed it is recorded
    in the follows table. Compare it with :func:`naive_baseline_suggest` to see what the
    engine adds on the same bank.
    """
    from phrasebank.suggest import SuggestionIndex

    freq: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for _title, text in documents:
        seen: set[str] = set()
        previous = ""
        for clause, _mark in clauses_of(text):
            if len(clause) >= 2:
                freq[clause] += 1
                seen.add(clause)
                if previous:
                    pairs[(previous, clause)] += 1
            previous = clause
        docs.update(seen)
    ids = {text: i for i, text in enumerate(sorted(freq), start=1)}
    phrases = [Phrase(id=ids[t], text=t, freq=freq[t], doc_freq=docs[t], quality=0.5) for t in ids]
    follows = [(prev, ids[nxt], n) for (prev, nxt), n in pairs.items()]
    return SuggestionIndex(phrases, follows=follows)


def product_index(documents: Sequence[tuple[str, str]]) -> Any:
    """The app's own bank for a set of speeches, as the editor would see it: the curated
    list plus what the miner finds, stored in a throw-away PhraseBank and indexed.

    The returned :class:`~phrasebank.suggest.SuggestionIndex` lives on in memory after the
    bank file is gone.
    """
    from phrasebank.bank import PhraseBank
    from phrasebank.default_bank import FIXED_EPOCH, curated_phrases

    with PhraseBank.memory() as bank:
        bank.add_many(curated_phrases(when=FIXED_EPOCH))
        bank.mine_texts(documents)
        return bank.build_index()


@dataclass(frozen=True, slots=True)
class DocResult:
    """One speech typed against a bank built without it, and against the baseline."""

    title: str
    ours: SimResult
    naive: SimResult
    bound: float  # upper bound with our bank
    naive_bound: float  # upper bound with the baseline's clauses


@dataclass(frozen=True, slots=True)
class EvalReport:
    docs: tuple[DocResult, ...]
    k: int

    @staticmethod
    def _total(results: Iterable[SimResult], k: int) -> SimResult:
        items = list(results)
        return SimResult(
            chars=sum(r.chars for r in items),
            keys=sum(r.keys for r in items),
            accepted=sum(r.accepted for r in items),
            gained=sum(r.gained for r in items),
            k=k,
        )

    @property
    def ours(self) -> SimResult:
        """All speeches together (character-weighted)."""
        return self._total((d.ours for d in self.docs), self.k)

    @property
    def naive(self) -> SimResult:
        return self._total((d.naive for d in self.docs), self.k)

    def _weighted(self, values: Iterable[tuple[float, int]]) -> float:
        pairs = [(v, n) for v, n in values if not math.isnan(v)]
        total = sum(n for _, n in pairs)
        return sum(v * n for v, n in pairs) / total if total else math.nan

    @property
    def bound(self) -> float:
        return self._weighted((d.bound, d.ours.chars) for d in self.docs)

    @property
    def naive_bound(self) -> float:
        return self._weighted((d.naive_bound, d.naive.chars) for d in self.docs)


def _texts_of(bank: object) -> list[str] | None:
    """Entry texts of a bank object, if it tells them (texts() or phrases())."""
    for name in ("texts", "phrase_texts"):
        method = getattr(bank, name, None)
        if callable(method):
            return [str(t) for t in method()]
    method = getattr(bank, "phrases", None)
    if callable(method):
        return [p.text for p in method() if getattr(p, "status", "active") == "active"]
    return None


def leave_one_out(
    documents: Sequence[tuple[str, str]],
    build_bank: Callable[[list[tuple[str, str]]], _Suggests],
    *,
    k: int = 5,
    on_progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Type each (title, clean text) document against ``build_bank(the other documents)``.

    ``build_bank`` returns an object with ``.suggest(before, limit=k)``; if it also has
    ``texts()`` or ``phrases()`` the upper bound is reported, else NaN.
    """
    results: list[DocResult] = []
    for i, (title, text) in enumerate(documents):
        others = [d for j, d in enumerate(documents) if j != i]
        bank = build_bank(others)

        def ours_fn(before: str, bank: _Suggests = bank) -> Sequence[Suggestion]:
            return bank.suggest(before, limit=k)

        other_clauses = [c for _t, doc in others for c, _m in clauses_of(doc)]
        texts = _texts_of(bank)
        results.append(
            DocResult(
                title=title,
                ours=simulate(text, ours_fn, k=k),
                naive=simulate(text, naive_baseline_suggest(other_clauses, k=k), k=k),
                bound=upper_bound(text, texts) if texts is not None else math.nan,
                naive_bound=upper_bound(text, other_clauses),
            )
        )
        log.info("evaluated %s: KSR %.3f", title, results[-1].ours.ksr)
        if on_progress is not None:
            on_progress(i + 1, len(documents))
    return EvalReport(docs=tuple(results), k=k)


def _cell(value: float) -> str:
    return "    -" if math.isnan(value) else f"{value:5.1%}"


def format_report(report: EvalReport) -> str:
    """A plain-text table: our engine and the naive baseline, per speech and overall."""
    lines = [
        f"Keystroke savings, leave-one-out over {len(report.docs)} speeches "
        f"(top {report.k} shown, one key per acceptance)",
        "KSR = 1 − keys ÷ characters; bound = share of the speech covered by bank entries",
        "",
        f"{'chars':>6} │ {'KSR':>5} {'taken':>5} {'avg len':>7} {'bound':>5} │ "
        f"{'naive':>5} {'taken':>5} {'avg len':>7} {'bound':>5} │ speech",
    ]

    def row(
        chars: int, ours: SimResult, naive: SimResult, bound: float, nb: float, name: str
    ) -> str:
        return (
            f"{chars:>6} │ {_cell(ours.ksr)} {ours.accepted:>5} {ours.mean_accepted:>7.1f} "
            f"{_cell(bound):>5} │ {_cell(naive.ksr):>5} {naive.accepted:>5} "
            f"{naive.mean_accepted:>7.1f} {_cell(nb):>5} │ {name}"
        )

    for d in report.docs:
        lines.append(row(d.ours.chars, d.ours, d.naive, d.bound, d.naive_bound, d.title))
    ours, naive = report.ours, report.naive
    lines.append("─" * 70)
    lines.append(row(ours.chars, ours, naive, report.bound, report.naive_bound, "overall"))
    return "\n".join(lines)


def load_documents(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(title, clean text) of each speech; folders contribute every file the reader takes
    (.txt, .md, .docx in any Chinese encoding). Unreadable files are skipped with a warning."""
    from phrasebank.clean import clean_text
    from phrasebank.read import ReadError, iter_documents

    docs: list[tuple[str, str]] = []
    for item in iter_documents([Path(p) for p in paths]):
        if isinstance(item, ReadError):
            log.warning("%s", item)
            continue
        text = clean_text(item.text)
        if text:
            docs.append((item.title, text))
    return docs


def run_eval(
    paths: Iterable[str | Path],
    *,
    build_bank: Callable[[list[tuple[str, str]]], _Suggests] = clause_bank,
    k: int = 5,
) -> str:
    """Load the speeches, run leave-one-out and return the formatted table (for the CLI)."""
    docs = load_documents(paths)
    if len(docs) < 2:
        raise ValueError("至少需要两篇讲话稿才能做留一评估：请给出包含多篇 .txt 讲话的文件夹。")
    return format_report(leave_one_out(docs, build_bank, k=k))
