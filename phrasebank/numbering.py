"""Numbering help for speeches: Chinese numerals, the next number, renumbering.

The genre numbers its structure in fixed styles, outermost first:

====  =================  ==========================================
level  style              example
====  =================  ==========================================
1      Chinese + 、        一、 二、 … 二十、
2      （Chinese）         （一） （二）
3      Arabic + . or 、    1. 2.  /  1、 2、
4      （Arabic）          （1） （2）
5      circled             ① ②
====  =================  ==========================================

and numbers its points inside a section with ordinal words: 一是/二是, 一要/二要, 第一，/第二，
(also 第一句话，/第一个方面，), 首先/其次/再次/最后. :func:`next_number` looks at the text
before the caret and offers what comes next; :func:`renumber` rewrites one level after
sections were moved or deleted, restarting it under each parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from phrasebank.model import Suggestion

__all__ = [
    "HEADING_LEVELS",
    "Marker",
    "from_chinese",
    "next_number",
    "numbering_suggestions",
    "parse_marker",
    "renumber",
    "renumber_all",
    "renumber_points",
    "to_chinese",
]

_DIGITS = "零一二三四五六七八九"
_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SEQUENCE_WORDS = ("首先", "其次", "再次", "最后")

#: Heading levels with a fixed numbering style (1 = 一、 … 5 = ①).
HEADING_LEVELS = (1, 2, 3, 4, 5)


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1 ≤ n ≤ 99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"only 1..99 can be written as a section number, not {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; None if not such a numeral."""
    if not text or any(ch not in _CN for ch in text):
        return None
    if "十" not in text:
        return _DIGITS.index(text) if len(text) == 1 else None
    head, _, tail = text.partition("十")
    if len(head) > 1 or len(tail) > 1 or "十" in tail:
        return None
    tens = _DIGITS.index(head) if head else 1
    ones = _DIGITS.index(tail) if tail else 0
    return tens * 10 + ones if tens else None


_CN_NUM = "[一二三四五六七八九十]{1,3}"

# Heading markers at the start of a line: (level, regex). Group "n" is the number, "open"
# and "close" the brackets or separator to keep when renumbering.
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"(?P<open>)(?P<n>{_CN_NUM})(?P<close>、)")),
    (2, re.compile(rf"(?P<open>[（(])(?P<n>{_CN_NUM})(?P<close>[）)])")),
    (3, re.compile(r"(?P<open>)(?P<n>\d{1,2})(?P<close>[.．、](?!\d))")),
    (4, re.compile(r"(?P<open>[（(])(?P<n>\d{1,2})(?P<close>[）)])")),
    (5, re.compile(rf"(?P<open>)(?P<n>[{_CIRCLED}])(?P<close>)")),
)

# Ordinal points: 一是 / 一要 (no punctuation needed), 第一， / 第一句话， / 第一个方面，,
# 首先， / 其次， …
_POINT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "shi",
        re.compile(rf"(?P<open>)(?P<n>{_CN_NUM})(?P<close>是|要)(?![一二三四五六七八九十])"),
    ),
    (
        "di",
        re.compile(
            rf"(?P<open>第)(?P<n>{_CN_NUM})(?P<close>(?:句话|个方面|方面|点|条)?[，,：:、])"
        ),
    ),
    ("seq", re.compile(r"(?P<open>)(?P<n>首先|其次|再次|最后)(?P<close>[，,])")),
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker at the start of a line or sentence.

    ``scheme`` is "heading" (level 1–5) or a point scheme ("shi" 一是, "di" 第一，, "seq"
    首先); ``number`` its value (首先 = 1 … 最后 = 4); ``start``/``end`` the span of the
    marker in the text it was parsed from.
    """

    scheme: str
    level: int
    number: int
    open: str
    close: str
    start: int
    end: int

    def with_number(self, n: int) -> str:
        """This marker's style with another number."""
        if self.scheme == "heading" and self.level in (3, 4):
            body = str(n)
        elif self.scheme == "heading" and self.level == 5:
            body = _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"({n})"
        elif self.scheme == "seq":
            body = _SEQUENCE_WORDS[min(n, len(_SEQUENCE_WORDS)) - 1]
        else:
            body = to_chinese(n)
        return f"{self.open}{body}{self.close}"


def _number(scheme: str, level: int, raw: str) -> int | None:
    if scheme == "seq":
        return _SEQUENCE_WORDS.index(raw) + 1
    if scheme == "heading" and level in (3, 4):
        return int(raw)
    if scheme == "heading" and level == 5:
        return _CIRCLED.index(raw) + 1
    return from_chinese(raw)


def parse_marker(text: str, pos: int = 0, *, points: bool = True) -> Marker | None:
    """The numbering marker at ``text[pos:]`` (after any spaces), if there is one."""
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    for level, pattern in _HEADING_PATTERNS:
        m = pattern.match(text, pos)
        if m:
            n = _number("heading", level, m.group("n"))
            if n:
                return Marker("heading", level, n, m["open"], m["close"], m.start(), m.end())
    if points:
        for scheme, pattern in _POINT_PATTERNS:
            m = pattern.match(text, pos)
            if m:
                n = _number(scheme, 0, m.group("n"))
                if n:
                    return Marker(scheme, 0, n, m["open"], m["close"], m.start(), m.end())
    return None


_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[。！？；：\n]))")


def _inline_markers(paragraph: str) -> list[Marker]:
    """Point markers at the start of the paragraph and of each sentence in it."""
    out = []
    for m in _SENTENCE_STARTS.finditer(paragraph):
        marker = parse_marker(paragraph, m.start())
        if marker is not None and marker.scheme != "heading":
            out.append(marker)
    return out


def _next_of(marker: Marker) -> str | None:
    if marker.scheme == "seq":
        return (
            None if marker.number >= len(_SEQUENCE_WORDS) else marker.with_number(marker.number + 1)
        )
    limit = 20 if marker.level == 5 else 99
    return marker.with_number(marker.number + 1) if marker.number < limit else None


def numbering_suggestions(before: str) -> list[Suggestion]:
    """What number comes next at the caret, best first (empty when not at a start).

    At a sentence start inside a paragraph that enumerates points (一是 … 。), the next
    point; at the start of a line, the next point of a paragraph-level sequence
    (第一， …), then the next heading of the nearest level above the caret, then of each
    level above it (after “2.” under “（二）”: “3.”, then “（三）”, then “三、”).
    Suggestions have kind "clause", how "continue", replace 0 and phrase_id 0.
    """
    texts = _next_numbers(before)
    return [
        Suggestion(
            text=text,
            replace=0,
            score=1.0 - 0.05 * i,
            phrase_id=0,
            kind="clause",
            how="continue",
            tags=("编号",),
        )
        for i, text in enumerate(texts)
    ]


def next_number(before: str) -> str | None:
    """The most likely next number at the caret (see :func:`numbering_suggestions`)."""
    texts = _next_numbers(before)
    return texts[0] if texts else None


def _next_numbers(before: str) -> list[str]:
    line_start = before.rfind("\n") + 1
    current = before[line_start:]
    out: list[str] = []
    if current.strip():
        # Inside a paragraph: only right after a sentence end, and only when this paragraph
        # already enumerates points.
        if current.rstrip(" \u3000")[-1:] not in "。！？；：":
            return []
        markers = _inline_markers(current)
        if markers:
            nxt = _next_of(markers[-1])
            if nxt:
                out.append(nxt)
        return out
    # At the start of a line: look back over earlier lines.
    lines = before[:line_start].split("\n")
    seen_levels: set[int] = set()
    point_done = False
    deepest: int | None = None
    for line in reversed(lines):
        marker = parse_marker(line)
        if marker is None:
            continue
        if marker.scheme != "heading":
            if not point_done and deepest is None:
                nxt = _next_of(marker)
                if nxt:
                    out.append(nxt)
            point_done = True
            continue
        if marker.level in seen_levels or (deepest is not None and marker.level > deepest):
            continue
        seen_levels.add(marker.level)
        deepest = marker.level
        nxt = _next_of(marker)
        if nxt and nxt not in out:
            out.append(nxt)
        if marker.level == 1:
            break
    return out


def renumber(text: str, level: int) -> str:
    """Number the headings of ``level`` (1–5) 1, 2, 3 … again, restarting under each heading
    of a higher level; the style of each marker (brackets, 、 or .) is kept."""
    if level not in HEADING_LEVELS:
        raise ValueError(f"level must be one of {HEADING_LEVELS}, not {level}")
    out = []
    count = 0
    for line in text.split("\n"):
        marker = parse_marker(line, points=False)
        if marker is not None:
            if marker.level < level:
                count = 0
            elif marker.level == level:
                count += 1
                if marker.number != count:
                    line = line[: marker.start] + marker.with_number(count) + line[marker.end :]
        out.append(line)
    return "\n".join(out)


def renumber_points(text: str) -> str:
    """Number point sequences again, restarting at every heading.

    A paragraph that enumerates two or more 一是/二是 points in its sentences is renumbered
    on its own; otherwise a point opening a paragraph (第一，/一是) continues the run of such
    paragraphs since the last heading. 首先/其次 sequences are left as written.
    """
    lines = text.split("\n")
    counts: dict[str, int] = {}
    for i, line in enumerate(lines):
        first = parse_marker(line)
        enumerates = len([m for m in _inline_markers(line) if m.scheme == "shi"]) >= 2
        if first is not None and first.scheme == "heading":
            counts.clear()
        elif (
            first is not None
            and first.scheme != "seq"
            and not (enumerates and first.scheme == "shi")
        ):
            counts[first.scheme] = counts.get(first.scheme, 0) + 1
            line = _replace_markers(line, [first], [counts[first.scheme]])
        if enumerates:
            inline = [m for m in _inline_markers(line) if m.scheme == "shi"]
            line = _replace_markers(line, inline, range(1, len(inline) + 1))
        lines[i] = line
    return "\n".join(lines)


def _replace_markers(line: str, markers: list[Marker], numbers: Iterable[int]) -> str:
    pieces = []
    last = 0
    for marker, n in zip(markers, numbers, strict=True):
        pieces.append(line[last : marker.start])
        pieces.append(marker.with_number(n))
        last = marker.end
    pieces.append(line[last:])
    return "".join(pieces)


def renumber_all(text: str) -> str:
    """Every heading level, outermost first, then the points."""
    for level in HEADING_LEVELS:
        text = renumber(text, level)
    return renumber_points(text)
