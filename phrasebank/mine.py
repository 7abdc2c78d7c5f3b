"""Mine reusable formulations (规范表述, 常用句式, 排比, 四字格, 模板, 开头/结尾) from speeches.

The miner reads already-cleaned speeches (one paragraph per line, full-width punctuation,
blanks as :data:`phrasebank.model.SLOT`) and returns the entries a writer would insert
whole, each with a kind, function and topic tags, a quality in 0..1, counts and where it
was seen.

Two families of evidence, because a handful of speeches rarely repeat themselves:

*Shape cues*, per sentence, on the clauses of :func:`phrasebank.split.split_clauses`:
顿号 lists whose members are parallel (排比), runs of four-character items (四字格),
clauses holding a blank (模板), salutations and "今天，我们召开…" in the first
paragraphs (开头), "让我们…" and "…作出新的更大贡献" (结尾), transitions and stock
clauses ("下面，我讲几点意见"; clauses that open with a task verb).

*Statistics*, over the whole input: each document is segmented once with jieba; token
n-grams (n ≤ 6) are counted with numpy hashing and kept as fixed wordings when they
recur, cohere (min over binary splits of p(w)/(p(a)p(b)), the 凝固度) and have free
boundaries (entropy of neighbouring tokens, the 自由度); whole clauses and short
sentences that recur across speeches become stock clauses. Candidates always start
and end on jieba token boundaries, so nothing is cut mid-word.

Near-duplicates of the same kind are merged with rapidfuzz inside small buckets; the
output is sorted by quality, then text, so the same input always gives the same list.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

import jieba
import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from phrasebank.model import SLOT
from phrasebank.split import split_clauses, split_sentences
from phrasebank.tagging import function_tags, topic_tags

__all__ = [
    "MineResult",
    "MinedEntry",
    "MinedOccurrence",
    "MiningCancelled",
    "default_tokenizer",
    "mine_documents",
    "mine_texts",
]

log = logging.getLogger(__name__)

#: Entries scoring below this are dropped. Tuned on the seed speeches so that junk is rare.
DEFAULT_MIN_QUALITY = 0.4
#: Occurrences kept per entry (counts cover all of them).
MAX_OCCURRENCES = 20
MAX_NGRAM = 6


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class MinedOccurrence:
    """One place an entry was seen.

    ``doc`` indexes the input list; ``position`` is the character offset of the entry in
    that document's text; ``context`` is the sentence around it.
    """

    doc: int
    position: int
    context: str


@dataclass
class MinedEntry:
    """One mined entry, ready for the bank."""

    text: str
    kind: str
    functions: tuple[str, ...]
    topics: tuple[str, ...]
    quality: float
    freq: int
    doc_freq: int
    occurrences: list[MinedOccurrence] = field(default_factory=list)


@dataclass
class MineResult:
    """Entries (best first) and continuation counts.

    ``follows`` holds ``(previous clause text, entry text, count)``: which entry came right
    after which clause, for suggesting what comes next.
    """

    entries: list[MinedEntry]
    follows: list[tuple[str, str, int]]


class MiningCancelled(Exception):
    """Raised when ``should_stop()`` asked the miner to give up."""


# --------------------------------------------------------------------------- lexicon

_HAN = "\u4e00-\u9fff"
_HAN_RE = re.compile(rf"[{_HAN}]+")
_HAN4_RE = re.compile(rf"[{_HAN}]{{4}}")
_QUOTES = frozenset("“”‘’")
#: Characters an entry may hold: Han, the slot, Chinese punctuation used inside entries.
_ALLOWED_RE = re.compile(rf"[{_HAN}×“”‘’、，；：。！？《》（）—]+")
_NARRATIVE_RE = re.compile(
    r"[零一二三四五六七八九十百千两几]+(?:月份?|日|号|季度|亿|万|元|个百分点|名|人次|户|公里|亩|吨|倍)"
    r"|亿元|万元|同比|环比|百分点|去年|前年|上半年|下半年|月份|星期|周[一二三四五六日]"
    r"|××\s*(?:%|％|亿|万|元|个|家|项|年|月|日|号|名|人|次|户|倍|公里|亩|吨|平方|多|件|所|周年|批|座)"
    r"|第××|××[、，]××"
)
_FURNITURE_RE = re.compile(
    r"文档|下载|上传|客服|网站|本站|点击|阅读|转载|来源|版权|原创|范文|字数|页数|首页|预览|老师|网友"
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Tokens that cannot begin or end a fixed wording.
_EDGE_STOP = _words(
    "的 了 和 与 及 以及 或 在 是 要 对 把 将 也 都 就 等 为 中 上 下 而 并 又 之 其 这 那 有 "
    "我 我们 你 他 她 它 个 些 着 过 得 地 从 向 于 被 让 由 给 以 还 更 最 很 不 没有 各 每 该 "
    "此 本 一 一些 一个 进一步 通过 进行 对于 关于 如果 虽然 但是 但 因为 所以 因此 同时 并且 "
    "如何 什么 可以 能够 需要 已经 正在 一定 非常 比较 这个 那个 这些 那些 这样 那样 所 使 "
    "好 多 大 小 来 去 到 会 能 可 做 作 看 讲 说 用 按照 根据 围绕 加以 得到 认为 工作 方面 "
    "问题 情况 同志 等等 之一 来说 一是 二是 三是 第一 第二 第三 其中 今年 目前 当前 现在 起来 下去 出来 这次 那次 今天 这里 那里 这种 那种 确保 只要 只有 就要 都要"
)
#: Tokens that cannot end one: verbs and measures that want an object ("疫情防控取得", "储备一批").
_END_STOP = _words(
    "一项 一批 一种 一次 一步 取得 成立 具有 作为 呈现 成为 抓好 实现 形成 推动 促进 加快 进入 带来 "
    "提出 做好 打造 制约 达到 开展 加强 强化 提高 提升 建设成 引领 推进 落实 完成 坚持 注重 解决 "
    "全年 有力 注入 每一项 为了 提供 营造 创造 坚实"
)
#: "Our district": local, never at the edge of a shared wording.
_LOCAL = _words("我区 我县 我市 我省 我镇 本区 本县 本市 全区 全县 全市")
#: Place tokens (ns) that belong to national wordings, not to one locality.
_NAME_ALLOW = _words(
    "中国 中华 中华民族 全国 世界 亚洲 长江 黄河 京津冀 粤港澳 习近平 邓小平 毛泽东 马克思 列宁 "
    "十八大 十九大 二十大 新家园 努力奋斗"
)
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns"})

_OOV, _NAME, _STOP, _END = 1, 2, 4, 8


@lru_cache(maxsize=1)
def default_tokenizer() -> jieba.Tokenizer:
    """The genre tokenizer (curated user dictionary) if available, else plain jieba."""
    try:
        from phrasebank.curated import make_tokenizer  # type: ignore[attr-defined,unused-ignore]

        tok: jieba.Tokenizer = make_tokenizer()
        return tok
    except (ImportError, OSError) as exc:
        log.warning("genre dictionary unavailable (%s); using plain jieba", exc)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=4)
def _tag_table(dict_name: str) -> dict[str, str]:
    """word → POS tag for the person/place tags of jieba's main dictionary."""
    tokenizer = jieba.Tokenizer(dict_name) if dict_name else jieba.Tokenizer()
    table: dict[str, str] = {}
    with tokenizer.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8", "ignore").split()
            if len(parts) >= 3 and parts[2] in _NAME_TAGS:
                table[parts[0]] = parts[2]
    return table


class _Vocab(dict[str, int]):
    """Token → id; id 0 marks tokens that break n-grams (punctuation, digits, latin, slot)."""

    def __init__(self, tokenizer: jieba.Tokenizer, known_words: frozenset[str]) -> None:
        super().__init__()
        self.words: list[str] = [""]
        self.flags = bytearray(b"\0")
        self._freq: dict[str, int] = tokenizer.FREQ
        dict_name = tokenizer.dictionary if tokenizer.dictionary != jieba.DEFAULT_DICT_NAME else ""
        self._tags = _tag_table(str(dict_name or ""))
        self._known = known_words

    def __missing__(self, word: str) -> int:
        if word in _QUOTES or _HAN_RE.fullmatch(word):
            ident = len(self.words)
            self.words.append(word)
            self.flags.append(self._flag(word))
        else:
            ident = 0
        self[word] = ident
        return ident

    def _flag(self, word: str) -> int:
        flag = 0
        if word in _QUOTES or word in _EDGE_STOP or word in _LOCAL:
            flag |= _STOP
        if word in _END_STOP:
            flag |= _END
        if len(word) == 2 and word[0] in "一二三四五六七八九十" and word[1] in "要是抓":
            flag |= _STOP  # "三要抓好": an enumerator
        if word in self._known:
            return flag
        if len(word) > 1 and not self._freq.get(word):
            flag |= _OOV
        # jieba tags many common words nr/ns (美丽 ns, 努力奋斗 nr); rare ones are likelier names.
        if self._tags.get(word) and self._freq.get(word, 0) < 100 and word not in _NAME_ALLOW:
            flag |= _NAME
        return flag


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Agg:
    """Everything seen of one candidate text."""

    kinds: dict[str, float] = field(default_factory=dict)  # kind → best shape score
    freq: int = 0
    docs: set[int] = field(default_factory=set)
    occ: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0  # occurrences in opening paragraphs
    end: int = 0  # occurrences in closing paragraphs
    span: tuple[int, int] = (0, 0)  # global token span of the first occurrence
    oov: int = 0  # unknown multi-character tokens (likely names)
    names: int = 0
    last: tuple[int, int] = (-1, -1)

    def add(self, kind: str, score: float, doc: int, pos: int, zone: int) -> bool:
        if score > self.kinds.get(kind, -1.0):
            self.kinds[kind] = score
        key = (doc, pos)
        if key == self.last:
            return False
        self.last = key
        self.freq += 1
        self.docs.add(doc)
        if len(self.occ) < MAX_OCCURRENCES:
            self.occ.append(key)
        if zone < 0:
            self.start += 1
        elif zone > 0:
            self.end += 1
        return True


@dataclass(slots=True)
class _Cl:
    text: str
    end: str
    pos: int  # absolute offset in the document


_ENUM_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）"
    r"|[一二三四五六七八九十](?=要|抓|在|把))"
)
_ENUM_CLAUSE_RE = re.compile(r"^(?:第?[一二三四五六七八九十]+|（[一二三四五六七八九十]+）)$")
_SALUTATION_RE = re.compile(
    r"^(?:同志们|各位[\u4e00-\u9fff]{0,8}|女士们、先生们|朋友们|同事们)[：，！]$"
)
_TITLE_RE = re.compile(r"讲话|会上的|致辞|发言|报告$")
_OPEN_START_RE = re.compile(r"^(?:今天|这次会议|本次会议|这次|在[^，]{1,20}之际|刚才)")
_MEETING_RE = re.compile(r"召开|会议|大会|会上|推进会|座谈会|动员会|这次会")
_THANKS_RE = re.compile(r"^谢谢(?:大家|各位)?[。！]?$")
_CLOSE_START_RE = re.compile(r"^(?:为|奋力|谱写|开创|努力|共同|再创|创造|作出|争创|推动|加快|以)")
_CLOSE_END_RE = re.compile(
    r"(?:而努力奋斗|而不懈奋斗|而奋斗|作出新的更大贡献|作出更大贡献|新的更大贡献|"
    r"新篇章|新局面|新的更大成绩|新的辉煌|新的更大胜利|胜利召开)$"
)
_LECTURE_RE = re.compile(
    r"^(?:下面|接下来|下边)，?(?:[^，。]{0,24}?)(?:几点|[两三四五六七]点|以下几|几个方面|几个问题|几句话)"
    r"(?:意见|看法|要求|建议|体会|想法|说明)?"
)
_TRANSITIONS = _words(
    "总之 总而言之 综上所述 一方面 另一方面 与此同时 首先 其次 再次 最后 为此 总的来看 "
    "总的来说 具体来说 具体而言 实践证明 事实证明 由此可见 概括起来说 同志们 第一 第二 第三"
)
_TRANSITIONS_KEEP = _TRANSITIONS - {"同志们", "第一", "第二", "第三"}
_LEAD_VERB_RE = re.compile(
    r"^(?:我们|各级各部门|各地各部门|各部门|各单位|全县上下|全区上下|全市上下|大家)?"
    r"(?:要|必须|务必|切实|确保|坚持|进一步|加快|加大|加强|强化|全力|着力|扎实|持续|不断|深入|"
    r"积极|大力|努力|推动|促进|提高|提升|优化|完善|建立健全|健全|形成|营造|发挥|坚决|始终|牢固树立|"
    r"为|以(?!及)|把|坚定不移|全面|统筹|围绕|聚焦)"
)
#: A blank that stands for a place or a named site: narrative, not a reusable template.
_PLACE_SLOT_RE = re.compile(
    r"××(?:路|街|区外|片区|小学|中学|北|南|东|西|园|站|项目)|位于|得分|排名"
)
_TEMPLATE_CUE_RE = re.compile(r"为|建设|贡献|篇章|发展|推进|会议|同志|召开|打造|加快|全面")
_LEAD_KEEP = frozenset("以为")
_CONJ_RE = re.compile(r"[和及与]|以及|等")
_MODAL_END_RE = re.compile(
    r"(?:要|必须|务必|应|应当|就是|是|进一步|坚持|做到|能够|努力|需要|始终)$"
)


class _State:
    """Counters and candidates collected while reading the documents."""

    def __init__(self, tokenizer: jieba.Tokenizer, known: frozenset[str]) -> None:
        self.cut: Callable[[str], list[str]] = tokenizer.lcut
        self.vocab = _Vocab(tokenizer, frozenset(w for w in known if len(w) <= 8))
        self.ids: list[np.ndarray] = []
        self.offs: list[np.ndarray] = []
        self.tok_base: list[int] = []
        self.n_tokens = 0
        self.cands: dict[str, _Agg] = {}
        self.seen: dict[str, int] = {}  # clause text → doc<<32|pos of its first occurrence
        self.recur: dict[str, _Agg] = {}
        self.follows: Counter[tuple[str, str]] = Counter()
        self.texts: Sequence[str] = ()

    # ----------------------------------------------------------------- per document

    def scan(self, doc: int, text: str) -> None:
        tokens = self.cut(text)
        starts = list(accumulate(map(len, tokens), initial=0))
        vocab = self.vocab
        ids = np.fromiter(map(vocab.__getitem__, tokens), dtype=np.int32, count=len(tokens))
        base = self.n_tokens
        self.tok_base.append(base)
        # One separator token between documents so no n-gram spans two of them.
        self.ids.append(np.append(ids, np.int32(0)))
        self.offs.append(np.array(starts, dtype=np.int32))
        self.n_tokens += len(tokens) + 1
        _DocScanner(self, doc, text, starts, base).run()

    def emit(
        self,
        text: str,
        kind: str,
        score: float,
        *,
        doc: int,
        pos: int,
        zone: int,
        prev: str,
        scanner: _DocScanner,
    ) -> None:
        agg = self.cands.get(text)
        if agg is None:
            if not _acceptable(text, kind):
                return
            agg = self.cands[text] = _Agg()
            agg.span = scanner.token_span(pos, pos + len(text))
            agg.oov, agg.names = scanner.flags_in(agg.span)
        if agg.add(kind, score, doc, pos, zone) and prev:
            self.follows[(prev, text)] += 1

    def count_clause(self, text: str, *, doc: int, pos: int, zone: int, prev: str) -> None:
        """Count a whole clause or short sentence for cross-document recurrence."""
        agg = self.recur.get(text)
        if agg is None:
            first = self.seen.get(text)
            if first is None:
                self.seen[text] = (doc << 32) | pos
                return
            if not _acceptable(text, "clause"):
                return
            del self.seen[text]
            agg = self.recur[text] = _Agg()
            fdoc, fpos = first >> 32, first & 0xFFFFFFFF
            agg.add("clause", 0.0, fdoc, fpos, 0)
        if agg.add("clause", 0.0, doc, pos, zone) and prev:
            self.follows[(prev, text)] += 1


def _acceptable(text: str, kind: str) -> bool:
    """Cheap filters every candidate must pass: characters, length, narrative facts."""
    body = text.replace(SLOT, "")
    if len(body) < 2 or not _ALLOWED_RE.fullmatch(text):
        return False
    limit = 90 if kind in ("closing", "opening", "parallel", "four_char") else 40
    if len(text) > limit:
        return False
    if _NARRATIVE_RE.search(text) or _FURNITURE_RE.search(text):
        return False
    return text.count("“") == text.count("”") and text.count("（") == text.count("）")


class _DocScanner:
    """Shape cues over one document's paragraphs, sentences and clauses."""

    def __init__(self, state: _State, doc: int, text: str, starts: list[int], base: int) -> None:
        self.state = state
        self.doc = doc
        self.text = text
        self.starts = starts
        self.bounds = frozenset(starts)
        self.base = base
        self.prev = ""  # text of the clause before the current one

    # ----------------------------------------------------------------- helpers

    def token_span(self, a: int, b: int) -> tuple[int, int]:
        i = bisect_left(self.starts, a)
        j = bisect_left(self.starts, b)
        return self.base + i, self.base + j

    def flags_in(self, span: tuple[int, int]) -> tuple[int, int]:
        ids = self.state.ids[-1]
        flags = self.state.vocab.flags
        oov = names = 0
        for ident in ids[span[0] - self.base : span[1] - self.base].tolist():
            f = flags[ident]
            oov += f & _OOV
            names += (f & _NAME) >> 1
        return oov, names

    def pattern(self, a: int, b: int) -> tuple[int, ...]:
        """Token lengths of text[a:b] (the rhythm of a clause)."""
        i = bisect_left(self.starts, a)
        j = bisect_right(self.starts, b)
        cuts = self.starts[i:j]
        return tuple(y - x for x, y in pairwise(cuts))

    def emit(self, a: int, b: int, kind: str, score: float, zone: int, prev: str) -> None:
        text = self.text[a:b]
        keep_end = kind in ("opening", "closing")
        text = text.rstrip("，、；" if keep_end else "，、；：。！？…")
        if text:
            self.state.emit(
                text, kind, score, doc=self.doc, pos=a, zone=zone, prev=prev, scanner=self
            )

    # ----------------------------------------------------------------- walk

    def paragraphs(self) -> Iterator[tuple[int, str]]:
        for m in re.finditer(r"[^\n]+", self.text):
            raw = m.group()
            stripped = raw.strip()
            if stripped:
                yield m.start() + raw.index(stripped[0]), stripped

    def run(self) -> None:
        paras = list(self.paragraphs())
        n = len(paras)
        salute = next((i for i, (_, p) in enumerate(paras[:4]) if _SALUTATION_RE.match(p)), -1)
        start_zone = salute + 2 if salute >= 0 else 2
        for index, (pstart, para) in enumerate(paras):
            zone = -1 if index < start_zone else (1 if index >= n - 2 else 0)
            if index < start_zone and _TITLE_RE.search(para) and para[-1] not in "。！？：":
                continue  # the speech's title line
            if _SALUTATION_RE.match(para):
                self.emit(pstart, pstart + len(para), "opening", 0.9, -1, self.prev)
                self.prev = para.rstrip("：，！")
                continue
            cursor = 0
            for sentence in split_sentences(para):
                at = para.find(sentence, cursor)
                cursor = at + len(sentence)
                self.sentence(pstart + at, sentence, zone)

    def sentence(self, sstart: int, sentence: str, zone: int) -> None:
        cls: list[_Cl] = []
        for c in split_clauses(sentence):
            text, pos = c.text, sstart + c.start
            if not cls and _ENUM_CLAUSE_RE.match(text):
                continue
            m = _ENUM_RE.match(text)
            if m and len(text) > m.end():
                text, pos = text[m.end() :], pos + m.end()
            cls.append(_Cl(text, c.end, pos))
        if not cls:
            return
        prevs = [self.prev] + [c.text for c in cls[:-1]]
        used = [False] * len(cls)
        self.openings_closings(sentence, sstart, cls, prevs, zone)
        self.four_char_runs(cls, prevs, used, zone)
        self.list_runs(cls, prevs, used, zone)
        self.clause_runs(cls, prevs, used, zone)
        self.single_clauses(cls, prevs, zone)
        # short whole sentences recur as units ("成绩不讲跑不了，问题不讲解决不了。")
        body = sentence.rstrip("。！？…")
        if len(cls) > 1 and len(body) <= 40 and sstart + len(body) <= len(self.text):
            self.state.count_clause(body, doc=self.doc, pos=sstart, zone=zone, prev=prevs[0])
        self.prev = cls[-1].text

    # ----------------------------------------------------------------- detectors

    def openings_closings(
        self, sentence: str, sstart: int, cls: list[_Cl], prevs: list[str], zone: int
    ) -> None:
        if _THANKS_RE.match(sentence):
            self.emit(sstart, sstart + len(sentence), "closing", 0.9, zone, prevs[0])
            return
        if zone < 0 and _OPEN_START_RE.match(sentence):
            k = next((i for i, c in enumerate(cls) if _MEETING_RE.search(c.text)), -1)
            if k >= 0:
                while k + 1 < len(cls) and cls[k].end == "、":
                    k += 1
                end = cls[k].pos + len(cls[k].text)
                if end - sstart <= 60:
                    self.emit(sstart, end, "opening", 0.6, zone, prevs[0])
        for i, c in enumerate(cls):
            if c.text.startswith("让我们"):
                end = sstart + len(sentence)
                if end - c.pos <= 90:
                    self.emit(c.pos, end, "closing", 0.75, zone, prevs[i])
                break
        for i, c in enumerate(cls):
            t = c.text
            if _CLOSE_END_RE.search(t) and _CLOSE_START_RE.match(t) and len(t) >= 8:
                self.emit(c.pos, c.pos + len(c.text), "closing", 0.6, zone, prevs[i])
        m = _LECTURE_RE.match(sentence)
        if m:
            k = next((i for i, c in enumerate(cls) if c.pos - sstart + len(c.text) >= m.end()), 0)
            self.emit(sstart, cls[k].pos + len(cls[k].text), "clause", 0.8, zone, prevs[0])

    def four_item(self, c: _Cl, *, first: bool, last: bool) -> tuple[int, int, int] | None:
        """(start, end, trimmed) of a four-character item in clause ``c``, or None.

        A first item may drop a lead-in when the list follows it with 、 or the lead-in
        ends in a modal ("我们要振作精神，保持激情"); otherwise the four characters are
        usually the object of a longer clause ("刺激消费需求，扩大内需").
        """
        t = c.text
        if _HAN4_RE.fullmatch(t):
            return c.pos, c.pos + 4, 0
        if len(t) <= 4 or not _HAN_RE.fullmatch(t):
            return None
        lead_ok = c.end == "、" or _MODAL_END_RE.search(t[:-4]) is not None
        if first and lead_ok and _HAN4_RE.fullmatch(t[-4:]) and len(t) <= 14:
            cut = c.pos + len(t) - 4
            if cut in self.bounds:
                return cut, c.pos + len(t), 1
        if last and t[4] == "的" and c.pos + 4 in self.bounds:
            return c.pos, c.pos + 4, 2
        return None

    def four_char_runs(self, cls: list[_Cl], prevs: list[str], used: list[bool], zone: int) -> None:
        i = 0
        while i < len(cls):
            item = self.four_item(cls[i], first=True, last=False)
            if item is None or item[2] == 2:
                i += 1
                continue
            items = [item]
            j = i
            while j + 1 < len(cls) and cls[j].end in ("、", "，", "；") and items[-1][2] != 2:
                nxt = self.four_item(cls[j + 1], first=False, last=True)
                if nxt is None:
                    break
                items.append(nxt)
                j += 1
            while len(items) >= 2 and sum(1 for it in items if it[2]) > 1:
                items.pop()  # one trimmed item at most, or the run is a phrase cut in two
            if len(items) >= 2:
                items = items[:8]
                j = i + len(items) - 1
                score = 0.55 + 0.08 * min(len(items) - 2, 2)
                score += 0.1 * sum(self._idiom(a, b) for a, b, _ in items) / len(items)
                prev = prevs[i] if items[0][2] == 0 else cls[i].text[:-4]
                self.emit(items[0][0], items[-1][1], "four_char", score, zone, prev)
                for k in range(i, j + 1):
                    used[k] = True
                i = j + 1
            else:
                i += 1

    def _idiom(self, a: int, b: int) -> int:
        """1 when text[a:b] is a single dictionary token (成语 such as 攻坚克难)."""
        return int(
            a in self.bounds
            and b in self.bounds
            and bisect_left(self.starts, b) - bisect_left(self.starts, a) == 1
        )

    def list_runs(self, cls: list[_Cl], prevs: list[str], used: list[bool], zone: int) -> None:
        i = 0
        while i < len(cls):
            j = i
            while j + 1 < len(cls) and cls[j].end == "、":
                j += 1
            if j > i and not any(used[i : j + 1]):
                self.parallel_set(cls[i : j + 1], prevs[i], zone, sep="、", whole=False)
                for k in range(i, j + 1):
                    used[k] = True
            i = j + 1

    def clause_runs(self, cls: list[_Cl], prevs: list[str], used: list[bool], zone: int) -> None:
        i = 0
        while i < len(cls):
            j = i
            while (
                j + 1 < len(cls)
                and cls[j].end in ("，", "；")
                and not used[j]
                and not used[j + 1]
                and self._pair(cls[j], cls[j + 1], first=j == i)
            ):
                j += 1
            if j > i:
                whole = i == 0 and j == len(cls) - 1
                self.parallel_set(cls[i : j + 1], prevs[i], zone, sep="，", whole=whole)
                for k in range(i, j + 1):
                    used[k] = True
            i = j + 1

    def _pair(self, a: _Cl, b: _Cl, *, first: bool) -> bool:
        """Whether clauses ``a`` and ``b`` are parallel (``a`` may carry a lead-in if first)."""
        ta, tb = a.text, b.text
        if first and len(ta) > len(tb) + 2:
            p = -1
            for k in range(min(4, len(tb)), 0, -1):
                p = ta.rfind(tb[:k])
                if p > 0 and a.pos + p in self.bounds:
                    break
                p = -1
            if p < 0:
                return False
            ta = ta[p:]
        if not (3 <= len(ta) <= 16 and 3 <= len(tb) <= 16) or abs(len(ta) - len(tb)) > 2:
            return False
        end_a = a.pos + len(a.text)
        patterns = [self.pattern(end_a - len(ta), end_a), self.pattern(b.pos, b.pos + len(tb))]
        return _parallel_evidence([ta, tb], patterns) > 0

    def parallel_set(self, cls: list[_Cl], prev: str, zone: int, *, sep: str, whole: bool) -> None:
        members = [c.text for c in cls]
        if any(SLOT in m for m in members):
            return
        n = len(members)
        # trim a lead-in off the first member ("确保每一项工作都有人抓" → "有人抓")
        others = members[1:]
        head = _common_prefix(others) if n >= 3 else ""
        if n == 2:
            for k in range(min(4, len(members[1])), 0, -1):
                if members[1][:k] in members[0]:
                    head = members[1][:k]
                    break
        a = cls[0].pos
        first = members[0]
        if head and not first.startswith(head):
            p = first.rfind(head)
            while p > 0 and cls[0].pos + p not in self.bounds:
                p = first.rfind(head, 0, p)
            if p <= 0:
                return
            a, first = cls[0].pos + p, first[p:]
        else:
            width = len(others[0]) if n >= 3 else len(members[1])
            cut = len(first) - width
            if cut > 0 and cls[0].pos + cut in self.bounds:
                a, first = cls[0].pos + cut, first[cut:]
            elif len(first) > max(map(len, others)) + 1:
                return
        lead = self.text[cls[0].pos : a]
        if lead and lead[-1] in _LEAD_KEEP and a - 1 in self.bounds:
            a -= 1  # keep the preposition: "以更加昂扬的精神状态、更加务实的工作作风"
        # trim a tail off the last member ("横向协作的工作机制" → "横向协作")
        mids = [first, *members[1:-1]]
        tail = _common_suffix(mids) if n >= 3 else _common_suffix([first, members[-1]])
        last_c = cls[-1]
        last = members[-1]
        b = last_c.pos + len(last)
        widest = max(map(len, mids))
        if tail and not last.endswith(tail):
            q = last.find(tail)
            cut = q + len(tail)
            rest = last[cut:] if q >= 0 else ""
            if q >= 0 and last_c.pos + cut in self.bounds and rest[0] in "的等上中":
                last = last[:cut]
                b = last_c.pos + len(last)
            elif len(last) > widest + 3:
                return
        elif len(last) > widest + (2 if head else 1):
            return
        if _CONJ_RE.search(last):
            return  # "财源建设、招商引资和项目建设": a noun list, not a parallel set
        final = [first, *members[1:-1], last]
        patterns = [
            self.pattern(c.pos + len(c.text) - len(m), c.pos + len(c.text))
            for c, m in zip(cls[:-1], final[:-1], strict=True)
        ]
        patterns.append(self.pattern(b - len(last), b))
        evidence = _parallel_evidence(final, patterns)
        if evidence <= 0 or not all(2 <= len(m) <= 16 for m in final):
            return
        if all(len(m) == 4 for m in final):
            kind = "four_char"
        elif whole and n == 2:
            kind = "clause"
        else:
            kind = "parallel"
        score = 0.5 + 0.1 * min(n - 2, 2) + 0.1 * evidence
        self.emit(a, b, kind, score, zone, prev)

    def single_clauses(self, cls: list[_Cl], prevs: list[str], zone: int) -> None:
        for i, c in enumerate(cls):
            t = c.text
            state = self.state
            if 4 <= len(t) <= 30:
                state.count_clause(t, doc=self.doc, pos=c.pos, zone=zone, prev=prevs[i])
            if SLOT in t:
                if len(t.replace(SLOT, "")) >= 4 and len(t) <= 30 and t.count(SLOT) <= 2:
                    score = 0.4 + (0.1 if _TEMPLATE_CUE_RE.search(t) else -0.05)
                    score -= 0.1 if len(t) > 20 else 0.0
                    score -= 0.2 if _PLACE_SLOT_RE.search(t) else 0.0
                    self.emit(c.pos, c.pos + len(t), "template", score, zone, prevs[i])
                continue
            if t in _TRANSITIONS_KEEP and c.end in ("，", "："):
                self.emit(c.pos, c.pos + len(t), "clause", 0.55, zone, prevs[i])
                continue
            if (
                6 <= len(t) <= 22
                and c.end not in ("、", "：")
                and (i == 0 or cls[i - 1].end != "、")
                and _LEAD_VERB_RE.match(t)
            ):
                self.emit(c.pos, c.pos + len(t), "clause", 0.3, zone, prevs[i])


def _common_prefix(items: Sequence[str]) -> str:
    if not items:
        return ""
    lo, hi = min(items), max(items)
    k = 0
    while k < min(len(lo), len(hi)) and lo[k] == hi[k]:
        k += 1
    return lo[:k]


def _common_suffix(items: Sequence[str]) -> str:
    return _common_prefix([s[::-1] for s in items])[::-1]


def _parallel_evidence(members: Sequence[str], patterns: Sequence[tuple[int, ...]]) -> float:
    """How strongly ``members`` read as a parallel set: 0 (not at all) to 1."""
    head = _common_prefix(members)
    tail = _common_suffix(members)
    lengths = {len(m) for m in members}
    same_len = len(lengths) == 1
    if head.strip("的") and (len(head) >= 2 or same_len or len(members) >= 3):
        return 1.0 if len(head) >= 2 else 0.6
    if tail.strip("的") and (len(tail) >= 2 or same_len or len(members) >= 3):
        return 1.0 if len(tail) >= 2 else 0.6
    if same_len and len(set(patterns)) == 1 and len(patterns[0]) >= 2:
        return 0.4
    if len(members) == 2 and max(lengths) - min(lengths) <= 2:
        a, b = members
        shared = {a[k : k + 2] for k in range(len(a) - 1)} & {
            b[k : k + 2] for k in range(len(b) - 1)
        }
        if len(shared) >= 2:
            return 0.5
    return 0.0


# --------------------------------------------------------------------------- n-gram statistics

_HASH_MUL = np.uint64(1_000_003)


@dataclass(slots=True)
class _Wording:
    """A fixed wording found by the n-gram statistics."""

    text: str
    freq: int
    doc_freq: int
    cohesion: float  # log of min over binary splits of p(w)/(p(a)p(b))
    entropy: float  # min of left and right neighbour entropy (nats)
    occ: list[tuple[int, int]]


class _Ngrams:
    """Token n-gram counts over all documents, by rolling uint64 hashes."""

    def __init__(self, state: _State) -> None:
        self.ids = np.concatenate(state.ids).astype(np.int64) if state.ids else np.zeros(0, int)
        self.offs = np.concatenate(state.offs) if state.offs else np.zeros(0, np.int32)
        self.doc_base = np.array(state.tok_base, dtype=np.int64)
        self.words = state.vocab.words
        self.flags = np.frombuffer(bytes(state.vocab.flags), dtype=np.uint8)
        self.lengths = np.fromiter(map(len, self.words), dtype=np.int32, count=len(self.words))
        n = len(self.ids)
        self.n = max(n, 1)
        self.valid1 = self.ids > 0
        unigram = np.bincount(self.ids, minlength=len(self.words)).astype(np.int32)
        c1 = unigram[self.ids]
        c1[~self.valid1] = 0
        self.counts: dict[int, np.ndarray] = {1: c1}

    def bigram_recurring_cumsum(self) -> np.ndarray:
        """Prefix sums of "the bigram starting here recurs" (for clause coverage)."""
        c2 = self.counts.get(2)
        if c2 is None:
            return np.zeros(1, dtype=np.int64)
        return np.concatenate(([0], np.cumsum(c2 >= 2)))

    def doc_of(self, positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.doc_base, positions, side="right") - 1

    def wordings(
        self, *, min_freq: int, check: Callable[[], None], max_n: int = MAX_NGRAM
    ) -> list[_Wording]:
        ids = self.ids
        total = len(ids)
        found: list[_Wording] = []
        h = ids.astype(np.uint64)
        valid = self.valid1
        ids_u = ids.astype(np.uint64)
        for n in range(2, max_n + 1):
            check()
            if total < n:
                break
            h = h[:-1] * _HASH_MUL + ids_u[n - 1 :]
            valid = valid[:-1] & self.valid1[n - 1 :]
            vpos = np.flatnonzero(valid)
            if not len(vpos):
                break
            _, first, inv, cnt = np.unique(
                h[vpos], return_index=True, return_inverse=True, return_counts=True
            )
            counts = np.zeros(len(h), dtype=np.int32)
            counts[vpos] = cnt[inv]
            self.counts[n] = counts
            found.extend(self._select(n, vpos, first, inv, cnt, min_freq))
        return found

    def _select(
        self,
        n: int,
        vpos: np.ndarray,
        first: np.ndarray,
        inv: np.ndarray,
        cnt: np.ndarray,
        min_freq: int,
    ) -> list[_Wording]:
        ids = self.ids
        groups = np.flatnonzero(cnt >= min_freq)
        if not len(groups):
            return []
        fpos = vpos[first[groups]]
        toks = np.stack([ids[fpos + k] for k in range(n)])
        tflags = self.flags[toks]
        ok = (tflags[0] & _STOP) == 0
        ok &= (tflags[-1] & (_STOP | _END)) == 0
        ok &= ((tflags & _NAME) == 0).all(axis=0)
        tlen = self.lengths[toks]
        chars = tlen.sum(axis=0)
        ok &= (chars >= 4) & (chars <= 16)
        # a single character at either edge is nearly always a cut ("取得新", "级领导")
        ok &= (tlen[0] > 1) & (tlen[-1] > 1)
        # 凝固度: the weakest binary split decides.
        c = cnt[groups].astype(np.float64)
        ratio = np.full(len(groups), np.inf)
        for k in range(1, n):
            left = self.counts[k][fpos].astype(np.float64)
            right = self.counts[n - k][fpos + k].astype(np.float64)
            ratio = np.minimum(ratio, c * self.n / np.maximum(left * right, 1.0))
        cohesion = np.log(np.maximum(ratio, 1e-9))
        ok &= cohesion >= 2.0
        groups, fpos, cohesion = groups[ok], fpos[ok], cohesion[ok]
        if not len(groups):
            return []
        # 自由度: entropy of the neighbouring tokens over all occurrences.
        keep = np.zeros(len(cnt), dtype=bool)
        keep[groups] = True
        mask = keep[inv]
        occ_pos = vpos[mask]
        occ_g = np.searchsorted(groups, inv[mask])
        k_groups = len(groups)
        unique_fill = -np.arange(1, len(occ_pos) + 1, dtype=np.int64)
        left = np.where(occ_pos > 0, ids[np.maximum(occ_pos - 1, 0)], 0)
        left = np.where(left > 0, left, unique_fill)
        right_at = occ_pos + n
        right = np.where(right_at < len(ids), ids[np.minimum(right_at, len(ids) - 1)], 0)
        right = np.where(right > 0, right, unique_fill)
        h_left = _group_entropy(occ_g, left, k_groups)
        h_right = _group_entropy(occ_g, right, k_groups)
        entropy = np.minimum(h_left, h_right)
        docs = self.doc_of(occ_pos)
        pair = np.unique(occ_g.astype(np.int64) * (1 << 32) + docs)
        doc_freq = np.bincount(pair >> 32, minlength=k_groups)
        order = np.argsort(occ_g, kind="stable")
        starts = np.searchsorted(occ_g[order], np.arange(k_groups))
        out: list[_Wording] = []
        words = self.words
        freq = cnt[groups]
        for g in range(k_groups):
            if entropy[g] < 0.5:
                continue
            p = int(fpos[g])
            text = "".join(words[int(t)] for t in ids[p : p + n])
            occ_idx = order[starts[g] : starts[g] + min(int(freq[g]), MAX_OCCURRENCES)]
            occ = [(int(docs[i]), int(self.offs[occ_pos[i]])) for i in occ_idx.tolist()]
            out.append(
                _Wording(
                    text,
                    int(freq[g]),
                    int(doc_freq[g]),
                    float(cohesion[g]),
                    float(entropy[g]),
                    occ,
                )
            )
        return out


def _group_entropy(groups: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """Entropy (nats) of ``values`` within each group."""
    order = np.lexsort((values, groups))
    g, v = groups[order], values[order]
    new = np.ones(len(g), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (v[1:] != v[:-1])
    run_starts = np.flatnonzero(new)
    run_len = np.diff(np.append(run_starts, len(g))).astype(np.float64)
    run_g = g[run_starts]
    tot = np.bincount(run_g, weights=run_len, minlength=n_groups)
    s = np.bincount(run_g, weights=run_len * np.log(run_len), minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = np.where(tot > 0, np.log(np.maximum(tot, 1.0)) - s / np.maximum(tot, 1.0), 0.0)
    return np.asarray(ent, dtype=np.float64)


# --------------------------------------------------------------------------- scoring

_KIND_PRIORITY = {
    "template": 0,
    "opening": 1,
    "closing": 2,
    "parallel": 3,
    "four_char": 4,
    "clause": 5,
    "formulation": 6,
}


@dataclass(slots=True)
class _Final:
    text: str
    kind: str
    quality: float
    freq: int
    docs: set[int]
    occ: list[tuple[int, int]]
    start: int
    end: int


def _clamp(x: float) -> float:
    return 0.0 if x < 0.0 else 1.0 if x > 1.0 else x


def _score_shape(agg: _Agg, text: str, coverage: float) -> tuple[str, float]:
    if SLOT in text:
        kind = "template"
        shape = agg.kinds.get("template", max(agg.kinds.values()))
    else:
        kind = min(agg.kinds, key=lambda k: (-agg.kinds[k], _KIND_PRIORITY[k]))
        shape = agg.kinds[kind]
    df = len(agg.docs)
    q = shape + 0.12 * min(df - 1, 3) + 0.04 * min(agg.freq - 1, 3) + 0.2 * coverage
    if df < 2:
        # unknown words and rare person/place words: names, unless the entry is long
        q -= (0.15 * agg.oov + 0.35 * agg.names) * (1.0 if len(text) <= 12 else 0.3)
    if len(text) > 30 and kind not in ("opening", "closing", "parallel"):
        q -= 0.1
    return kind, _clamp(q)


def _score_wording(w: _Wording) -> float:
    s_coh = _clamp((w.cohesion - 2.0) / 6.0)
    s_ent = _clamp(w.entropy / math.log(min(max(w.freq, 2), 6)))
    s_freq = _clamp(math.log2(w.freq) / 5.0)
    s_df = _clamp((w.doc_freq - 1) / 3.0)
    return _clamp(0.05 + 0.3 * s_coh + 0.25 * s_ent + 0.15 * s_freq + 0.35 * s_df)


_SENTENCE_END_RE = re.compile(r"[。！？…]+[”’」』）》】]*|\n")


def _context(text: str, pos: int, length: int) -> str:
    """The sentence (or line) around text[pos:pos+length], at most ~300 characters each way."""
    lo = max(0, pos - 300)
    rf = text.rfind
    a = max(rf("。", lo, pos), rf("！", lo, pos), rf("？", lo, pos), rf("\n", lo, pos)) + 1
    a = max(a, lo)
    hi = min(len(text), pos + length + 300)
    m = _SENTENCE_END_RE.search(text, max(pos, pos + length - 1), hi)
    b = hi if m is None else (m.start() if m.group() == "\n" else m.end())
    return text[a:b].lstrip("”’」』）》】").strip()


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _near_duplicate_groups(texts: list[str], kinds: list[str], *, cutoff: float) -> _UnionFind:
    """Union near-identical texts of the same kind, comparing only inside small buckets."""
    uf = _UnionFind(len(texts))
    buckets: dict[tuple[str, str, int], list[int]] = {}
    for i, (t, k) in enumerate(zip(texts, kinds, strict=True)):
        if len(t) < 4:
            continue
        buckets.setdefault((k, t[:2], 0), []).append(i)
        buckets.setdefault((k, t[-2:], 1), []).append(i)
    chunk = 300
    for members in buckets.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (len(texts[i]), texts[i]))
        step = chunk // 2
        for lo in range(0, max(len(members) - step, 1), step):
            part = members[lo : lo + chunk]
            if len(part) < 2:
                continue
            sub = [texts[i] for i in part]
            scores = cdist(sub, sub, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8)
            a_idx, b_idx = np.nonzero(np.triu(scores, k=1))
            for a, b in zip(a_idx.tolist(), b_idx.tolist(), strict=True):
                uf.union(part[a], part[b])
    return uf


def _near_known(text: str, buckets: dict[str, list[str]], cutoff: float) -> bool:
    for key in (text[:2], text[-2:]):
        for k in buckets.get(key, ()):
            if k != text and fuzz.ratio(text, k) >= cutoff:
                return True
    return False


# --------------------------------------------------------------------------- entry point


def mine_texts(
    texts: Sequence[str],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    known: Iterable[str] = (),
    min_quality: float = DEFAULT_MIN_QUALITY,
    tokenizer: jieba.Tokenizer | None = None,
) -> MineResult:
    """Mine entries from cleaned speeches.

    ``texts`` are cleaned documents (see :func:`phrasebank.clean.clean_text`).
    ``known`` are standard wordings already in the bank: found verbatim they are kept
    with a high quality (for their counts and provenance); near-miss variants of them
    (fuzz.ratio ≥ 90) are never added. ``on_progress(done, total)`` is called after each
    document; when ``should_stop()`` returns True, :class:`MiningCancelled` is raised.
    ``tokenizer`` defaults to :func:`default_tokenizer`.
    """

    def check() -> None:
        if should_stop is not None and should_stop():
            raise MiningCancelled("mining cancelled")

    known_set = frozenset(k.strip() for k in known if k and k.strip())
    state = _State(tokenizer or default_tokenizer(), known_set)
    state.texts = texts
    total = len(texts)
    for doc, text in enumerate(texts):
        check()
        state.scan(doc, text)
        if on_progress is not None:
            on_progress(doc + 1, total)
    check()
    total_chars = sum(map(len, texts))
    stats = _Ngrams(state)
    min_freq = 2 if total_chars < 2_000_000 else 3
    wordings = stats.wordings(min_freq=min_freq, check=check)
    check()
    rec_cum = stats.bigram_recurring_cumsum()
    finals = _collect(state, wordings, rec_cum, known_set)
    check()
    entries, rename = _merge(finals, known_set, min_quality)
    follows = _follows(state.follows, rename)
    out = [_entry(f, texts) for f in entries]
    out.sort(key=lambda e: (-e.quality, e.text))
    log.info("mined %d entries from %d documents", len(out), total)
    return MineResult(out, follows)


def mine_documents(documents: Iterable[tuple[str, str]], **options: Any) -> MineResult:
    """:func:`mine_texts` over ``(title, text)`` pairs; titles are not mined."""
    return mine_texts([text for _title, text in documents], **options)


def _collect(
    state: _State, wordings: list[_Wording], rec_cum: np.ndarray, known: frozenset[str]
) -> dict[str, _Final]:
    finals: dict[str, _Final] = {}

    def coverage(span: tuple[int, int]) -> float:
        a, b = span
        if b - a < 2 or b > len(rec_cum):
            return 0.0
        return float(rec_cum[b - 1] - rec_cum[a]) / (b - 1 - a)

    for text, agg in state.cands.items():
        kind, q = _score_shape(agg, text, coverage(agg.span))
        finals[text] = _Final(text, kind, q, agg.freq, agg.docs, agg.occ, agg.start, agg.end)
    for text, agg in state.recur.items():
        df = len(agg.docs)
        if df < 2 and agg.freq < 3:
            continue
        q = _clamp(0.3 + 0.12 * min(df, 4) + 0.03 * min(agg.freq, 4))
        if df < 2 and not _LEAD_VERB_RE.match(text):
            q -= 0.1
        old = finals.get(text)
        if old is None:
            kind = "formulation" if len(text) <= 6 else "clause"
            finals[text] = _Final(text, kind, q, agg.freq, agg.docs, agg.occ, agg.start, 0)
        else:
            old.docs = old.docs | agg.docs
            occ = sorted(set(old.occ) | set(agg.occ))[:MAX_OCCURRENCES]
            old.freq = max(old.freq, agg.freq)
            old.occ = occ
            old.quality = _clamp(max(old.quality, q) + 0.12 * min(len(old.docs) - 1, 3))
    for w in wordings:
        if w.text in finals:
            continue
        if not _acceptable(w.text, "formulation"):
            continue
        q = _score_wording(w)
        docs = {d for d, _ in w.occ}
        finals[w.text] = _Final(w.text, "formulation", q, w.freq, docs, w.occ, 0, 0)
    for text, f in finals.items():
        if text in known:
            f.quality = max(f.quality, 0.9)
    return finals


def _merge(
    finals: dict[str, _Final], known: frozenset[str], min_quality: float
) -> tuple[list[_Final], dict[str, str]]:
    """Drop weak entries and near-misses of known wordings; merge near-duplicates."""
    kept = [f for f in finals.values() if f.quality >= min_quality]
    kept = _drop_incomplete(kept)
    known_buckets: dict[str, list[str]] = {}
    for k in sorted(known):
        known_buckets.setdefault(k[:2], []).append(k)
        known_buckets.setdefault(k[-2:], []).append(k)
    kept = [f for f in kept if f.text in known or not _near_known(f.text, known_buckets, 90)]
    kept.sort(key=lambda f: f.text)
    uf = _near_duplicate_groups([f.text for f in kept], [f.kind for f in kept], cutoff=90)
    groups: dict[int, list[_Final]] = {}
    for i, f in enumerate(kept):
        groups.setdefault(uf.find(i), []).append(f)
    rename: dict[str, str] = {}
    out: list[_Final] = []
    for members in groups.values():
        best = max(members, key=lambda f: (f.quality, f.freq, -len(f.text), f.text))
        if len(members) > 1:
            occ = sorted({o for f in members for o in f.occ})[:MAX_OCCURRENCES]
            best = _Final(
                best.text,
                best.kind,
                best.quality,
                sum(f.freq for f in members),
                set().union(*(f.docs for f in members)),
                occ,
                sum(f.start for f in members),
                sum(f.end for f in members),
            )
        for f in members:
            rename[f.text] = best.text
        out.append(best)
    return out, rename


_PUNCT_SPLIT_RE = re.compile(r"[，、；：。！？]+")


def _drop_incomplete(entries: list[_Final]) -> list[_Final]:
    """Drop parts that never occur without their whole (AutoPhrase's completeness).

    A clause or wording inside a longer entry that is seen at least as often
    ("成绩不讲跑不了" inside "成绩不讲跑不了，问题不讲解决不了") is not a unit of its own.
    Only clause-aligned parts are checked, which keeps this linear.
    """
    by_text = {f.text: f for f in entries}
    drop: set[str] = set()
    for whole in entries:
        if whole.freq < 2:
            continue
        parts = [p for p in _PUNCT_SPLIT_RE.split(whole.text) if p]
        pieces = {whole.text.rstrip("，、；：。！？")}
        for i in range(len(parts)):
            for j in range(i + 1, min(len(parts), i + 4) + 1):
                pieces.add("，".join(parts[i:j]))
                pieces.add("、".join(parts[i:j]))
        for piece in pieces:
            part = by_text.get(piece)
            if part is not None and part is not whole and part.freq <= whole.freq:
                drop.add(piece)
    return [f for f in entries if f.text not in drop]


def _follows(
    counts: Counter[tuple[str, str]], rename: dict[str, str]
) -> list[tuple[str, str, int]]:
    merged: Counter[tuple[str, str]] = Counter()
    for (prev, nxt), c in counts.items():
        target = rename.get(nxt)
        if target is not None and prev:
            merged[(prev, target)] += c
    return sorted(((p, n, c) for (p, n), c in merged.items()), key=lambda t: (-t[2], t[0], t[1]))


def _entry(f: _Final, texts: Sequence[str]) -> MinedEntry:
    occurrences = []
    for doc, pos in f.occ:
        doc_text = texts[doc]
        occurrences.append(MinedOccurrence(doc, pos, _context(doc_text, pos, len(f.text))))
    return MinedEntry(
        text=f.text,
        kind=f.kind,
        functions=function_tags(f.text, kind=f.kind, at_start=f.start > 0, at_end=f.end > 0),
        topics=topic_tags(f.text),
        quality=round(f.quality, 4),
        freq=f.freq,
        doc_freq=len(f.docs),
        occurrences=occurrences,
    )
