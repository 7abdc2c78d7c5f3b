"""New-document skeletons: the usual structure of a speech, with blanks to fill.

Each skeleton is a Markdown file in ``resources/skeletons/`` whose first line is
``# name`` and whose rest is the speech text: a title line, 同志们：, an opening paragraph,
numbered sections with 一是/二是 points, and a closing call. Blanks are the slot marker
:data:`phrasebank.model.SLOT` ("××"), which the editor selects one by one. The structure
follows the seed speeches (经济工作会议, 重点工作推进会, 动员部署会, 总结表彰会).
"""

from __future__ import annotations

from dataclasses import dataclass

from phrasebank.paths import resource

__all__ = ["SKELETONS_RESOURCE", "Skeleton", "list_skeletons"]

SKELETONS_RESOURCE = "skeletons"


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A named speech skeleton; ``text`` is what a new document starts with."""

    name: str
    text: str


def _parse(raw: str, fallback: str) -> Skeleton:
    raw = raw.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = raw.partition("\n")
    if first.startswith("# "):
        name, body = first[2:].strip(), rest
    else:
        name, body = fallback, raw
    return Skeleton(name=name, text=body.strip("\n") + "\n")


def list_skeletons() -> list[Skeleton]:
    """The shipped skeletons, in file-name order."""
    folder = resource(SKELETONS_RESOURCE)
    if not folder.is_dir():
        return []
    items = sorted((t for t in folder.iterdir() if t.name.endswith(".md")), key=lambda t: t.name)
    return [_parse(t.read_text(encoding="utf-8"), t.name.removesuffix(".md")) for t in items]
