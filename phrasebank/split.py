"""Split cleaned text into paragraphs, sentences and clauses.

Works on text that went through :func:`phrasebank.clean.clean_text` (full-width
punctuation). Sentences keep their end mark and any closing quote after it; clauses
carry the delimiter that ended them, because it matters for what may follow
(、 inside a 排比 list, ； between parallel clauses, ： before a list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CLAUSE_DELIMITERS",
    "SENTENCE_ENDS",
    "Clause",
    "split_clauses",
    "split_paragraphs",
    "split_sentences",
]

SENTENCE_ENDS = "。！？…"
CLAUSE_DELIMITERS = "，、；：" + SENTENCE_ENDS
_CLOSERS = "”’」』）》】"

_SENTENCE_RE = re.compile(rf"[^{SENTENCE_ENDS}]*(?:[{SENTENCE_ENDS}]+[{_CLOSERS}]*|$)")
_CLAUSE_RE = re.compile(rf"([^{CLAUSE_DELIMITERS}]*)([{CLAUSE_DELIMITERS}]*)")


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of a sentence between two punctuation marks.

    ``start`` is the offset of ``text`` inside the sentence it came from; ``end`` is the
    delimiter run that closed it ("" at the end of an unterminated sentence).
    """

    text: str
    end: str
    start: int


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped of surrounding white space."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, each with its end mark and closing quotes."""
    return [m.group(0).strip() for m in _SENTENCE_RE.finditer(paragraph) if m.group(0).strip()]


def split_clauses(sentence: str) -> list[Clause]:
    """Clauses of one sentence with the delimiter that closed each."""
    out: list[Clause] = []
    for m in _CLAUSE_RE.finditer(sentence):
        body, end = m.group(1), m.group(2)
        if not body and not end:
            continue
        if body.strip():
            out.append(Clause(body.strip(), end, m.start(1) + (len(body) - len(body.lstrip()))))
    return out
