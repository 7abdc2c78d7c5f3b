"""Export a draft to .docx in the national official-document style (GB/T 9704-2012).

Layout: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; fixed line
spacing 28.95 pt (22 lines a page); title 方正小标宋简体 二号 (22 pt) centred; body
仿宋_GB2312 三号 (16 pt) with a two-character first-line indent; first-level headings
(一、…) 黑体, second-level headings (（一）…) 楷体_GB2312; page numbers in the footer
as “— 1 —” in 宋体 四号 (14 pt), odd pages on the right and even pages on the left,
one character in from the edge.

Fonts: Word picks East Asian text's font from ``w:rFonts/@w:eastAsia``, so every run
sets it explicitly. When the standard font is not installed where the file is made,
the first available fallback is written instead:

=================  ==========================================
role               names tried, in order
=================  ==========================================
title              方正小标宋简体, 方正小标宋_GBK, 华文中宋, 宋体 / SimSun
body               仿宋_GB2312, 仿宋 / FangSong, 华文仿宋
heading 1          黑体 / SimHei, 方正黑体_GBK, Noto Sans CJK SC
heading 2          楷体_GB2312, 楷体 / KaiTi, 华文楷体
page number        宋体 / SimSun, Noto Serif CJK SC
=================  ==========================================

With no list of installed fonts (``available=None``) the standard names are written,
which is what a secretary's Windows machine with the 公文 fonts expects.

Qt-free; the window passes ``QFontDatabase.families()`` as ``available``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "FONT_FALLBACKS",
    "LINE_SPACING_PT",
    "MARGINS_MM",
    "classify_paragraph",
    "export_docx",
    "resolve_fonts",
]

LINE_SPACING_PT = 28.95
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
PAGE_NUMBER_PT = 14  # 四号

#: Font names per role; the first is the GB/T 9704 font, the rest are fallbacks.
FONT_FALLBACKS: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体", "SimSun"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "华文仿宋"),
    "heading1": ("黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC"),
    "heading2": ("楷体_GB2312", "楷体", "KaiTi", "华文楷体"),
    "page": ("宋体", "SimSun", "Noto Serif CJK SC"),
}

_HEADING1 = re.compile(r"^[一二三四五六七八九十百]+、")
_HEADING2 = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_MD_TITLE = re.compile(r"^#\s+")


def resolve_fonts(available: Iterable[str] | None = None) -> dict[str, str]:
    """Pick a font name per role: the standard one, or the first installed fallback."""
    if available is None:
        return {role: names[0] for role, names in FONT_FALLBACKS.items()}
    installed = set(available)
    chosen = {}
    for role, names in FONT_FALLBACKS.items():
        chosen[role] = next((n for n in names if n in installed), names[0])
    return chosen


def classify_paragraph(text: str) -> str:
    """'heading1' for 一、…, 'heading2' for （一）…, else 'body'."""
    stripped = text.strip()
    if _HEADING1.match(stripped):
        return "heading1"
    if _HEADING2.match(stripped):
        return "heading2"
    return "body"


def _split_title(text: str) -> tuple[str | None, list[str]]:
    """The first non-empty line is the title (a Markdown ``# `` prefix is dropped)."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None, []
    title = _MD_TITLE.sub("", lines[0]).strip()
    return title, lines[1:]


def _set_run_font(run: Any, name: str, size_pt: float, *, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    rfonts.set(qn("w:hint"), "eastAsia")


def _fixed_spacing(paragraph: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_SPACING_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _add_page_field(paragraph: Any, font: str) -> None:
    """Append “— PAGE —” as a real field, so Word numbers every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def text_run(text: str) -> None:
        run = paragraph.add_run(text)
        _set_run_font(run, font, PAGE_NUMBER_PT)

    text_run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = paragraph.add_run()
        _set_run_font(run, font, PAGE_NUMBER_PT)
        if kind is not None:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._element.append(fld)
        elif instr == "1":
            run.text = "1"  # the cached result shown before Word updates the field
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            run._element.append(el)
    run = paragraph.add_run()
    _set_run_font(run, font, PAGE_NUMBER_PT)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._element.append(end)
    text_run(" —")


def export_docx(
    path: str | Path, text: str, *, available_fonts: Iterable[str] | None = None
) -> None:
    """Write ``text`` to ``path`` as a GB/T 9704 styled .docx, atomically.

    The first non-empty line becomes the title; each following line is a paragraph.
    """
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    from editor.files import atomic_write_bytes

    fonts = resolve_fonts(available_fonts)
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28 - 7)  # 页码 sits 7 mm below the text block's last line

    normal = document.styles["Normal"]
    normal.font.name = fonts["body"]
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), fonts["body"])

    title, lines = _split_title(text)
    if title is not None:
        par = document.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fixed_spacing(par)
        _set_run_font(par.add_run(title), fonts["title"], TITLE_PT)
        # GB/T 9704: one empty line between the title and the body, as spacing rather
        # than an empty paragraph so the text reads back unchanged.
        par.paragraph_format.space_after = Pt(LINE_SPACING_PT)
    for line in lines:
        par = document.add_paragraph()
        _fixed_spacing(par)
        content = line.strip()
        if not content:
            continue
        role = classify_paragraph(content)
        par.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        _set_run_font(par.add_run(content), fonts[role], BODY_PT)

    # Page numbers: odd pages right, even pages left, one 四号 character in from the edge.
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        par = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        par.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            par.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            par.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        _add_page_field(par, fonts["page"])

    p = Path(path)
    buffer = io.BytesIO()
    document.save(buffer)
    if not p.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(p.parent))
    atomic_write_bytes(p, buffer.getvalue())
