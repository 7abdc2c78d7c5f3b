"""Pinyin helpers for search and for judging typing slips.

* :func:`initials` gives the pinyin initials of a text (``全面从严治党`` → ``qmcyzd``), the way
  writers look an entry up by the first letters they would type in a pinyin input method.
  ``pypinyin.lazy_pinyin`` does this right but costs ~10 µs a character, too slow for a bank of
  a million entries, so this module reads pypinyin's own tables: each character's first
  reading, and for a polyphonic character whose readings start with different letters
  (行 xíng/háng, 长 zhǎng/cháng, 重 zhòng/chóng) the reading of the dictionary word around it
  (银行 → h, 增长 → z). The answer agrees with ``lazy_pinyin(..., style=Style.FIRST_LETTER)``
  on ordinary text and is ~20 times faster.
* :func:`same_sound` and :func:`similar_sound` tell whether two characters are homophones
  (至/治) or near-homophones under the usual fuzzy-pinyin confusions (z/zh, n/l, in/ing …):
  a pinyin input method turns a slip of the ear into exactly such a wrong character.

Latin letters and digits are kept (lower-cased) so ``GDP`` still matches ``gdp``; punctuation,
slots and other symbols are dropped.
"""

from __future__ import annotations

import functools
import unicodedata

from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

__all__ = ["initials", "readings", "same_sound", "similar_sound"]

#: Longest dictionary word looked at around a polyphonic character.
_MAX_WORD = 4


@functools.lru_cache(maxsize=8192)
def _strip_tone(syllable: str) -> str:
    """``zhǎng`` → ``zhang``; ``ü`` stays ``v`` as pypinyin writes it in NORMAL style."""
    decomposed = unicodedata.normalize("NFD", syllable)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ü", "v").lower()


@functools.cache
def readings(char: str) -> tuple[str, ...]:
    """Toneless readings of one character, the most common first; ``()`` if not Chinese."""
    raw = PINYIN_DICT.get(ord(char)) if len(char) == 1 else None
    if not raw:
        return ()
    out: list[str] = []
    for syllable in raw.split(","):
        plain = _strip_tone(syllable.strip())
        if plain and plain not in out:
            out.append(plain)
    return tuple(out)


@functools.cache
def _char_initial(char: str) -> tuple[str, bool]:
    """(initial of the first reading, whether other readings start with another letter)."""
    if char.isascii():
        return (char.lower(), False) if char.isalnum() else ("", False)
    found = readings(char)
    if not found:
        return ("", False)
    first = found[0][0]
    return first, any(r[0] != first for r in found[1:])


@functools.lru_cache(maxsize=100_000)
def _initial_in_context(text: str, i: int) -> str | None:
    """Initial of ``text[i]`` as read inside the longest dictionary word covering it."""
    for size in range(min(_MAX_WORD, len(text)), 1, -1):
        for start in range(max(0, i - size + 1), min(i, len(text) - size) + 1):
            word = text[start : start + size]
            entry = PHRASES_DICT.get(word)
            if entry is not None and len(entry) == size and entry[i - start]:
                return _strip_tone(entry[i - start][0])[:1] or None
    return None


class _InitialTable(dict[int, str]):
    """``str.translate`` table filled on demand, one character per character: the initial,
    ``_AMBIGUOUS`` for a polyphone whose readings start differently, ``_DROP`` otherwise."""

    def __missing__(self, code: int) -> str:
        letter, ambiguous = _char_initial(chr(code))
        value = _AMBIGUOUS if ambiguous else (letter or _DROP)
        self[code] = value
        return value


_AMBIGUOUS = "\x00"
_DROP = "\x01"
_TABLE = _InitialTable()


def initials(text: str) -> str:
    """Pinyin initials of ``text``: one lower-case letter per Chinese character.

    ASCII letters and digits are kept lower-cased; everything else is dropped.
    """
    fast = text.translate(_TABLE)
    at = fast.find(_AMBIGUOUS)
    if at < 0:
        return fast.replace(_DROP, "")
    out = list(fast)
    while at >= 0:
        # Only the words within reach decide, and the same neighbourhood recurs a lot.
        lo = max(0, at - _MAX_WORD + 1)
        found = _initial_in_context(text[lo : at + _MAX_WORD], at - lo)
        out[at] = found or _char_initial(text[at])[0]
        at = fast.find(_AMBIGUOUS, at + 1)
    return "".join(out).replace(_DROP, "")


# Fuzzy-pinyin classes: pairs that pinyin typists and dialect speakers confuse.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"), ("iang", "ian"), ("uang", "uan"))


@functools.lru_cache(maxsize=4096)
def _fuzzy(syllable: str) -> str:
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


def same_sound(a: str, b: str) -> bool:
    """Whether two characters share a reading (tones ignored): 至/治, 建/件."""
    ra, rb = readings(a), readings(b)
    return bool(ra and rb and set(ra) & set(rb))


def similar_sound(a: str, b: str) -> bool:
    """Whether two characters sound alike under fuzzy pinyin (z/zh, n/l, in/ing, …)."""
    ra, rb = readings(a), readings(b)
    if not ra or not rb:
        return False
    return bool({_fuzzy(r) for r in ra} & {_fuzzy(r) for r in rb})
