"""Turn raw speech text (web pages, PDF dumps, anonymised copies) into clean Simplified text.

:func:`clean_text` returns one paragraph per line. It never raises on any ``str`` and is
idempotent: ``clean_text(clean_text(x)) == clean_text(x)``. The steps, in order:

1. **Characters.** Line breaks unified; BOMs, zero-width and control characters, private-use
   characters and emoji removed; odd spaces (U+3000, NBSP, tabs, …) become plain spaces;
   full-width Latin letters and digits become half-width.
2. **Pinyin annotations** after a Chinese character are removed ("區(qū)"→"區",
   "經（jīng）"→"經"). Only bracketed Latin containing a tone-marked vowel counts, so
   "（项目）" and "(GDP)" stay. Clauses carrying **mojibake** (U+FFFD, "?;?", a "?" glued to a
   broken annotation such as "?jié)", "?" before "。", small-form symbols such as "﹥") are
   dropped whole: their text cannot be recovered and must not reach the bank.
3. **Traditional → Simplified** with OpenCC ``t2s`` (one converter, created on first use),
   repeated until stable, plus 著→着 where t2s keeps 著 (著重, 随著, 决定著) but not in
   著作/著名/显著 and friends.
4. **Furniture lines** are dropped: breadcrumbs ("首页 > 讲话范文 > …"), "时间:2022-01-22 09:33:00",
   "导语…来源于网友上传…", "本文档由用户上传…", "当前文档由用户上传发布…", copyright and 收益
   notices, 客服/QQ lines, file sizes ("29.62 KB"), page counts ("20页"), "2021-04-12 发布",
   page numbers ("- 3 -", "第3页"), "上一篇/下一篇" and similar. "预览阅读已结束…" (and
   "试读结束…") ends the speech: that line and everything after it are ads. Web list bullets
   (•, ●, "- ") and the doubled numbering of site notices ("1. 1、") are stripped; the
   speech's own numbering (一、 （一） 第一， 1. 1、 ①) is kept. A line repeating the title
   (the first line, when it is short and unpunctuated) is dropped.
5. **PDF line wraps.** A long line in which many spaces sit between two Chinese characters is
   a PDF dump whose hard line breaks became spaces. It is re-split into its physical lines
   (spaces between Chinese characters are certain breaks; spaces next to Latin tokens are
   breaks only when the line would otherwise grow too wide), and a physical line clearly
   shorter than the typical full line ends a paragraph. A line that starts with closing
   punctuation ("、看准了的工作") is joined to the line before it.
6. **Inline removal** of URLs, e-mail addresses, QQ/WeChat/phone numbers; Markdown heading
   marks and ``**bold**`` markers at the start of a line or after punctuation.
7. **Blanks → SLOT.** Every anonymised blank becomes the single marker
   :data:`phrasebank.model.SLOT` ("××"), one marker per blank:

   * X, XX, x, xx (not inside a Latin word), ×, *, ＊ and runs of them, with digits glued to
     them ("201x年" → "××年", "X.X%" → "××%", "X 个街道" → "××个街道", "增长*%" → "增长××%");
   * dropped Arabic numerals, only where the gap is unambiguous:
     "%" with no number before it ("实现了%的增速", "达.%"); "周年" with no numeral before it
     ("改革开放周年和周年"); "年" after 的 and before punctuation ("剛剛過去的年，");
     "年" after 对/把/自/从/于/了/至/到 or at the start of a sentence when the next character
     cannot form a word with 年 ("提出了年经济社会发展", "把年作为", "自年以来", "年我区");
     "年全区/年全市/…" when the character before is not part of a year word ("对年全区");
     "第产业"; empty quotes “” and “·”; an empty item in a 、 list ("振兴、、刀");
     empty brackets inside a sentence ("工业()示范基地").
   * the deleted Chinese numeral 三 is restored where the sequence or the fixed term proves
     it: a sentence starting with a bare "是" after "二是" becomes "三是"; a paragraph starting
     with "（）" after "（二）" becomes "（三）"; “个代表” → “三个代表”, 泛珠角 → 泛珠三角,
     “长角” → “长三角”, "是二、产业" → "是二、三产业".

   Deliberately **not** touched: 今年 去年 明年 前年 当年 全年 新年 每年 多年 近年 往年 历年
   一年 一年来 同年 次年 本年 年初 年底 年度 年中 年末 年内 年来 年轻 年代 年龄 年均 年产
   年份 年会 (any 年 word), 某某 (a real-word placeholder), X射线/X光/X型, "OS X", "3×4",
   "3*4", a "是" at a sentence start with no enumerator before it, "年月日" gaps and numbers
   dropped before 亿元/个/项 (too ambiguous to restore). Names the anonymiser deleted outright
   ("作为的发源地", "；等名优品牌") leave no mark that can be found safely.
8. **Spaces and punctuation.** Spaces next to Chinese characters, Chinese punctuation or
   SLOT are removed ("会 议" → "会议", "2020 年" → "2020年"); spaces between Latin words and
   numbers stay. Half-width , : ; ? ! ( ) and ASCII quotes next to Chinese text become
   ，：；？！（）“”; "3.5%", "1,000" and "09:30" keep theirs. An unmatched closing quote is
   dropped.

Splitting into paragraphs uses :func:`phrasebank.split.split_paragraphs`.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

from phrasebank.model import SLOT
from phrasebank.split import split_paragraphs

__all__ = ["clean_text", "is_furniture_line", "to_simplified"]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Chinese punctuation and wide forms; × (U+00D7) belongs here because SLOT is made of it.
_WIDE_PUNCT_RANGES = (
    (0x3001, 0x303F),  # CJK symbols and punctuation
    (0xFF01, 0xFF0F),  # full-width ！＂＃…／
    (0xFF1A, 0xFF20),  # ：；＜＝＞？＠
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0x2018, 0x201F),  # curly quotes
    (0x2026, 0x2026),  # …
    (0x2014, 0x2014),  # —
    (0x00B7, 0x00B7),  # ·
)
_WIDE_PUNCT_CHARS = frozenset(chr(c) for a, b in _WIDE_PUNCT_RANGES for c in range(a, b + 1))
_WIDE_PUNCT = "".join(f"{chr(a)}-{chr(b)}" for a, b in _WIDE_PUNCT_RANGES) + "×"
_WIDE = _HAN + _WIDE_PUNCT
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTERS = "a-zü" + _TONED
_NUM_CN = "一二三四五六七八九十"

_is_wide = re.compile(f"[{_WIDE}]").match


def _wide(ch: str) -> bool:
    return bool(ch) and _is_wide(ch) is not None


# --------------------------------------------------------------------------------------
# Step 1: characters
# --------------------------------------------------------------------------------------

_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]"
)
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}


def _drop_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # Cc: controls; Cf: zero-width and bidi marks; Co: private use; Cs: lone surrogates;
    # Cn: unassigned code points (no text lives there).
    return cat in ("Cc", "Cf", "Co", "Cs", "Cn")


def _normalize_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0b", "\n")
    text = text.replace("\x0c", "\n").replace("\x85", "\n")
    text = _EMOJI_RE.sub("", text)
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t" or (ch != " " and unicodedata.category(ch) == "Zs"):
            out.append(" ")
        elif _drop_char(ch):
            continue
        else:
            out.append(ch)
    return "".join(out).translate(_FULLWIDTH_ALNUM)


# --------------------------------------------------------------------------------------
# Step 2: pinyin annotations and mojibake
# --------------------------------------------------------------------------------------

_PINYIN_RE = re.compile(
    rf"(?<=[{_HAN}])(?:[ ]?[（(][ ]?[{_PINYIN_LETTERS}]{{0,6}}[{_TONED}][{_PINYIN_LETTERS}]{{0,6}}[ ]?[）)])+"
)
_SENTINEL = "\ue000"  # private use: input never contains it (step 1 removes those)
_MOJIBAKE_RE = re.compile(
    "|".join(
        [
            "\ufffd+",
            # Mojibake leaves half-width "?" (the cleaned output never has one next to
            # Chinese), so these cannot fire again on cleaned text.
            r"\?;\?",
            rf"\?[{_PINYIN_LETTERS}]{{0,6}}[{_TONED}][{_PINYIN_LETTERS}]{{0,6}}[)）]",
            r"\?(?=。)",
            "[\ufe50-\ufe6b]",
        ]
    )
)
_CLAUSE_DELIMS = "，,、。；;！!？?：:\n"
_DELIM_SPLIT_RE = re.compile(f"([{_CLAUSE_DELIMS}])")
_SENTENCE_END = "。！!？?"


def _drop_mojibake(text: str) -> str:
    if not _MOJIBAKE_RE.search(text):
        return text
    text = _MOJIBAKE_RE.sub(_SENTINEL, text)
    lines = text.split("\n")
    return "\n".join(_drop_damaged_clauses(ln) if _SENTINEL in ln else ln for ln in lines)


def _drop_damaged_clauses(line: str) -> str:
    """Drop each clause holding the sentinel, plus the rest of its 、 list.

    Half a list reads worse than none ("规?;?、专业化方向发展" goes whole). A dropped clause
    that ended its sentence hands its end mark to the clause before it.
    """
    parts = _DELIM_SPLIT_RE.split(line)
    bodies, delims = parts[0::2], [*parts[1::2], ""]
    out: list[str] = []  # body + its delimiter
    i = 0
    while i < len(bodies):
        if _SENTINEL not in bodies[i]:
            out.append(bodies[i] + delims[i])
            i += 1
            continue
        j = i
        while delims[j] == "、" and j + 1 < len(bodies):
            j += 1
        after = delims[j]
        if out and out[-1][-1:] in "，,、；;：:" and out[-1]:
            before = out[-1][-1]
            if after in _SENTENCE_END or (before == "、" and after):
                out[-1] = out[-1][:-1] + after
        i = j + 1
    return "".join(out).replace(_SENTINEL, "")


# --------------------------------------------------------------------------------------
# Step 3: Traditional -> Simplified
# --------------------------------------------------------------------------------------

_converter: Any = None
_converter_lock = threading.Lock()


def _t2s() -> Callable[[str], str]:
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc  # imported lazily: loading the dictionaries takes time

                _converter = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = _converter.convert
    return convert


# OpenCC's t2s keeps 著 everywhere, but Simplified writes the aspect particle and 著重/著力/
# 著落 with 着. In Simplified text 著 survives only in the words below (著作, 显著, …).
_ZHU_KEEP_RE = re.compile("著(?=[作名称述录者书])|(?<=[显卓编论专名原巨遗合译昭土])著")


def _fix_zhu(text: str) -> str:
    if "著" not in text:
        return text
    keep = {m.start() for m in _ZHU_KEEP_RE.finditer(text)}
    return "".join("着" if ch == "著" and i not in keep else ch for i, ch in enumerate(text))


def to_simplified(text: str) -> str:
    """Traditional Chinese to Simplified (OpenCC ``t2s``), applied until stable.

    A few OpenCC mappings chain (薴→苧→苎), so one pass is not always a fixed point.
    Only text that contains Traditional-only characters gets the 著→着 repair, so a
    Simplified text is returned unchanged.
    """
    convert = _t2s()
    changed = False
    for _ in range(3):
        out = convert(text)
        if out == text:
            break
        changed = True
        text = out
    return _fix_zhu(text) if changed else text


# --------------------------------------------------------------------------------------
# Step 4: furniture
# --------------------------------------------------------------------------------------

# Phrases that only ever occur in site notices; a line containing one is furniture.
_STRONG_FURNITURE = (
    "来源于网友上传",
    "不代表本站观点",
    "本文档由用户上传",
    "当前文档由用户上传",
    "文档由用户上传",
    "收益归属",
    "版权归属内容提供方",
    "收益全部归内容提供方",
    "如果您对本文有版权争议",
    "网站客服",
    "本站不保证",
    "付费之前",
    "可阅读全部内容",
    "原创文章可咨询",
    "淘文库",
    "百度文库",
    "豆丁网",
    "道客巴巴",
    "若需要原创",
    "转载请注明",
    "本文来源于",
    "版权所有",
    "免责声明",
    "举报/反馈",
)
# Phrases that end the speech: what follows is ads.
_END_MARKERS = ("预览阅读已结束", "试读已结束", "试读结束", "剩余未读", "预览已结束")
# Weak cues: furniture only on a short line.
_WEAK_FURNITURE = (
    "联系老师",
    "扫码",
    "点击下载",
    "免费下载",
    "下载文档",
    "付费下载",
    "阅读全文",
    "展开全文",
    "上一篇",
    "下一篇",
    "相关文章",
    "相关推荐",
    "热门推荐",
    "猜你喜欢",
    "返回顶部",
    "返回首页",
    "分享到",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "客服",
    "QQ",
    "微信号",
    "代笔",
    "代写",
)
_FURNITURE_LINE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:首页|主页|当前位置|您的位置|位置)\s*[>＞»›:：]",  # breadcrumbs
        r"^首页.*[>＞»›]",
        r"^(?:发布|更新|上传|录入)?(?:时间|日期)\s*[:：]\s*\d{4}\s*[-/.年]",
        r"^(?:来源|作者|编辑|浏览|阅读|点击|下载|字数|页数|大小|分类|标签|关键词|栏目)"
        r"(?:次数|量)?\s*[:：].{0,40}$",
        r"^导语\s*[:：]",
        r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
        r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:发布|上传|更新)?$",  # "2021-04-12 发布"
        r"^\d+(?:\.\d+)?\s*(?:[KMG]B?|字节|bytes?)$",  # "29.62 KB"
        r"^(?:共\s*)?\d+\s*页$",  # "20页"
        r"^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$",
        r"^[-—–_\s]*\d{1,4}[-—–_\s]*$",  # page numbers: "- 3 -", "12"
        r"^\d{1,4}\s*/\s*\d{1,4}$",
        r"^page\s*\d+(?:\s*(?:/|of)\s*\d+)?$",
        r"^\d+\s*(?:次|人)?(?:下载|浏览|阅读|收藏|点赞|评论)$",
        r"^(?:下载|浏览|阅读|收藏|点赞|评论)\s*[:：]?\s*\d+\s*次?$",
        r"^[【\[](?:打印|关闭|收藏|返回)[】\]]",
    )
]
_BULLET_RE = re.compile(r"^[•·▪●◆■□◇○◦▶►‣⁃∙]\s*|^[-+*]\s+")
# "1. 1、" : a web list number in front of the notice's own number.
_DOUBLE_NUMBER_RE = re.compile(r"^\d{1,3}\.\s+(?=\d{1,3}\s*、)")
_LIST_NUMBER_RE = re.compile(r"^(?:\d{1,3}\s*[.．、]\s*)+")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")


def is_furniture_line(line: str) -> bool:
    """Whether one line (already simplified) is web or document furniture, not speech."""
    s = line.strip()
    if not s:
        return False
    s = _BULLET_RE.sub("", s).strip()
    bare = _LIST_NUMBER_RE.sub("", s).strip()
    if not bare:
        return True
    if any(k in s for k in _STRONG_FURNITURE) or any(k in s for k in _END_MARKERS):
        return True
    if len(bare) <= 30 and any(k.lower() in bare.lower() for k in _WEAK_FURNITURE):
        return True
    return any(r.search(bare) for r in _FURNITURE_LINE_RES)


def _drop_furniture(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if any(k in line for k in _END_MARKERS):
            break
        if is_furniture_line(line):
            continue
        line = _BULLET_RE.sub("", line)
        line = _DOUBLE_NUMBER_RE.sub("", line)
        line = _MD_HEADING_RE.sub("", line).strip()
        if line:
            kept.append(line)
    return kept


_SENTENCE_PUNCT = "。！？!?；;：:，,…"


def _is_title_like(line: str) -> bool:
    return 0 < len(line) <= 50 and not any(ch in _SENTENCE_PUNCT for ch in line)


def _drop_repeated_title(lines: list[str]) -> list[str]:
    if not lines or not _is_title_like(lines[0]):
        return lines
    title = _squash(lines[0])
    return [lines[0]] + [ln for ln in lines[1:] if _squash(ln) != title]


def _squash(line: str) -> str:
    return re.sub(r"\s+", "", line)


# --------------------------------------------------------------------------------------
# Step 5: PDF line wraps
# --------------------------------------------------------------------------------------

_WRAP_SPACE_RE = re.compile(f"(?<=[{_WIDE}]) +(?=[{_WIDE}])")
_MIN_WRAPS_FOR_REFLOW = 8


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


# A heading at the start of a physical line after a finished sentence opens a paragraph.
_HEADING_START_RE = re.compile(
    rf"^(?:第[{_NUM_CN}]+(?:句话|部分|个方面|方面)|[{_NUM_CN}]+、|[（(][{_NUM_CN}]+[）)]"
    r"|\d{1,2}[、．]|[①-⑳]|同志们[，,：:])"
)


def _starts_paragraph(prev: str, nxt: str) -> bool:
    return prev[-1:] in ("。", "！", "？", "：", "!", "?", ":") and bool(
        _HEADING_START_RE.match(nxt)
    )


def _reflow(line: str) -> list[str]:
    """Re-split one PDF-dump line into paragraphs (see step 5 of the module docstring)."""
    tokens = [t for t in line.split(" ") if t]
    if len(tokens) < 2:
        return [line]
    # Physical lines with certain breaks only; their widths tell the page width.
    certain: list[list[str]] = [[tokens[0]]]
    for prev, tok in itertools.pairwise(tokens):
        if _wide(prev[-1]) and _wide(tok[0]):
            certain.append([tok])
        else:
            certain[-1].append(tok)
    pure = [_width(seg[0]) for seg in certain if len(seg) == 1]
    if len(pure) < 4:
        return [_WRAP_SPACE_RE.sub("", line)]
    pure.sort()
    full = pure[int(len(pure) * 0.8)]
    limit = full + 4
    short = full * 0.75

    phys: list[str] = []
    for seg in certain:
        cur = seg[0]
        for tok in seg[1:]:
            if _width(cur) + 1 + _width(tok) > limit or _starts_paragraph(cur, tok):
                phys.append(cur)
                cur = tok
            else:
                cur = f"{cur} {tok}"
        phys.append(cur)

    paragraphs: list[str] = []
    buf = ""
    for i, pl in enumerate(phys):
        buf = pl if not buf else buf + (" " if not (_wide(buf[-1]) and _wide(pl[0])) else "") + pl
        if i < len(phys) - 1 and (_width(pl) < short or _starts_paragraph(pl, phys[i + 1])):
            paragraphs.append(buf)
            buf = ""
    if buf:
        paragraphs.append(buf)
    return paragraphs


def _unwrap(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        wraps = len(_WRAP_SPACE_RE.findall(line))
        if wraps >= _MIN_WRAPS_FOR_REFLOW:
            out.extend(p.strip() for p in _reflow(line) if p.strip())
        else:
            out.append(line)
    return out


_LEADING_CLOSER_RE = re.compile("^[、，,。；;：:！!？?）)》」』】”’]")


def _join_orphans(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and _LEADING_CLOSER_RE.match(line):
            out[-1] += line
        else:
            out.append(line)
    return out


# --------------------------------------------------------------------------------------
# Step 6: inline junk
# --------------------------------------------------------------------------------------

_URL_RE = re.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\uff01-\uff65\u4e00-\u9fff“”]*"
    r"|www\.[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%/?#=&+-]*)?"
    r"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|cc|top|xyz|info)"
    r"(?:\.cn)?\b(?:/[A-Za-z0-9._~%/?#=&+-]*)?",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_CONTACT_RE = re.compile(
    r"(?:QQ群?|qq群?|微信号?|微信|电话|手机|热线|联系方式|客服)\s*[:：]?\s*[A-Za-z0-9_-]{5,}"
)
_PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4})(?!\d)")
_DOUBLED_COMMA_RE = re.compile(r"([，,、；;])(?:\s*[，,、；;])+")
_BOLD_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s，。：；！？、（“]))(\*\*|__)(?=\S)([^*_\n]{1,80}?)(?<=\S)\1"
)


def _strip_inline_junk(line: str) -> str:
    before = line
    line = _EMAIL_RE.sub("", line)
    line = _URL_RE.sub("", line)
    line = _CONTACT_RE.sub("", line)
    line = _PHONE_RE.sub("", line)
    if line != before:
        line = _DOUBLED_COMMA_RE.sub(r"\1", line)  # "电话：xxx，QQ：xxx，" leaves "，，"
    return _BOLD_RE.sub(r"\2", line)


# --------------------------------------------------------------------------------------
# Step 7: blanks
# --------------------------------------------------------------------------------------

# X-ray and friends are words, not blanks.
_X_WORD_AFTER = "射光线型"
# "X.X%" is one blank: the decimal part of an anonymised number joins the marker.
_XRUN = r"(?>(?:\d*[Xx]+)+)"
_DECIMAL = rf"(?:\s*[.．·]\s*(?:{_XRUN}|[×*＊]+))*"
# Starts only at the start of a letter/digit run and never backtracks (atomic group), so
# long runs of digits or letters stay linear; "XX201x" and "X0X" are one blank each.
_X_MARKER_RE = re.compile(rf"(?<![A-Za-z\d]){_XRUN}(?![A-Za-z{_X_WORD_AFTER}]){_DECIMAL}")
_STAR_MARKER_RE = re.compile(rf"[×*＊]+{_DECIMAL}")
_SLOT_RUN_RE = re.compile(r"×{2,}(?:\s*[.．·]?\s*×{2,})*")


def _mark_blanks(line: str) -> str:
    def x_marker(m: re.Match[str]) -> str:
        word = _latin_word_before(line, m.start())
        if word and word.strip("Xx"):
            return m.group(0)  # "OS X": part of a Latin name
        return SLOT

    def star_marker(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        if before.isdigit() and after.isdigit():
            return m.group(0)  # "3×4", "3*4": arithmetic, not a blank
        return SLOT

    # X markers first, so "3.5*201x" sees "××" after the star, not a digit.
    line = _X_MARKER_RE.sub(x_marker, line)
    line = _STAR_MARKER_RE.sub(star_marker, line)
    return _SLOT_RUN_RE.sub(SLOT, line)


def _latin_word_before(s: str, i: int) -> str:
    """The ASCII word that ends just before ``s[i]``, skipping spaces ("OS X" → "OS")."""
    j = i - 1
    while j >= 0 and s[j] == " ":
        j -= 1
    k = j
    while k >= 0 and s[k].isascii() and s[k].isalpha():
        k -= 1
    return s[k + 1 : j + 1]


# Characters that can follow 年 inside a word (年初, 年度, 年轻, 年均, 年产值, …).
_NIAN_WORD_NEXT = (
    "初底度中终末内外来轻青代纪龄级份月日前后间均产收销增薪报会鉴检货画华岁限头夜关景"
    "利息假节味号表谱历糕迈长幼少老满审票计平用吞处营发总逾届货富事迈岁"
)
# Characters that make 年 part of a year word when they come right before it.
_NIAN_WORD_PREV = (
    "今去明前后当同本往历每多近逐上下全新旧半整翌隔次早晚末来青少中老成童幼壮学财周经流"
    "元百千万零〇两几数" + _NUM_CN
)
_DIGIT_GAP_RULES: list[tuple[re.Pattern[str], str]] = [
    # "%" with no number: 实现了%的增速 / 增速达.%
    (re.compile(r"(?<![\d×])[.．](?=[%％])"), SLOT),
    (re.compile(r"(?<![\d×.．])(?=[%％])"), SLOT),
    # 周年 with no numeral before it: 改革开放周年和周年
    (re.compile(rf"(?<![\d×{_NUM_CN}百千万零〇两几数多余逢])(?=周年)"), SLOT),
    # 过去的年， / 的年。
    (re.compile(r"(?<=的)(?=年[，。；！？、])"), SLOT),
    # 对/把/自/从/于/了/至/到 + 年 + not a 年-word: 提出了年经济 / 把年作为 / 自年以来
    (re.compile(rf"(?<=[对把自从于了至到])(?=年(?![{_NIAN_WORD_NEXT}]))"), SLOT),
    # 年 at the start of a line or sentence: 年我区生产总值
    (re.compile(rf"(?:(?<=^)|(?<=[。！？；]))(?=年(?![{_NIAN_WORD_NEXT}，。、；：]))"), SLOT),
    # X年全区 when X cannot end a year word: 对年全区经济工作
    (re.compile(rf"(?<![{_NIAN_WORD_PREV}\d×])(?=年全[区市县省国州镇乡])"), SLOT),
    # 第产业 (第三产业 with the 三 deleted)
    (re.compile(r"(?<=第)(?=产业)"), SLOT),
    # empty quotes and an empty 、 list item
    (re.compile(r"(?<=“)[·\s]*(?=”)"), SLOT),
    (re.compile(r"(?<=、)(?=、)"), SLOT),
    # empty brackets inside a sentence: 食品工业()示范基地
    (re.compile(r"(?<=.)[（(]\s*[）)]"), f"（{SLOT}）"),
]
# Fixed terms whose 三 the anonymiser deleted.
_NUMERAL_REPAIRS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"“个代表”"), "“三个代表”"),
    (re.compile(r"泛珠角"), "泛珠三角"),
    (re.compile(r"“长角”"), "“长三角”"),
    (re.compile(r"(?<=[是和第])二、产业"), "二、三产业"),  # 第二、三产业 / 四是二、三产业发展
]


def _fill_digit_gaps(line: str) -> str:
    for pattern, repl in _DIGIT_GAP_RULES:
        line = pattern.sub(repl, line)
    for pattern, repl in _NUMERAL_REPAIRS:
        line = pattern.sub(repl, line)
    return _SLOT_RUN_RE.sub(SLOT, line)


_TOP_HEADING_RE = re.compile(rf"^[{_NUM_CN}]+、")
_SUB_HEADING_RE = re.compile(rf"^（([{_NUM_CN}]+)）")
_EMPTY_SUB_HEADING_RE = re.compile(r"^[（(]\s*[）)]")
_ENUM_RE = re.compile(rf"(?:(?<=^)|(?<=[。！？]))(?:([{_NUM_CN}])是|是(?![的啊吗呀否也不非]))")


def _next_numeral(n: str) -> str | None:
    i = _NUM_CN.find(n)
    return _NUM_CN[i + 1] if 0 <= i < len(_NUM_CN) - 1 else None


def _restore_sequences(lines: list[str]) -> list[str]:
    """Restore enumerators whose numeral was deleted ("。是" after "二是", "（）" after "（二）")."""
    out: list[str] = []
    last_enum: str | None = None
    last_sub: str | None = None
    for line in lines:
        if _TOP_HEADING_RE.match(line):
            last_enum, last_sub = None, None
        m = _SUB_HEADING_RE.match(line)
        if m:
            last_enum = None
            last_sub = m.group(1) if len(m.group(1)) == 1 else None
        elif _EMPTY_SUB_HEADING_RE.match(line):
            nxt = _next_numeral(last_sub) if last_sub else None
            line = _EMPTY_SUB_HEADING_RE.sub(f"（{nxt or SLOT}）", line)
            last_enum, last_sub = None, nxt

        def repl(m: re.Match[str]) -> str:
            nonlocal last_enum
            if m.group(1):
                last_enum = m.group(1)
                return m.group(0)
            nxt = _next_numeral(last_enum) if last_enum else None
            if nxt is None:
                return m.group(0)
            last_enum = nxt
            return nxt + "是"

        out.append(_ENUM_RE.sub(repl, line))
    return out


# --------------------------------------------------------------------------------------
# Step 8: spaces and punctuation
# --------------------------------------------------------------------------------------

_SPACE_NEAR_WIDE_RE = re.compile(f"(?<=[{_WIDE}]) +| +(?=[{_WIDE}])")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = frozenset(",:;?!()\"'")
# Punctuation and spaces; everything else is a "real" character for _punctuate.
_SKIPPED = frozenset(_HALF_PUNCT | _WIDE_PUNCT_CHARS | {" "})
_PAIR_RE = re.compile(r"\(([^()\n]*)\)")
_QUOTE_PAIR_RE = re.compile(r'"([^"\n]*)"')
_SINGLE_PAIR_RE = re.compile(r"(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])")
_HANX_RE = re.compile(f"[{_HAN}×]")


def _punctuate(line: str) -> str:
    """Half-width punctuation in Chinese context becomes full width.

    A mark is in Chinese context when the nearest "real" character on either side is a
    Chinese character or SLOT, looking past spaces and all punctuation. Converting a mark
    never changes which characters are real, so one pass is final (idempotent).
    """
    n = len(line)
    if not any(ch in _HALF_PUNCT for ch in line):
        return line
    prev_wide = [False] * n
    next_wide = [False] * n
    last = False
    for i, ch in enumerate(line):
        prev_wide[i] = last
        if ch not in _SKIPPED:
            last = _HANX_RE.match(ch) is not None
    last = False
    for i in range(n - 1, -1, -1):
        next_wide[i] = last
        if line[i] not in _SKIPPED:
            last = _HANX_RE.match(line[i]) is not None

    out = list(line)
    for regex, open_, close in (
        (_PAIR_RE, "（", "）"),
        (_QUOTE_PAIR_RE, "“", "”"),
        (_SINGLE_PAIR_RE, "‘", "’"),
    ):
        for m in regex.finditer(line):
            s, e = m.start(), m.end() - 1
            if out[s] != line[s] or out[e] != line[e]:
                continue
            if _HANX_RE.search(m.group(1)) or prev_wide[s] or next_wide[e]:
                out[s], out[e] = open_, close
    for i, ch in enumerate(line):
        if out[i] != ch or not (prev_wide[i] or next_wide[i]):
            continue
        if ch == '"':
            prev = line[i - 1] if i else ""
            out[i] = "”" if prev_wide[i] and prev and prev not in " “‘（《" else "“"
        elif ch in _HALF_TO_FULL:
            out[i] = _HALF_TO_FULL[ch]
    return "".join(out)


def _drop_unmatched_closers(line: str) -> str:
    if "”" not in line:
        return line
    depth = 0
    out = []
    for ch in line:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


def _tidy_spaces(line: str) -> str:
    line = re.sub(" {2,}", " ", line)
    line = _SPACE_NEAR_WIDE_RE.sub("", line)
    return line.strip()


def _settle(line: str) -> str:
    """Spaces and punctuation, then unmatched closing quotes, then one marker per blank."""
    return _SLOT_RUN_RE.sub(SLOT, _drop_unmatched_closers(_spaces_and_punctuation(line)))


def _spaces_and_punctuation(line: str) -> str:
    return _tidy_spaces(_punctuate(_tidy_spaces(line)))


# --------------------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------------------


def clean_text(raw: str) -> str:
    """Clean raw speech text into Simplified Chinese, one paragraph per line.

    See the module docstring for every rule. Never raises; idempotent.
    """
    text = _normalize_chars(raw)
    # Stray closing quotes go first: removing one later could expose a pinyin annotation.
    text = "\n".join(_drop_unmatched_closers(ln) for ln in text.split("\n"))
    text = _PINYIN_RE.sub("", text)
    text = _drop_mojibake(text)
    text = to_simplified(text)
    lines = _drop_furniture(text.split("\n"))
    lines = [_strip_inline_junk(ln) for ln in lines]
    lines = _join_orphans([ln for ln in _unwrap(lines) if ln.strip()])
    lines = [_settle(_mark_blanks(ln)) for ln in lines]
    lines = _join_orphans([ln for ln in lines if ln])
    # Gap rules read the settled punctuation; what they insert can widen a neighbour, so
    # the line is settled once more.
    lines = _restore_sequences([_fill_digit_gaps(ln) for ln in lines])
    lines = [_settle(ln) for ln in lines]
    lines = _drop_furniture(lines)
    lines = _drop_repeated_title(lines)
    return "\n".join(split_paragraphs("\n".join(lines)))
