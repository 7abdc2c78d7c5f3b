"""The in-memory suggestion index: completion, correction and continuation as the writer types.

The bank (:class:`phrasebank.bank.PhraseBank`) owns one :class:`SuggestionIndex` and keeps it in
step with the SQLite store; this module never touches SQLite.

What the writer gets for the text before the caret (``before``):

* **complete** — any suffix of ``before`` (one character up) that begins an entry: ``.text`` is
  the whole entry and ``.replace`` the suffix length, so taking it deletes the suffix and
  inserts the entry. Longer anchors rank higher; an anchor that starts with a function
  character (的, 是, 在 …) must be longer (:data:`COMMON_CHARS`), and an entry equal to what is
  already typed is never offered.
* **correct** — the current clause (from the last punctuation mark to the caret, or a tail of
  it) typed with a missing, extra or wrong character, two parts swapped, 的/地/得 confused, or
  in a known wrong/deprecated wording (``Phrase.variants``): ``.text`` is the standard entry,
  ``.replace`` the length of the part it replaces. Candidates come from a character-bigram
  inverted index (rarest bigrams first, bounded work); each candidate is aligned with
  :func:`correction_similarity`, a weighted edit distance in which homophone slips (至/治, the
  typical pinyin-input error) and 的/地/得 are cheap and a wrong character that sounds different
  is expensive, so 全面从严治军 is *not* "corrected" to 全面从严治党. ``strictness`` is the
  minimum similarity; its default was tuned on the table in ``tests/phrasebank/test_suggest.py``.
* **continue** — right after a clause mark (，、；：, and for the follows table also 。！？):
  the clauses that followed the just-finished clause in the corpus (the follows table); the
  next member of a 排比 set that contains the finished clause; and when the text before the
  caret, up to and including the mark, begins a longer entry (``早开工、`` of
  ``早开工、早建设、早投产``), the *rest* of that entry with ``.replace == 0``. Consistent
  rule: a match whose anchor ends at a clause mark is always offered as the remainder, never
  as a replacement of the typed part.

Templates keep their slots (:data:`phrasebank.model.SLOT`) in ``.text``.

Ranking adds: match quality (anchor length, similarity), the entry's static prior (quality,
frequency, document frequency, origin: curated > user > imported > mined), favourites, and the
writer's own uses with exponential decay on ``last_used`` (half-life :data:`USE_HALF_LIFE`).
Ties go to curated entries. One list never inserts the same text twice.

Speed: prefix lookups are bisections in a sorted key list with a numpy array of static priors
(top-k of a range by ``argpartition``); used entries sit in a small second sorted list so a
recent use lifts an entry even inside a huge range. The bigram index is a numpy CSR built in
one pass plus a small dict of postings added afterwards; postings of removed or edited entries
are dropped lazily (every candidate is re-checked against the live entry). Single updates touch
only the affected rows; :meth:`SuggestionIndex.add_many` rebuilds for large batches.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from phrasebank.model import Phrase, Suggestion
from phrasebank.pinyin import initials, same_sound, similar_sound
from phrasebank.split import CLAUSE_DELIMITERS, SENTENCE_ENDS

__all__ = [
    "COMMON_CHARS",
    "CONTINUE_MARKS",
    "DEFAULT_STRICTNESS",
    "FOLLOW_MARKS",
    "USE_HALF_LIFE",
    "SuggestionIndex",
    "correction_similarity",
    "threshold_for_setting",
]

log = logging.getLogger(__name__)

#: Minimum similarity for a correction. Tuned on the near-miss table in test_suggest.py:
#: every true slip there scores ≥ 0.88, every similar-but-different clause ≤ 0.86.
DEFAULT_STRICTNESS = 0.87

#: The loosest threshold the settings slider reaches (precision 0.73 on the tuning table:
#: for writers who prefer more corrections and check them), and the value above 1 that turns
#: corrections off (exact-prefix completion only).
LOOSEST_STRICTNESS = 0.80
NO_CORRECTIONS = 1.01


def threshold_for_setting(setting: float) -> float:
    """The engine's correction threshold for the editor's 0..1 strictness setting.

    0.5 (the default) is the tuned :data:`DEFAULT_STRICTNESS`; 0 loosens it to
    :data:`LOOSEST_STRICTNESS`; 1 turns corrections off, leaving exact-prefix completion.
    """
    setting = min(1.0, max(0.0, float(setting)))
    if setting <= 0.5:
        return LOOSEST_STRICTNESS + (DEFAULT_STRICTNESS - LOOSEST_STRICTNESS) * setting / 0.5
    return DEFAULT_STRICTNESS + (NO_CORRECTIONS - DEFAULT_STRICTNESS) * (setting - 0.5) / 0.5


#: A finished clause ending in one of these is continued (remainder of an entry, 排比 member).
CONTINUE_MARKS = "，、；："
#: The follows table is also consulted after a sentence end.
FOLLOW_MARKS = CONTINUE_MARKS + "。！？"

#: Function characters: an anchor starting with one needs at least this many characters,
#: so typing 的 or 是 does not flood the list with entries that happen to start with it.
COMMON_CHARS: dict[str, int] = {
    **dict.fromkeys("的地得了着过吗呢吧啊么嘛呀哦", 3),
    **dict.fromkeys(
        "是在和与及或等也都就要把被对为以之其这那个上下中不有我们你他她它一并而且但从向于到", 2
    ),
}

#: Half-life of a use in seconds (two weeks): a use that old counts half.
USE_HALF_LIFE = 14 * 24 * 3600.0

_BREAKS = frozenset(CLAUSE_DELIMITERS + "\n\r\t 　“”‘’\"'《》〈〉（）()【】[]「」『』—…·,.;:!?")
_SENTENCE_BREAKS = frozenset(SENTENCE_ENDS + "\n\r")
_CLAUSE_MARKS = frozenset(CLAUSE_DELIMITERS + "\n\r")
_MAX_ANCHOR = 40  # longest suffix tried as an anchor
_MAX_CLAUSE = 24  # longest tail of the sentence considered for correction
_MIN_CORRECT = 4  # shortest clause worth correcting
_POSTING_CAP = 20_000  # most postings read per query
_CANDIDATES = 200  # most candidates screened with rapidfuzz per correction query
_ALIGNED = 12  # most candidates aligned with the weighted edit distance
_PERSONAL_CAP = 200  # most used entries looked at per anchor
_DE = frozenset("的地得")
_ORIGIN_WEIGHT = {"curated": 1.0, "user": 0.8, "imported": 0.4, "mined": 0.3}
_HI = "\U0010ffff"


def _anchor_score(length: int) -> float:
    """Match score of an exact anchor: longer anchors rank higher (0.3 … 1.2).

    One more character (0.1) outweighs favourite and own uses together (≤ 0.1).
    """
    return 0.2 + 0.1 * min(length, 10)


def _prior(p: Phrase) -> float:
    """Static worth of an entry in 0..1: quality, corpus frequency, spread, origin."""
    freq = min(1.0, math.log1p(max(p.freq, 0)) / math.log1p(100))
    spread = min(1.0, max(p.doc_freq, 0) / 5)
    origin = _ORIGIN_WEIGHT.get(p.origin, 0.3)
    quality = min(1.0, max(0.0, p.quality))
    return 0.45 * quality + 0.25 * freq + 0.15 * spread + 0.15 * origin


def _static(p: Phrase) -> float:
    """The time-independent part of a suggestion's score."""
    return 0.15 * _prior(p) + (0.04 if p.favourite else 0.0)


def _personal(p: Phrase, now: float) -> float:
    """The writer's own uses, decayed by age: recent uses count more (0 … 0.06)."""
    if p.uses <= 0:
        return 0.0
    age = max(0.0, now - p.last_used) if p.last_used is not None else USE_HALF_LIFE * 8
    decayed = p.uses * 0.5 ** (age / USE_HALF_LIFE)
    return 0.06 * decayed / (decayed + 1.0)


def _bigram_codes(text: str) -> list[int]:
    """Distinct character bigrams of ``text`` as integers (two 21-bit code points)."""
    codes = {(ord(a) << 21) | ord(b) for a, b in pairwise(text)}
    return list(codes)


@functools.lru_cache(maxsize=65536)
def _sub_cost(a: str, b: str) -> float:
    """Cost of typing ``a`` where ``b`` was meant."""
    if a in _DE and b in _DE:
        return 0.15
    if same_sound(a, b):
        return 0.35
    if similar_sound(a, b):
        return 0.55
    return 1.0


_INDEL = 0.6


def correction_similarity(typed: str, entry: str) -> float:
    """How well ``typed`` matches the beginning of ``entry``, from 0 to 1 (1 = exact prefix).

    Weighted edit distance between ``typed`` and the start of ``entry``: the entry may go on
    after the typed part for free; a missing or extra character costs 0.6 (1.0 at the very
    start: text that begins inside an entry is not a slip of it), a homophone 0.35,
    a near-homophone 0.55, 的/地/得 0.15, any other wrong character 1.0, and two parts typed in
    swapped order (same characters, other order) 0.6. Typing past the end of the entry is not
    a slip of it (returns 0). The cost is divided by the aligned length.
    """
    m = len(typed)
    if m == 0 or not entry:
        return 0.0
    head = entry[:m]
    best = 0.0
    if len(head) == m and head != typed and sorted(head) == sorted(typed):
        best = 1.0 - _INDEL / m
    # Unit-cost alignments are not unique and the weights differ, so align against several
    # entry prefixes around the typed length and keep the cheapest reading.
    for width in range(max(1, m - 2), min(len(entry), m + 3) + 1):
        window = entry[:width]
        cost = 0.0
        aligned = width
        for op in Levenshtein.editops(typed, window):
            if op.tag == "insert":
                if op.src_pos >= m:  # the entry goes on after what was typed
                    aligned -= 1
                    continue
                # Missing the entry's first characters means starting inside it, not a slip.
                cost += 1.0 if op.src_pos == 0 else _INDEL
            elif op.tag == "delete":
                if op.dest_pos >= width:  # typed past the window: unaligned, not a slip
                    cost = math.inf
                    break
                cost += _INDEL
            else:
                cost += _sub_cost(typed[op.src_pos], window[op.dest_pos])
        best = max(best, 1.0 - cost / max(m, aligned))
    return best


class SuggestionIndex:
    """Ranked suggestions and bank search over phrases held in memory.

    Thread rule: one :class:`threading.RLock` guards all state, and every public method holds
    it for its whole (short) duration, so a worker thread may call :meth:`suggest` or
    :meth:`search` while another thread calls :meth:`add`, :meth:`remove` or
    :meth:`record_use`; each call sees the index either before or after an update, never in
    between. Returned objects are immutable records.

    Build it from all phrases at once (constructor or :meth:`add_many`): single :meth:`add`
    calls keep sorted arrays in place, O(n) memory moves each, fine for edits but not for
    loading a bank.
    """

    def __init__(
        self,
        phrases: Iterable[Phrase] = (),
        *,
        follows: Iterable[tuple[str, int, int]] = (),
    ) -> None:
        self._lock = threading.RLock()
        self._phrases: dict[int, Phrase] = {}
        self._initials: dict[int, str] = {}
        # Prefix index: sorted keys (entry texts and variants of active entries).
        self._keys: list[str] = []
        self._kids: list[int] = []
        self._kprior = np.zeros(0, dtype=np.float32)
        # Entries the writer has used: small, scored with their decayed uses.
        self._pkeys: list[str] = []
        self._pkids: list[int] = []
        # Pinyin initials of every entry (any status), sorted, for search.
        self._ikeys: list[str] = []
        self._ikids: list[int] = []
        # Bigram postings: numpy CSR built once plus a dict of later additions.
        self._bg_codes = np.zeros(0, dtype=np.uint64)
        self._bg_start = np.zeros(1, dtype=np.int64)
        self._bg_ids = np.zeros(0, dtype=np.int64)
        self._bg_delta: dict[int, list[int]] = {}
        self._follows: dict[str, dict[int, int]] = {}
        self._build(phrases)
        for prev, pid, count in follows:
            self.add_follow(prev, pid, count)

    # ------------------------------------------------------------------ building

    def _build(self, phrases: Iterable[Phrase]) -> None:
        by_id: dict[int, Phrase] = {}
        for p in phrases:
            by_id[p.id] = p
        ordered = [by_id[k] for k in sorted(by_id)]
        self._phrases = {p.id: p for p in ordered}
        self._initials = {p.id: initials(p.text) for p in ordered}
        ipairs = sorted((v, k) for k, v in self._initials.items())
        self._ikeys = [k for k, _ in ipairs]
        self._ikids = [i for _, i in ipairs]

        triples: list[tuple[str, int, float]] = []
        for p in ordered:
            if p.status != "active":
                continue
            s = _static(p)
            triples.extend((key, p.id, s) for key in self._keys_of(p))
        triples.sort()
        self._keys = [t[0] for t in triples]
        self._kids = [t[1] for t in triples]
        self._kprior = np.fromiter((t[2] for t in triples), dtype=np.float32, count=len(triples))
        personal = sorted((k, p.id) for p in ordered if p.uses > 0 for k in self._keys_of(p))
        self._pkeys = [k for k, _ in personal]
        self._pkids = [i for _, i in personal]
        self._build_bigrams(ordered)

    def _build_bigrams(self, ordered: Sequence[Phrase]) -> None:
        """Bigram → sorted ids, as one sorted code array with offsets (CSR)."""
        self._bg_delta = {}
        if not ordered:
            self._bg_codes = np.zeros(0, dtype=np.uint64)
            self._bg_start = np.zeros(1, dtype=np.int64)
            self._bg_ids = np.zeros(0, dtype=np.int64)
            return
        joined = "\x00".join(p.text for p in ordered)
        chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter((len(p.text) for p in ordered), dtype=np.int64, count=len(ordered))
        owner = np.repeat(np.arange(len(ordered), dtype=np.int64), lengths + 1)[: len(chars)]
        left, right = chars[:-1], chars[1:]
        valid = (left != 0) & (right != 0)
        codes = (left[valid].astype(np.uint64) << np.uint64(21)) | right[valid].astype(np.uint64)
        owners = owner[:-1][valid]
        order = np.argsort(codes, kind="stable")  # owners stay ascending within a code
        codes, owners = codes[order], owners[order]
        keep = np.ones(len(codes), dtype=bool)
        keep[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        codes, owners = codes[keep], owners[keep]
        ids = np.fromiter((p.id for p in ordered), dtype=np.int64, count=len(ordered))
        boundaries = np.flatnonzero(np.diff(codes)) + 1 if len(codes) else np.zeros(0, np.int64)
        self._bg_codes = codes[np.concatenate(([0], boundaries))] if len(codes) else codes
        self._bg_start = np.concatenate(([0], boundaries, [len(codes)])).astype(np.int64)
        id_dtype = (
            np.int32 if len(ids) and ids.max() < 2**31 and ids.min() >= -(2**31) else np.int64
        )
        self._bg_ids = ids[owners].astype(id_dtype)

    @staticmethod
    def _keys_of(p: Phrase) -> list[str]:
        keys = [p.text]
        keys.extend(v for v in p.variants if v and v != p.text and v not in keys)
        return keys

    # ------------------------------------------------------------------ updates

    def __len__(self) -> int:
        with self._lock:
            return len(self._phrases)

    def get(self, phrase_id: int) -> Phrase | None:
        """The entry with this id, or None."""
        with self._lock:
            return self._phrases.get(phrase_id)

    def phrases(self) -> list[Phrase]:
        """A snapshot of all entries (any status)."""
        with self._lock:
            return list(self._phrases.values())

    def texts(self) -> list[str]:
        """Texts of the active entries (for coverage measures)."""
        with self._lock:
            return [p.text for p in self._phrases.values() if p.status == "active"]

    def add(self, phrase: Phrase) -> None:
        """Insert an entry, or replace the one with the same id."""
        with self._lock:
            old = self._phrases.get(phrase.id)
            if old is not None:
                self._unindex(old)
            self._index(phrase)

    def add_many(self, phrases: Iterable[Phrase]) -> None:
        """Insert or replace many entries; a large batch rebuilds the arrays once."""
        batch = list(phrases)
        with self._lock:
            if len(batch) <= max(1000, len(self._phrases) // 20):
                for p in batch:
                    self.add(p)
                return
            merged = dict(self._phrases)
            merged.update((p.id, p) for p in batch)
            self._build(merged.values())

    def remove(self, phrase_id: int) -> None:
        """Drop an entry (no error if it is absent)."""
        with self._lock:
            old = self._phrases.get(phrase_id)
            if old is not None:
                self._unindex(old)

    def record_use(self, phrase_id: int, *, when: float) -> None:
        """Count one use of an entry at unix time ``when`` (lifts it in later rankings)."""
        with self._lock:
            p = self._phrases.get(phrase_id)
            if p is None:
                return
            last = when if p.last_used is None else max(p.last_used, when)
            self.add(dataclasses.replace(p, uses=p.uses + 1, last_used=last))

    def add_follow(self, prev_clause: str, phrase_id: int, count: int = 1) -> None:
        """Record that entry ``phrase_id`` followed the clause ``prev_clause`` ``count`` times."""
        key = prev_clause.strip().rstrip(CLAUSE_DELIMITERS)
        if not key or count <= 0:
            return
        with self._lock:
            table = self._follows.setdefault(key, {})
            table[phrase_id] = table.get(phrase_id, 0) + count

    def _index(self, p: Phrase) -> None:
        self._phrases[p.id] = p
        ini = initials(p.text)
        self._initials[p.id] = ini
        _sorted_insert(self._ikeys, self._ikids, ini, p.id)
        if p.status == "active":
            s = _static(p)
            for key in self._keys_of(p):
                i = _sorted_insert(self._keys, self._kids, key, p.id)
                self._kprior = np.insert(self._kprior, i, np.float32(s))
            if p.uses > 0:
                for key in self._keys_of(p):
                    _sorted_insert(self._pkeys, self._pkids, key, p.id)
        for code in _bigram_codes(p.text):
            if not self._in_base(code, p.id):
                self._bg_delta.setdefault(code, []).append(p.id)

    def _unindex(self, p: Phrase) -> None:
        del self._phrases[p.id]
        ini = self._initials.pop(p.id, None)
        if ini is not None:
            _sorted_remove(self._ikeys, self._ikids, ini, p.id)
        if p.status == "active":
            for key in self._keys_of(p):
                i = _sorted_remove(self._keys, self._kids, key, p.id)
                if i is not None:
                    self._kprior = np.delete(self._kprior, i)
            if p.uses > 0:
                for key in self._keys_of(p):
                    _sorted_remove(self._pkeys, self._pkids, key, p.id)
        for code in _bigram_codes(p.text):
            ids = self._bg_delta.get(code)
            if ids and p.id in ids:
                ids.remove(p.id)
                if not ids:
                    del self._bg_delta[code]
        # Base postings of p stay; every reader checks the live entry.

    def _in_base(self, code: int, pid: int) -> bool:
        ids = self._base_postings(code)
        j = int(np.searchsorted(ids, pid))
        return j < len(ids) and int(ids[j]) == pid

    def _base_postings(self, code: int) -> np.ndarray:
        codes = self._bg_codes
        i = int(np.searchsorted(codes, np.uint64(code)))
        if i < len(codes) and int(codes[i]) == code:
            return self._bg_ids[self._bg_start[i] : self._bg_start[i + 1]]
        return self._bg_ids[:0]

    def _postings_of(self, codes: list[int]) -> list[tuple[np.ndarray, list[int]]]:
        """For each bigram code: the sorted base ids having it and the later additions."""
        table = self._bg_codes
        wanted = np.asarray(codes, dtype=np.uint64)
        at = np.searchsorted(table, wanted)
        out: list[tuple[np.ndarray, list[int]]] = []
        empty = self._bg_ids[:0]
        for code, i in zip(codes, at.tolist(), strict=True):
            if i < len(table) and int(table[i]) == code:
                base = self._bg_ids[self._bg_start[i] : self._bg_start[i + 1]]
            else:
                base = empty
            out.append((base, self._bg_delta.get(code, [])))
        return out

    # ------------------------------------------------------------------ suggest

    def suggest(
        self,
        before: str,
        *,
        limit: int = 5,
        now: float | None = None,
        min_chars: int = 1,
        strictness: float = DEFAULT_STRICTNESS,
    ) -> list[Suggestion]:
        """Ranked suggestions for the draft text ``before`` the caret (active entries only).

        ``min_chars`` is the shortest anchor completed; ``strictness`` the minimum similarity
        of a correction (raise it for fewer, surer corrections; above 1 turns them off).
        """
        if limit <= 0 or not before:
            return []
        when = time.time() if now is None else now
        tail = before[-_MAX_ANCHOR - 1 :]
        cut = max(tail.rfind("\n"), tail.rfind("\r"))
        if cut >= 0:
            tail = tail[cut + 1 :]
        if not tail:
            return []
        best: dict[str, Suggestion] = {}
        with self._lock:
            anchored = self._complete(tail, limit, when, max(1, min_chars), best)
            if tail[-1] in FOLLOW_MARKS:
                self._continue(tail, limit, when, best)
            elif strictness <= 1.0 and anchored < len(tail) - _last_mark(tail) - 1:
                # Only when the clause typed so far is not itself the start of an entry:
                # a writer on track needs no correction, and most keystrokes are like that.
                self._correct(tail, limit, when, strictness, best)
            ranked = sorted(best.values(), key=self._rank_key)
        return ranked[:limit]

    def _rank_key(self, s: Suggestion) -> tuple[float, int, int]:
        p = self._phrases.get(s.phrase_id)
        curated = 0 if p is not None and p.origin == "curated" else 1
        return (-round(s.score, 6), curated, s.phrase_id)

    def _offer(self, best: dict[str, Suggestion], s: Suggestion) -> None:
        old = best.get(s.text)
        if old is None or s.score > old.score:
            best[s.text] = s

    def _make(
        self, p: Phrase, *, text: str, replace: int, match: float, how: str, now: float
    ) -> Suggestion:
        score = match + _static(p) + _personal(p, now)
        return Suggestion(
            text=text,
            replace=replace,
            score=score,
            phrase_id=p.id,
            kind=p.kind,
            how=how,
            tags=p.tags,
        )

    def _range(self, keys: list[str], anchor: str) -> tuple[int, int]:
        lo = bisect_left(keys, anchor)
        if lo == len(keys) or not keys[lo].startswith(anchor):
            return lo, lo
        return lo, bisect_left(keys, anchor + _HI, lo)

    def _top_in_range(self, lo: int, hi: int, k: int) -> Iterable[int]:
        if hi - lo <= k:
            return range(lo, hi)
        part = self._kprior[lo:hi]
        top = np.argpartition(part, len(part) - k)[len(part) - k :]
        return (lo + int(j) for j in top)

    def _complete(
        self, tail: str, limit: int, now: float, min_chars: int, best: dict[str, Suggestion]
    ) -> int:
        """Offer completions; returns the longest anchor that begins some entry (0: none)."""
        ends_clause = tail[-1] in CONTINUE_MARKS
        anchored = 0
        longest = min(len(tail), _MAX_ANCHOR)
        for length in range(longest, min_chars - 1, -1):
            anchor = tail[-length:]
            first = anchor[0]
            if first in _BREAKS or first.isspace() or length < COMMON_CHARS.get(first, 1):
                continue
            lo, hi = self._range(self._keys, anchor)
            plo, phi = self._range(self._pkeys, anchor)
            if lo == hi and plo == phi:
                continue
            anchored = max(anchored, length)
            pids = [self._kids[i] for i in self._top_in_range(lo, hi, limit + 2)]
            pids.extend(self._pkids[plo : min(phi, plo + _PERSONAL_CAP)])
            match = _anchor_score(length)
            for pid in dict.fromkeys(pids):
                p = self._phrases.get(pid)
                if p is None:
                    continue
                if p.text.startswith(anchor):
                    if p.text == anchor:
                        continue
                    if ends_clause:
                        self._offer(
                            best,
                            self._make(
                                p,
                                text=p.text[length:],
                                replace=0,
                                match=match,
                                how="continue",
                                now=now,
                            ),
                        )
                    else:
                        self._offer(
                            best,
                            self._make(
                                p, text=p.text, replace=length, match=match, how="complete", now=now
                            ),
                        )
                elif (length >= 3 or anchor in p.variants) and any(
                    v.startswith(anchor) for v in p.variants
                ):
                    # A known wrong wording: offer the standard one in its place.
                    self._offer(
                        best,
                        self._make(
                            p,
                            text=p.text,
                            replace=length,
                            match=match - 0.01,
                            how="correct",
                            now=now,
                        ),
                    )
        return anchored

    def _continue(self, tail: str, limit: int, now: float, best: dict[str, Suggestion]) -> None:
        mark = tail[-1]
        body = tail[:-1].rstrip(CLAUSE_DELIMITERS)
        start = max((i for i, ch in enumerate(body) if ch in _BREAKS), default=-1)
        clause = body[start + 1 :]
        if not clause:
            return
        # The longest tail of the clause the follows table knows (the writer may have typed
        # a lead-in such as 要 before a stock clause).
        for cut in range(len(clause) - 1):
            table = self._follows.get(clause[cut:])
            if table:
                self._offer_follows(table, limit, now, best)
                break
        if mark in CONTINUE_MARKS and len(clause) >= 2:
            self._next_member(clause, mark, limit, now, best)

    def _offer_follows(
        self, table: dict[int, int], limit: int, now: float, best: dict[str, Suggestion]
    ) -> None:
        total = sum(table.values())
        for pid, count in sorted(table.items(), key=lambda kv: -kv[1])[: limit * 2]:
            p = self._phrases.get(pid)
            if p is None or p.status != "active":
                continue
            match = 0.45 + 0.3 * count / total
            self._offer(
                best, self._make(p, text=p.text, replace=0, match=match, how="continue", now=now)
            )

    def _next_member(
        self, clause: str, mark: str, limit: int, now: float, best: dict[str, Suggestion]
    ) -> None:
        """The rest of a 排比 entry after its member that ends the typed clause.

        A member is a stretch of the entry between two clause marks, not the first one (the
        first is the prefix case, handled by completion); the typed clause must end with it.
        """
        found = 0
        for pid in self._candidates(clause[-2:] + mark, need_all=True, cap=_POSTING_CAP):
            p = self._phrases.get(int(pid))
            if p is None or p.status != "active":
                continue
            text = p.text
            at = text.find(mark, 1)
            while at > 0:
                begin = max(text.rfind(ch, 0, at) for ch in CONTINUE_MARKS) + 1
                member = text[begin:at]
                rest = text[at + 1 :]
                if begin > 0 and len(member) >= 2 and clause.endswith(member) and rest:
                    match = 0.5 + 0.05 * min(len(member), 6)
                    self._offer(
                        best,
                        self._make(p, text=rest, replace=0, match=match, how="continue", now=now),
                    )
                    found += 1
                    break
                at = text.find(mark, at + 1)
            if found >= limit * 2:
                break

    def _candidates(self, text: str, *, need_all: bool, cap: int | None = None) -> np.ndarray:
        """Ids whose entries share bigrams with ``text``.

        ``need_all``: ids having every bigram, sorted (a superset of the entries containing
        ``text``: bigrams with more than ``cap`` postings are not checked, and the caller
        verifies); ``cap`` also gives up (empty result) when even the rarest bigram is that
        common. Otherwise: the best-overlapping ids, at most :data:`_CANDIDATES`, by overlap,
        reading the rarest postings first and at most :data:`_POSTING_CAP` of them.
        """
        codes = _bigram_codes(text)
        if not codes:
            return np.zeros(0, dtype=np.int64)
        lists = sorted(self._postings_of(codes), key=lambda bd: len(bd[0]) + len(bd[1]))
        if need_all:
            base, extra = lists[0]
            if cap is not None and len(base) + len(extra) > cap:
                return np.zeros(0, dtype=np.int64)
            result = np.unique(np.concatenate((base, np.asarray(extra, dtype=base.dtype))))
            for base, extra in lists[1:]:
                if not len(result):
                    break
                if cap is not None and len(base) + len(extra) > cap:
                    continue
                mask = _in_sorted(result, base)
                if extra:
                    mask |= np.isin(result, extra)
                result = result[mask]
            return result
        chosen: list[np.ndarray] = []
        total = 0
        for base, extra in lists:
            size = len(base) + len(extra)
            if chosen and total + size > _POSTING_CAP:
                break
            chosen.append(base[:_POSTING_CAP])
            if extra:
                chosen.append(np.asarray(extra, dtype=base.dtype))
            total += min(size, _POSTING_CAP)
        ids, counts = np.unique(np.concatenate(chosen), return_counts=True)
        if len(chosen) >= 3:
            mask = counts >= 2
            ids, counts = ids[mask], counts[mask]
        if len(ids) > _CANDIDATES:
            top = np.argpartition(counts, len(counts) - _CANDIDATES)[len(counts) - _CANDIDATES :]
            ids, counts = ids[top], counts[top]
        return ids[np.argsort(-counts, kind="stable")]

    def _correct(
        self, tail: str, limit: int, now: float, strictness: float, best: dict[str, Suggestion]
    ) -> None:
        # The span: up to three clauses back within the sentence, since an entry may hold
        # clause marks (聚精会神搞建设，一心一意谋发展) and quotes (“放管服”改革); the last
        # clause must be non-empty.
        hard = max((i for i, ch in enumerate(tail) if ch in _SENTENCE_BREAKS), default=-1)
        span = tail[hard + 1 :][-_MAX_CLAUSE:]
        marks = [i for i, ch in enumerate(span) if ch in CONTINUE_MARKS]
        if marks and marks[-1] == len(span) - 1:
            return
        starts = [0] + [i + 1 for i in marks]
        if len(starts) > 3:
            span = span[starts[-3] :]
            starts = [i - starts[-3] for i in starts[-3:]]
        if len(span) - starts[-1] < 2 or len(span) < _MIN_CORRECT:
            return
        windows: dict[int, str] = {}
        for pid in self._candidates(span, need_all=False):
            p = self._phrases.get(int(pid))
            if p is not None and p.status == "active":
                windows[p.id] = p.text[: len(span) + 3]
        # Screen in C: the span (or a tail of it) against the start of each entry.
        screened = process.extract(
            span, windows, scorer=fuzz.partial_ratio, limit=_ALIGNED, score_cutoff=50
        )
        found: list[tuple[float, Phrase, int]] = []
        for _window, _score, pid in screened:
            p = self._phrases[pid]
            text = p.text
            offsets = set(starts)
            offsets.update(i for i, ch in enumerate(span) if ch == text[0])
            if len(text) > 1:
                offsets.update(i - 1 for i, ch in enumerate(span) if ch == text[1] and i > 0)
            top_sim, top_off = 0.0, 0
            for off in sorted(offsets):
                part = span[off:]
                if not _MIN_CORRECT <= len(part) <= len(text) + 2:
                    continue
                if text.startswith(part):
                    top_sim = 0.0  # an exact anchor: completion already offers it
                    break
                sim = correction_similarity(part, text)
                if sim > top_sim:
                    top_sim, top_off = sim, off
            if top_sim >= strictness:
                found.append((top_sim, p, len(span) - top_off))
        for sim, p, replace in found:
            match = _anchor_score(replace) - 0.1 - 0.5 * (1.0 - sim)
            self._offer(
                best,
                self._make(p, text=p.text, replace=replace, match=match, how="correct", now=now),
            )

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, limit: int = 50) -> list[tuple[int, float]]:
        """Entries (any status) matching ``query``, best first, as (phrase id, score 0..100).

        Substring matches score 100 (entry starts with the query) or 95; pinyin initials
        (``qmcyzd`` → 全面从严治党) 92 for a prefix, 85 inside; fuzzy matches (rapidfuzz) up
        to 80. Ties go to the better entry. Work is bounded by the bigram index except for
        one-character and initials-substring queries, which scan the bank.
        """
        q = query.strip()
        if not q or limit <= 0:
            return []
        scores: dict[int, float] = {}

        def put(pid: int, score: float) -> None:
            if score > scores.get(pid, -1.0):
                scores[pid] = score

        with self._lock:
            if len(q) >= 2:
                cands: Iterable[int] = (int(i) for i in self._candidates(q, need_all=True))
            else:
                cands = self._phrases
            for pid in cands:
                p = self._phrases.get(pid)
                if p is not None and q in p.text:
                    put(pid, 100.0 if p.text.startswith(q) else 95.0)
            if q.isascii() and q.isalnum():
                low = q.lower()
                lo, hi = self._range(self._ikeys, low)
                for i in range(lo, min(hi, lo + limit * 4)):
                    put(self._ikids[i], 92.0)
                if hi - lo < limit and len(low) >= 2:
                    for ini, pid in zip(self._ikeys, self._ikids, strict=True):
                        if low in ini and not ini.startswith(low):
                            put(pid, 85.0)
            if len(q) >= 2 and not q.isascii():
                fuzzy_ids = [int(i) for i in self._candidates(q, need_all=False)]
                choices = {
                    pid: self._phrases[pid].text for pid in fuzzy_ids if pid in self._phrases
                }
                for _text, score, pid in process.extract(
                    q, choices, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=60
                ):
                    put(int(pid), 0.8 * float(score))
            ranked = sorted(
                scores.items(),
                key=lambda kv: (-kv[1], -_static(self._phrases[kv[0]]), kv[0]),
            )
        return ranked[:limit]

    def __iter__(self) -> Iterator[Phrase]:
        return iter(self.phrases())


def _last_mark(text: str) -> int:
    """Index of the last clause or sentence mark in ``text``, -1 if none."""
    return max((i for i, ch in enumerate(text) if ch in _CLAUSE_MARKS), default=-1)


def _in_sorted(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Mask of ``values`` present in the sorted array ``sorted_ids``."""
    if not len(sorted_ids):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_ids, values)
    at[at == len(sorted_ids)] = len(sorted_ids) - 1
    return np.asarray(sorted_ids[at] == values)


def _sorted_insert(keys: list[str], ids: list[int], key: str, pid: int) -> int:
    """Insert (key, pid) into parallel sorted lists; returns the position."""
    i = bisect_left(keys, key)
    j = bisect_right(keys, key, i)
    while i < j and ids[i] < pid:
        i += 1
    keys.insert(i, key)
    ids.insert(i, pid)
    return i


def _sorted_remove(keys: list[str], ids: list[int], key: str, pid: int) -> int | None:
    """Remove (key, pid) from parallel sorted lists; returns the position it had."""
    i = bisect_left(keys, key)
    while i < len(keys) and keys[i] == key:
        if ids[i] == pid:
            del keys[i]
            del ids[i]
            return i
        i += 1
    return None
