"""The outline of a speech: its title, numbered headings and paragraph-level points.

:func:`detect_outline` reads the genre's own numbering (see :mod:`phrasebank.numbering`):

* the **title** (level 0, kind "title"): the first line when it is short and has no sentence
  punctuation (“在全区经济工作会议上的讲话”), or any of the first three lines that reads
  “在…会议上的讲话”;
* **headings** (kind "heading") by their numbering style: 一、 = 1, （一） = 2, 1. / 1、 = 3,
  （1） = 4, ① = 5;
* **points** (kind "point"): a paragraph that *opens* with an ordinal — 第一，/第一句话，,
  一是/一要, 首先，/其次，/最后， — is one step below the nearest heading above it (level 1
  when there is none: many speeches are built on 第一，第二，… alone), and a point of
  another style under a point nests one step deeper (第二句话， → 二要…). Points inside a
  paragraph (…。二是…) are prose and not listed; nor is a lone 最后， without 首先.

A heading's ``title`` is its text after the number up to the first sentence end (“（一）大力弘扬
精神。今年…” → “大力弘扬精神”), shortened to :data:`TITLE_CHARS` characters.

:func:`section_of` tells whether the caret is in the opening, the body or the closing of the
speech, and :func:`rerank` uses that to lift opening or closing entries among suggestions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from phrasebank.model import Suggestion
from phrasebank.numbering import parse_marker

__all__ = [
    "SECTION_BOOST",
    "TITLE_CHARS",
    "Heading",
    "detect_outline",
    "rerank",
    "section_of",
]

TITLE_CHARS = 40
#: Factor applied to the score of suggestions that fit the caret's section.
SECTION_BOOST = 1.25

Section = Literal["opening", "body", "closing"]

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_TITLE_PUNCT = re.compile(r"[。！？!?；;，,：:]")
_SPEECH_TITLE = re.compile(
    r"^在.{2,40}(?:会议?|会上|大会|仪式|座谈会|典礼)上?的(?:讲话|发言|致辞|报告)"
)
_ADDRESS = re.compile(r"^(?:同志们|各位(?:领导|代表|同志|委员)?)[：:，,！!]")
_CLOSING = re.compile(r"^(?:同志们[，,！!]|总之[，,]|总而言之|最后[，,]|让我们|谢谢|[ ]*以上)")


@dataclass(frozen=True, slots=True)
class Heading:
    """One entry of the outline.

    ``line`` is the 0-based line number, ``start`` the offset of the line in the text;
    ``kind`` is "title", "heading" or "point"; ``marker`` the numbering as written
    ("（一）", "第一，", "" for the title).
    """

    level: int
    title: str
    line: int
    start: int
    kind: str = "heading"
    marker: str = ""


def _short(text: str) -> str:
    text = text.strip().strip("　 ")
    m = _SENTENCE_END.search(text)
    if m:
        text = text[: m.start()]
    text = text.rstrip("，,：:、")
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def _is_title(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > TITLE_CHARS or _ADDRESS.match(s):
        return False
    if _SPEECH_TITLE.match(s):
        return True
    return _TITLE_PUNCT.search(s) is None and parse_marker(s) is None


def detect_outline(text: str) -> list[Heading]:
    """Title, headings and paragraph-level points of ``text``, in order."""
    out: list[Heading] = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    content = [i for i, line in enumerate(lines) if line.strip()]
    title_line = None
    if content and _is_title(lines[content[0]]):
        title_line = content[0]
    else:
        title_line = next((i for i in content[:3] if _SPEECH_TITLE.match(lines[i].strip())), None)
    if title_line is not None:
        out.append(Heading(0, _short(lines[title_line]), title_line, starts[title_line], "title"))
    parent = 0
    schemes: list[str] = []  # point schemes open since the last heading, outermost first
    for i in content:
        if i == title_line:
            continue
        line = lines[i]
        marker = parse_marker(line)
        if marker is None:
            continue
        body = _short(line[marker.end :])
        if not body:
            continue
        written = line[marker.start : marker.end]
        if marker.scheme == "heading":
            parent = marker.level
            schemes.clear()
            out.append(Heading(marker.level, body, i, starts[i], "heading", written))
            continue
        if marker.scheme == "seq" and marker.number > 1 and "seq" not in schemes:
            continue  # a lone 最后， / 其次， is a transition, not a list
        if marker.scheme in schemes:
            del schemes[schemes.index(marker.scheme) + 1 :]
        else:
            schemes.append(marker.scheme)
        level = min(parent + len(schemes), 6)
        out.append(Heading(level, body, i, starts[i], "point", written))
    return out


def _top_sections(outline: list[Heading]) -> list[Heading]:
    """The headings that divide the speech into its main parts."""
    parts = [h for h in outline if h.kind != "title"]
    if not parts:
        return []
    top = min(h.level for h in parts)
    return [h for h in parts if h.level == top]


def section_of(text: str, caret: int) -> Section:
    """Where ``caret`` is in the speech: "opening", "body" or "closing".

    Opening: before the first main heading (or, while there is none, within the first two
    paragraphs after the title and 同志们：). Closing: in a paragraph that starts a closing
    (总之，/同志们，/让我们/最后，/谢谢) after the last main heading, or anywhere in the
    last main section once there are at least two.
    """
    caret = max(0, min(caret, len(text)))
    outline = detect_outline(text)
    tops = _top_sections(outline)
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    caret_line = max(i for i, s in enumerate(starts) if s <= caret)
    title_lines = {h.line for h in outline if h.kind == "title"}

    after_last_top = tops[-1].line if tops else -1
    for i in range(after_last_top + 1, caret_line + 1):
        if (tops or i > 1) and i not in title_lines and _CLOSING.match(lines[i].strip()):
            return "closing"
    if tops:
        if caret_line < tops[0].line:
            return "opening"
        if len(tops) >= 2 and caret_line >= tops[-1].line:
            return "closing"
        return "body"
    paragraphs = [
        i
        for i, line in enumerate(lines[: caret_line + 1])
        if line.strip() and i not in title_lines and not _ADDRESS.match(line.strip())
    ]
    return "opening" if len(paragraphs) <= 2 else "body"


_OPENING_TAG = "开场"
_CLOSING_TAG = "结尾号召"


def rerank(suggestions: Iterable[Suggestion], section: str) -> list[Suggestion]:
    """Lift the suggestions that fit ``section`` by :data:`SECTION_BOOST`; stable otherwise.

    In the opening, entries of kind "opening" or tagged 开场; in the closing, kind "closing"
    or tagged 结尾号召. Nothing is removed: this is ranking, not filtering.
    """
    items = list(suggestions)
    if section == "opening":
        kind, tag = "opening", _OPENING_TAG
    elif section == "closing":
        kind, tag = "closing", _CLOSING_TAG
    else:
        return items
    lifted = [
        dataclasses.replace(s, score=s.score * SECTION_BOOST)
        if s.kind == kind or tag in s.tags
        else s
        for s in items
    ]
    order = sorted(range(len(lifted)), key=lambda i: -lifted[i].score)
    return [lifted[i] for i in order]
