"""Standard-wording checker: is every fixed political wording in a draft exactly right?

:class:`Checker` flags, with a span, the standard wording and a short Chinese reason:

* **known wrong and deprecated wordings** — the curated ``wrong`` and ``deprecated`` variants
  and the ``variants`` of bank entries, matched exactly. A curated rule with a ``context``
  fires only where that pattern covers the occurrence in the same sentence
  (:meth:`phrasebank.curated.CuratedEntry.context_allows`);
* **swapped parts** of a curated wording made of 、/，/； separated parts
  (牢记使命、不忘初心 → 不忘初心、牢记使命), matched exactly;
* **missing quotation marks** of a curated wording that quotes (放管服改革 → “放管服”改革);
* **near misses** of a standard wording of four characters or more: a window of the text
  within Levenshtein distance 1 (up to 7 characters) or 2 (longer) of the standard, where every
  difference is plausible as a slip — a homophone (pypinyin readings; near-homophones under
  fuzzy pinyin only for standards of six characters or more), a look-alike character, 的/地/得,
  one punctuation mark for another, or a missing or extra character *inside* the wording (a
  missing first or last character is far more often a different phrase: 产品质量发展 is not
  高质量发展 written badly). Candidate windows come from a character-bigram index of the
  standards (count filter: a window within distance k of an n-character standard shares at
  least n−1−2k bigrams with it on nearby diagonals), so the text is never slid over every
  standard.

Never flagged: a standard wording written correctly, and any window that lies inside an
occurrence of a known good text — a standard, any active bank entry, or a wording the writer
allowed (:meth:`Checker.allow`). Exact wrong-variant rules are silenced only by standards and
allowed wordings, not by ordinary mined entries (a mined entry may carry the very slip).

Quotation marks ‘’「」『』 count as “” when matching, so a nested ‘四个意识’ is not a missing
quote. Offsets always refer to the text as given. Work is per line (no standard spans a line
break) and the answer for each line is cached, so rechecking a long draft after a small edit
only looks at the changed lines.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
from rapidfuzz.distance import Editops, Levenshtein

from phrasebank.model import SLOT, Phrase
from phrasebank.pinyin import same_sound, similar_sound

if TYPE_CHECKING:
    from phrasebank.bank import PhraseBank

__all__ = [
    "DEFAULT_MIN_QUALITY",
    "Checker",
    "Finding",
    "check_text",
    "default_checker",
]

#: Mined (or imported) bank entries count as standards from this quality up.
DEFAULT_MIN_QUALITY = 0.85
#: Fuzzy near-miss search needs standards at least this long.
MIN_FUZZY_LEN = 4
#: Longer standards are not searched fuzzily (whole sentences; the bigram filter gets weak).
MAX_FUZZY_LEN = 60
#: Lines whose answers are kept between calls.
CACHE_LINES = 20000

_QUOTES = str.maketrans({"‘": "“", "’": "”", "「": "“", "」": "”", "『": "“", "』": "”"})
_QUOTE_CHARS = "“”"
_SENTENCE_END = "。！？!?…\n"
_SEPARATORS = "、，；"
_DEDI = frozenset("的地得")

_PUNCT_NAMES = {
    "、": "顿号",
    "，": "逗号",
    "；": "分号",
    "：": "冒号",
    "。": "句号",
    "“": "引号",
    "”": "引号",
    "《": "书名号",
    "》": "书名号",
    "（": "括号",
    "）": "括号",
    "！": "感叹号",
    "？": "问号",
    "·": "间隔号",
    ",": "半角逗号",
    ":": "半角冒号",
    ";": "半角分号",
    "(": "半角括号",
    ")": "半角括号",
}

# Look-alike characters (形近字) that slip in through shape-based input, OCR and hasty typing.
# Homophones need no table: pypinyin answers for them.
_LOOKALIKE_GROUPS = (
    "己已巳",
    "戊戌戍戎",
    "未末",
    "侯候",
    "拨拔",
    "辨辩辫瓣",
    "竞竟",
    "治冶",
    "历厉",
    "券卷",
    "赢嬴羸",
    "贯惯",
    "展屐",
    "土士",
    "人入八",
    "千干于",
    "天夭",
    "日曰",
    "刀力",
    "王玉",
    "折拆",
    "免兔",
    "鸟乌",
    "晴睛",
    "崇祟",
    "徒徙",
    "幕墓慕暮募",
    "壁璧",
    "衷哀衰",
    "茶荼",
    "籍藉",
    "侍待",
    "恃持",
    "峰锋蜂烽",
    "栽裁载",
    "状壮",
    "拦栏",
    "篮蓝",
    "坚竖",
    "撤撒",
    "徽微",
    "综棕踪",
    "济挤剂",
    "奋备",
    "惠患",
    "准淮",
    "菅管",
    "推堆",
    "掘崛倔",
    "措错借惜",
    "纲网",
    "纠纽",
    "决诀抉",
    "复夏",
    "建健键",
    "阶阴",
    "凤风",
    "析折",
    "沐沭",
    "汩汨",
    "采彩",
    "杨扬",
    "胜性",
    "捐损",
    "构沟",
    "勤勒",
    "戮勠",
    "砥抵",
    "务条",
    "责贵",
    "导异",
    "亨享",
    "摘滴",
    "刺剌",
    "铭络",
    "监鉴",
    "卫刀",
)


@functools.cache
def _lookalikes() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in _LOOKALIKE_GROUPS:
        for ch in group:
            table.setdefault(ch, set()).update(c for c in group if c != ch)
    return {ch: frozenset(others) for ch, others in table.items()}


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspect wording: ``text[start:end] == found`` should read ``standard``.

    ``kind`` says what is wrong: "typo" (wrong, missing or extra character), "order",
    "punctuation", "quotes", "deprecated" or "wrong" (a listed wrong variant).
    """

    start: int
    end: int
    found: str
    standard: str
    reason: str
    kind: str = "wrong"


class _EntryLike(Protocol):
    """What the checker reads from a curated entry (phrasebank.curated.CuratedEntry)."""

    @property
    def text(self) -> str: ...
    @property
    def wrong(self) -> tuple[str, ...]: ...
    @property
    def deprecated(self) -> tuple[str, ...]: ...
    @property
    def reason(self) -> str: ...
    @property
    def context(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: str  # normalised (quotes unified)
    standard: str  # as shown to the writer
    reason: str
    kind: str
    context: re.Pattern[str] | None = None


# A line's answer: (start, end, standard, reason, kind), offsets within the line.
_LineHit = tuple[int, int, str, str, str]

# Bigram postings encode (standard id, offset) so that code + text position = a key that
# decodes to (standard id, diagonal). BASE keeps diagonals of windows that start before the
# line (bigram matched at a small position, large offset) non-negative.
_STRIDE = 1 << 40
_BASE = 1 << 20


class _TextSet:
    """Known good texts; answers whether an occurrence of one covers a span of a line."""

    def __init__(self) -> None:
        self._by_head: dict[str, list[str]] = {}
        self._members: set[str] = set()
        self._maxlen = 0

    def __contains__(self, text: object) -> bool:
        return text in self._members

    def __len__(self) -> int:
        return len(self._members)

    def add(self, text: str) -> None:
        if len(text) < 2 or text in self._members:
            return
        self._members.add(text)
        bucket = self._by_head.setdefault(text[:2], [])
        bucket.append(text)
        bucket.sort(key=len, reverse=True)
        self._maxlen = max(self._maxlen, len(text))

    def covers(self, line: str, start: int, end: int) -> bool:
        """Whether some member occurs in ``line`` at [c, d) with c ≤ start and end ≤ d."""
        need = end - start
        for c in range(max(0, end - self._maxlen), start + 1):
            bucket = self._by_head.get(line[c : c + 2])
            if not bucket:
                continue
            span = end - c
            if span < need:
                break
            for text in bucket:
                if len(text) < span:
                    break
                if line.startswith(text, c):
                    return True
        return False


def _k_for(length: int) -> int:
    """How many edits a near miss of a standard of ``length`` characters may have."""
    return 1 if length < 8 else 2


def _context_ok(rule: _Rule, line: str, start: int, end: int) -> bool:
    if rule.context is None:
        return True
    lo = start
    while lo > 0 and line[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = end
    while hi < len(line) and line[hi] not in _SENTENCE_END:
        hi += 1
    if hi < len(line):
        hi += 1
    return any(m.start() <= start and end <= m.end() for m in rule.context.finditer(line, lo, hi))


def _segment(text: str, pos: int) -> str:
    """The changed character with a neighbour (the left one unless that is a mark)."""
    if pos > 0 and not _is_punct(text[pos - 1]):
        return text[pos - 1 : pos + 1]
    if pos + 1 < len(text) and not _is_punct(text[pos + 1]):
        return text[pos : pos + 2]
    return text[pos]


def _implausible(standard: str, found: str, ops: Editops) -> bool:
    """Whether some difference of a near miss is not a typical slip (so: a different text).

    Plausible: a homophone (a near-homophone under fuzzy pinyin for standards of six
    characters or more), a look-alike character, 的/地/得 inside the wording, one mark for
    another inside it, and — in a wording of six characters or more — one missing or extra
    character with at least two matching characters on either side (改善农民生产 is not
    改善民生 with an extra 农). Marks and 的/地/得 at the edges belong to the sentence around
    (同志们， mid-speech is right; 坚定不移的决心 is right).
    """
    n = len(standard)
    indels = 0
    for op in ops:
        p = op.src_pos
        if op.tag == "replace":
            want, got = standard[p], found[op.dest_pos]
            edge = p in (0, n - 1)
            if _is_punct(want) or _is_punct(got):
                if not (_is_punct(want) and _is_punct(got)) or edge:
                    return True
            elif want in _DEDI and got in _DEDI:
                if edge:
                    return True
            elif not (
                same_sound(want, got)
                or (n >= 6 and similar_sound(want, got))
                or got in _lookalikes().get(want, ())
            ):
                return True
        elif op.tag == "delete":  # a character of the standard is missing
            want = standard[p]
            if _is_punct(want):
                if p in (0, n - 1):
                    return True
                continue
            if not _is_han(want) or not 2 <= p <= n - 3:
                return True
            indels += 1
        else:  # insert: an extra character before standard[p]
            got = found[op.dest_pos]
            if _is_punct(got):
                if p in (0, n):
                    return True
                continue
            if not _is_han(got) or not 2 <= p <= n - 2:
                return True
            indels += 1
    return indels > 1 or (indels > 0 and n < 6)


def _describe(standard: str, found: str, *, guess: bool) -> tuple[str, str]:
    """(kind, reason) for ``found`` written instead of ``standard``; a guess says 疑似."""
    maybe = "疑似" if guess else ""
    sames: list[str] = []
    kinds: list[str] = []
    for op in Levenshtein.editops(standard, found):
        if op.tag == "replace":
            want, got = standard[op.src_pos], found[op.dest_pos]
            if _is_punct(want) and _is_punct(got):
                kinds.append("punctuation")
                sames.append(f"标点应为{_PUNCT_NAMES.get(want, f'“{want}”')}")
            elif want in _DEDI and got in _DEDI:
                kinds.append("typo")
                sames.append(f"“{got}”应为“{want}”")
            else:
                kinds.append("typo")
                seg_std = _segment(standard, op.src_pos)
                seg_found = _segment(found, op.dest_pos)
                sames.append(f"{maybe}错字：{seg_found}→{seg_std}")
        elif op.tag == "delete":
            want = standard[op.src_pos]
            if want in _QUOTE_CHARS:
                kinds.append("quotes")
                sames.append("缺少引号")
            elif _is_punct(want):
                kinds.append("punctuation")
                sames.append(f"缺少{_PUNCT_NAMES.get(want, '标点')}")
            else:
                kinds.append("typo")
                sames.append(f"{maybe}漏字“{want}”")
        else:
            got = found[op.dest_pos]
            if _is_punct(got):
                kinds.append("punctuation")
                sames.append(f"多余的{_PUNCT_NAMES.get(got, '标点')}")
            else:
                kinds.append("typo")
                sames.append(f"{maybe}多字“{got}”")
    kind = kinds[0] if len(set(kinds)) == 1 else "typo"
    return kind, "；".join(dict.fromkeys(sames))


def _swaps(text: str) -> list[str]:
    """Other orders of the 、/，/； separated parts of ``text`` (all orders up to four
    parts, neighbour swaps beyond)."""
    pieces = re.split(f"([{_SEPARATORS}])", text)
    parts, seps = pieces[0::2], pieces[1::2]
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return []
    identity = tuple(range(len(parts)))
    orders: list[tuple[int, ...]]
    if len(parts) <= 4:
        orders = list(itertools.permutations(identity))[1:]
    else:
        orders = []
        for i in range(len(parts) - 1):
            swapped = list(identity)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            orders.append(tuple(swapped))
    out = []
    for order in orders:
        shuffled = [parts[i] for i in order]
        joined = shuffled[0] + "".join(s + p for s, p in zip(seps, shuffled[1:], strict=True))
        if joined != text:
            out.append(joined)
    return out


def _unquoted(text: str) -> str | None:
    """``text`` without its quotation marks, when it has some and that leaves ≥ 4 chars."""
    if not any(q in text for q in _QUOTE_CHARS):
        return None
    bare = text.replace("“", "").replace("”", "")
    return bare if len(bare) >= MIN_FUZZY_LEN and bare != text else None


def _resolve(found: list[tuple[int, _LineHit]]) -> tuple[_LineHit, ...]:
    """Overlapping hits: exact rules (priority 0) win over near misses, then longer spans."""
    ranked = sorted(found, key=lambda item: (item[0], item[1][0] - item[1][1], item[1][0]))
    kept: list[_LineHit] = []
    for _prio, hit in ranked:
        if all(hit[1] <= k[0] or k[1] <= hit[0] for k in kept):
            kept.append(hit)
    kept.sort()
    return tuple(kept)


class Checker:
    """Finds near misses of standard wordings; build once, call :meth:`check` often.

    ``entries`` are curated entries (anything with ``text``, ``wrong``, ``deprecated``,
    ``reason``, ``kind``, ``context``); ``phrases`` are bank entries: those with origin
    curated or user, and mined or imported ones of kind "formulation" with quality ≥
    ``min_quality``, are standards; every one of them protects its own text from being
    flagged, and their ``variants`` are known wrong wordings. Thread-safe: :meth:`check` may
    run in a worker while :meth:`allow` is called from the UI thread.
    """

    def __init__(
        self,
        entries: Iterable[_EntryLike] = (),
        *,
        phrases: Iterable[Phrase] = (),
        allowed: Iterable[str] = (),
        min_quality: float = DEFAULT_MIN_QUALITY,
    ) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[_LineHit, ...]] = {}
        self._rules: dict[str, list[_Rule]] = {}
        self._strong = _TextSet()  # standards and allowed wordings
        self._weak = _TextSet()  # …plus every bank entry
        self._standards: list[str] = []  # normalised, for the fuzzy search
        self._shown: list[str] = []  # as displayed
        self._seen_standards: set[str] = set()
        self._postings: dict[str, list[int]] = {}
        self._need_list: list[int] = []
        self._allowed: set[str] = set()

        entries = list(entries)
        phrases = list(phrases)
        for entry in entries:
            self._add_entry(entry)
        for p in phrases:
            self._add_phrase(p, min_quality=min_quality)
        self._finish_rules()
        for text in allowed:
            self._allow_now(text)
        self._frozen_postings = {bg: tuple(codes) for bg, codes in self._postings.items()}
        self._band = np.array([_k_for(len(s)) for s in self._standards] or [0], dtype=np.int64)
        self._need = np.array(self._need_list or [1], dtype=np.int64)

    # -- building --------------------------------------------------------------------------

    @classmethod
    def from_bank(
        cls,
        bank: PhraseBank | None,
        *,
        entries: Iterable[_EntryLike] | None = None,
        min_quality: float = DEFAULT_MIN_QUALITY,
    ) -> Checker:
        """The curated list (the shipped one unless ``entries``) plus ``bank``'s entries."""
        if entries is None:
            from phrasebank.curated import load_curated

            entries = list(load_curated())
        phrases = bank.phrases() if bank is not None else []
        return cls(entries, phrases=phrases, min_quality=min_quality)

    def _add_standard(self, text: str) -> None:
        norm = text.translate(_QUOTES)
        self._strong.add(norm)
        self._weak.add(norm)
        if norm in self._seen_standards or SLOT in norm:
            return
        self._seen_standards.add(norm)
        if not MIN_FUZZY_LEN <= len(norm) <= MAX_FUZZY_LEN or "\n" in norm:
            return
        sid = len(self._standards)
        self._standards.append(norm)
        self._shown.append(text)
        k = _k_for(len(norm))
        self._need_list.append(max(1, len(norm) - 1 - 2 * k))
        # Every offset of a repeated bigram (意识 four times in 政治意识、大局意识…): each
        # occurrence votes for its own diagonal.
        for off in range(len(norm) - 1):
            bigram = norm[off : off + 2]
            if SLOT[0] in bigram or bigram.isspace():
                continue
            self._postings.setdefault(bigram, []).append(sid * _STRIDE + _BASE - off)

    def _add_rule(self, rule: _Rule) -> None:
        if len(rule.pattern) < 2:
            return
        bucket = self._rules.setdefault(rule.pattern, [])
        # Curated rules come first; a later rule for the same (pattern, standard) adds nothing.
        if any(r.standard == rule.standard and r.context is None for r in bucket):
            return
        bucket.append(rule)

    def _auto_rule(
        self, variant: str, standard: str, note: str, context: str | None = None
    ) -> _Rule:
        if variant in _swaps(standard):
            kind, reason = "order", "顺序颠倒"
        elif Levenshtein.distance(standard, variant) <= 2:
            kind, reason = _describe(standard, variant, guess=False)
            kind = "wrong" if kind == "typo" else kind
        else:
            kind, reason = "wrong", f"规范表述为“{standard}”"
        if note:
            reason = f"{reason}（{note}）"
        return _Rule(
            pattern=variant.translate(_QUOTES),
            standard=standard,
            reason=reason,
            kind=kind,
            context=re.compile(context) if context else None,
        )

    def _add_entry(self, entry: _EntryLike) -> None:
        std = entry.text
        self._add_standard(std)
        context = getattr(entry, "context", None)
        note = entry.reason if context else ""
        for variant in entry.wrong:
            self._add_rule(self._auto_rule(variant, std, note, context))
        for variant in entry.deprecated:
            self._add_rule(
                _Rule(
                    pattern=variant.translate(_QUOTES),
                    standard=std,
                    reason=f"已停用的旧提法（{entry.reason or f'现为“{std}”'}）",
                    kind="deprecated",
                )
            )
        if SLOT in std:
            return
        for swapped in _swaps(std):
            self._add_rule(
                _Rule(
                    pattern=swapped.translate(_QUOTES),
                    standard=std,
                    reason="顺序颠倒",
                    kind="order",
                )
            )
        bare = _unquoted(std.translate(_QUOTES))
        if bare is not None:
            self._add_rule(_Rule(pattern=bare, standard=std, reason="缺少引号", kind="quotes"))

    def _add_phrase(self, p: Phrase, *, min_quality: float) -> None:
        if p.status != "active":
            return
        text = p.text.translate(_QUOTES)
        self._weak.add(text)
        trusted = p.origin in ("curated", "user") or (
            p.kind == "formulation" and p.quality >= min_quality
        )
        if trusted:
            self._add_standard(p.text)
        for variant in p.variants:
            if variant and variant != p.text:
                self._add_rule(self._auto_rule(variant, p.text, ""))

    def _finish_rules(self) -> None:
        # A "wrong" pattern that is itself a standard would flag a correct wording.
        for pattern in [p for p in self._rules if p in self._strong]:
            del self._rules[pattern]
        by_head: dict[str, list[str]] = {}
        for pattern in self._rules:
            by_head.setdefault(pattern[:2], []).append(pattern)
        for bucket in by_head.values():
            bucket.sort(key=len, reverse=True)
        self._rule_heads = by_head

    # -- allowed wordings ------------------------------------------------------------------

    def _allow_now(self, text: str) -> None:
        norm = text.strip().translate(_QUOTES)
        if not norm:
            return
        self._allowed.add(norm)
        self._strong.add(norm)
        self._weak.add(norm)

    def allow(self, text: str) -> None:
        """Never flag ``text`` again (nor anything inside an occurrence of it)."""
        with self._lock:
            self._allow_now(text)
            self._cache = {}

    @property
    def allowed(self) -> frozenset[str]:
        return frozenset(self._allowed)

    @property
    def standards(self) -> list[str]:
        """The standard wordings searched for near misses (as displayed)."""
        return list(self._shown)

    def rule_count(self) -> int:
        return sum(len(v) for v in self._rules.values())

    # -- checking --------------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        """Every suspect wording in ``text``, in text order, never overlapping."""
        lines = text.split("\n")
        with self._lock:
            cache = self._cache
            known = {line: cache[line] for line in lines if line in cache}
        todo = list(dict.fromkeys(line for line in lines if line not in known))
        if todo:
            fresh = self._check_lines(todo)
            with self._lock:
                if self._cache is cache:  # not cleared by allow() meanwhile
                    if len(cache) + len(fresh) > CACHE_LINES:
                        cache.clear()
                    cache.update(fresh)
            known.update(fresh)
        out: list[Finding] = []
        offset = 0
        for line in lines:
            for start, end, standard, reason, kind in known[line]:
                out.append(
                    Finding(
                        start=offset + start,
                        end=offset + end,
                        found=line[start:end],
                        standard=standard,
                        reason=reason,
                        kind=kind,
                    )
                )
            offset += len(line) + 1
        return out

    def _check_lines(self, lines: list[str]) -> dict[str, tuple[_LineHit, ...]]:
        """Check many lines in one pass (joined by line breaks, which no wording spans)."""
        block = "\n".join(lines).translate(_QUOTES)
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        per_line: list[list[tuple[int, _LineHit]]] = [[] for _ in lines]
        if len(block) >= 2:
            bigrams = list(map(operator.add, block, block[1:]))
            for prio, hits in enumerate(
                (self._exact_hits(block, bigrams), self._fuzzy_hits(block, bigrams))
            ):
                for start, end, standard, reason, kind in hits:
                    i = bisect.bisect_right(starts, start) - 1
                    base = starts[i]
                    per_line[i].append((prio, (start - base, end - base, standard, reason, kind)))
        return {line: _resolve(found) for line, found in zip(lines, per_line, strict=True)}

    def _exact_hits(self, line: str, bigrams: list[str]) -> list[_LineHit]:
        looked = list(map(self._rule_heads.get, bigrams))
        hits: list[_LineHit] = []
        for i in itertools.compress(itertools.count(), looked):
            for pattern in looked[i] or ():
                if not line.startswith(pattern, i):
                    continue
                end = i + len(pattern)
                rule = next((r for r in self._rules[pattern] if _context_ok(r, line, i, end)), None)
                if rule is None or self._strong.covers(line, i, end):
                    continue
                hits.append((i, end, rule.standard, rule.reason, rule.kind))
                break
        return hits

    def _fuzzy_hits(self, line: str, bigrams: list[str]) -> list[_LineHit]:
        looked = list(map(self._frozen_postings.get, bigrams))
        keys: list[int] = []
        extend = keys.extend
        for i in itertools.compress(itertools.count(), looked):
            extend(map(i.__add__, looked[i] or ()))
        if not keys:
            return []
        # Count filter, vectorised: votes per (standard, diagonal) plus the votes on the
        # neighbouring diagonals (an insertion or deletion shifts the rest of the match).
        uniq, counts = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
        sids = uniq // _STRIDE
        band = self._band[sids]
        total = counts.copy()
        last = len(uniq) - 1
        for shift in (1, 2):
            for sign in (-1, 1):
                target = uniq + sign * shift
                idx = np.minimum(np.searchsorted(uniq, target), last)
                hit = (uniq[idx] == target) & (band >= shift)
                total += np.where(hit, counts[idx], 0)
        chosen = np.nonzero(total >= self._need[sids])[0]
        candidates: dict[int, list[int]] = {}
        for sid, key in zip(sids[chosen].tolist(), uniq[chosen].tolist(), strict=True):
            candidates.setdefault(sid, []).append(key % _STRIDE - _BASE)
        hits: list[_LineHit] = []
        for sid, diagonals in candidates.items():
            std = self._standards[sid]
            k = _k_for(len(std))
            done_until = -(10**9)
            for d in diagonals:  # ascending: np.unique sorts
                if d < done_until:
                    continue
                hit = self._verify(line, sid, std, k, d)
                if hit is not None:
                    hits.append(hit)
                    done_until = hit[1]
        return hits

    def _verify(self, line: str, sid: int, std: str, k: int, d: int) -> _LineHit | None:
        n = len(std)
        if line.startswith(std, d):
            return None
        best: tuple[int, int, int, int, int] | None = None  # (dist, |m-n|, |a-d|, a, m)
        for a in range(max(0, d - k), d + k + 1):
            for m in range(max(2, n - k), n + k + 1):
                if a + m > len(line):
                    continue
                dist = Levenshtein.distance(std, line[a : a + m], score_cutoff=k)
                if dist > k:
                    continue
                if dist == 0:
                    return None  # the standard itself is here
                score = (dist, abs(m - n), abs(a - d), a, m)
                if best is None or score < best:
                    best = score
        if best is None:
            return None
        a, m = best[3], best[4]
        window = line[a : a + m]
        if SLOT[0] in window or window != window.strip() or "\n" in window:
            return None
        if window in self._rules:  # a listed variant: its rule (and context) decides
            return None
        if self._weak.covers(line, a, a + m):
            return None
        if _implausible(std, window, Levenshtein.editops(std, window)):
            return None
        kind, reason = _describe(std, window, guess=True)
        return (a, a + m, self._shown[sid], reason, kind)


@functools.cache
def default_checker() -> Checker:
    """A checker over the shipped curated list only (built once per process)."""
    return Checker.from_bank(None)


def check_text(text: str, *, checker: Checker | None = None) -> list[Finding]:
    """Suspect wordings in ``text``; the shipped curated list unless ``checker`` is given."""
    return (checker or default_checker()).check(text)
