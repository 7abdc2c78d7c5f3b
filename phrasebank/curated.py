"""The curated list of standard formulations (规范表述) and the genre's jieba dictionary.

``resources/curated.toml`` holds fixed political and official wordings with the wrong
variants writers type instead; the checker and the default bank build on it, so a bad
entry is refused at load time with a message naming it. ``resources/userdict.txt`` keeps
those wordings from being cut apart by jieba; :func:`make_tokenizer` returns a tokenizer
with it loaded and its cache inside the app's own cache folder.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phrasebank.model import FUNCTION_TAGS, KINDS, SLOT, TOPIC_TAGS
from phrasebank.paths import cache_dir, resource

if TYPE_CHECKING:
    import jieba

__all__ = [
    "CURATED_RESOURCE",
    "USERDICT_RESOURCE",
    "CuratedEntry",
    "load_curated",
    "make_tokenizer",
    "parse_curated",
    "userdict_path",
]

CURATED_RESOURCE = "curated.toml"
USERDICT_RESOURCE = "userdict.txt"

_log = logging.getLogger(__name__)

_FIELDS = frozenset(
    {"text", "wrong", "deprecated", "reason", "kind", "functions", "topics", "context"}
)
# Half-width punctuation has no place inside a Chinese standard wording.
_HALF_WIDTH = re.compile(r"[,:;?!()]")
_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class CuratedEntry:
    """One standard wording with the variants a checker should correct to it."""

    text: str
    wrong: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    reason: str = ""
    kind: str = "formulation"
    functions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    context: str | None = None

    @property
    def variants(self) -> tuple[str, ...]:
        """Every wording that should be replaced by ``text``: wrong, then deprecated."""
        return self.wrong + self.deprecated

    @property
    def tags(self) -> tuple[str, ...]:
        return self.functions + self.topics

    def context_allows(self, sentence: str, start: int, end: int) -> bool:
        """Whether a variant found at ``sentence[start:end]`` is really an error.

        Without a ``context`` every occurrence counts; with one, only an occurrence that
        lies inside a match of the context pattern in the same sentence.
        """
        if self.context is None:
            return True
        return any(
            m.start() <= start and end <= m.end() for m in re.finditer(self.context, sentence)
        )


def load_curated(source: str | Path | None = None) -> list[CuratedEntry]:
    """Read and validate a curated list; the shipped one when ``source`` is None.

    The shipped list is parsed once per process. Raises ``ValueError`` naming the entry
    when the data is bad.
    """
    if source is None:
        return list(_load_shipped())
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc})") from exc
    return parse_curated(text, origin=str(path))


def parse_curated(toml_text: str, *, origin: str = "<string>") -> list[CuratedEntry]:
    """Parse and validate curated entries from TOML text (see the header of curated.toml)."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: invalid TOML: {exc}") from exc
    extra = sorted(set(data) - {"entry"})
    if extra:
        raise ValueError(f"{origin}: unknown top-level keys {extra}; expected [[entry]] tables")
    tables = data.get("entry", [])
    if not isinstance(tables, list):
        raise ValueError(f"{origin}: 'entry' must be an array of tables ([[entry]])")
    entries = [_entry_from_table(table, index, origin) for index, table in enumerate(tables, 1)]
    _check_across(entries, origin)
    return entries


@functools.lru_cache(maxsize=1)
def _load_shipped() -> tuple[CuratedEntry, ...]:
    text = resource(CURATED_RESOURCE).read_text(encoding="utf-8")
    return tuple(parse_curated(text, origin=CURATED_RESOURCE))


# ── validation ──────────────────────────────────────────────────────────────


def _where(origin: str, index: int, text: object) -> str:
    label = repr(text) if isinstance(text, str) and text else "no text"
    return f"{origin}: entry {index} ({label})"


def _strings(value: object, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: '{name}' must be a list of strings")
    if any(not v.strip() for v in value):
        raise ValueError(f"{where}: '{name}' contains an empty string")
    if len(set(value)) != len(value):
        raise ValueError(f"{where}: '{name}' lists the same string twice")
    return tuple(value)


@functools.lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _check_wording(value: str, what: str, where: str) -> None:
    if _WHITESPACE.search(value):
        raise ValueError(f"{where}: {what} {value!r} contains white space")
    bad = _HALF_WIDTH.search(value)
    if bad:
        raise ValueError(
            f"{where}: {what} {value!r} contains half-width {bad.group()!r}; "
            "use full-width Chinese punctuation"
        )
    simplified = _t2s().convert(value)
    if simplified != value:
        raise ValueError(
            f"{where}: {what} {value!r} is not Simplified Chinese (expected {simplified!r})"
        )


def _entry_from_table(table: object, index: int, origin: str) -> CuratedEntry:
    if not isinstance(table, Mapping):
        raise ValueError(f"{origin}: entry {index} is not a table")
    text = table.get("text")
    where = _where(origin, index, text)
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise ValueError(f"{where}: unknown fields {unknown}")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: 'text' must be a non-empty string")
    _check_wording(text, "text", where)

    kind = table.get("kind", "formulation")
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if (SLOT in text) != (kind == "template"):
        raise ValueError(f"{where}: a template must contain the slot {SLOT!r}, and only a template")

    functions = _strings(table.get("functions"), "functions", where)
    topics = _strings(table.get("topics"), "topics", where)
    _check_tags(functions, FUNCTION_TAGS, "function", where)
    _check_tags(topics, TOPIC_TAGS, "topic", where)

    wrong = _strings(table.get("wrong"), "wrong", where)
    deprecated = _strings(table.get("deprecated"), "deprecated", where)
    for variant in wrong + deprecated:
        if variant == text:
            raise ValueError(f"{where}: variant {variant!r} equals the standard text")
        if variant in text:
            raise ValueError(
                f"{where}: variant {variant!r} occurs inside the standard text, "
                "so the correct wording would be flagged"
            )
    if set(wrong) & set(deprecated):
        raise ValueError(f"{where}: a variant is listed both as wrong and as deprecated")
    for variant in deprecated:
        _check_wording(variant, "deprecated wording", where)

    reason = table.get("reason", "")
    if not isinstance(reason, str):
        raise ValueError(f"{where}: 'reason' must be a string")
    if deprecated and not reason.strip():
        raise ValueError(f"{where}: 'deprecated' needs a 'reason'")

    context = table.get("context")
    if context is not None:
        if not isinstance(context, str) or not context:
            raise ValueError(f"{where}: 'context' must be a non-empty regular expression")
        try:
            re.compile(context)
        except re.error as exc:
            raise ValueError(
                f"{where}: 'context' is not a valid regular expression: {exc}"
            ) from exc
        if not wrong:
            raise ValueError(f"{where}: 'context' only makes sense with 'wrong' variants")

    return CuratedEntry(
        text=text,
        wrong=wrong,
        deprecated=deprecated,
        reason=reason.strip(),
        kind=kind,
        functions=functions,
        topics=topics,
        context=context,
    )


def _check_tags(tags: Sequence[str], allowed: Sequence[str], what: str, where: str) -> None:
    for tag in tags:
        if tag not in allowed:
            raise ValueError(f"{where}: unknown {what} tag {tag!r}; expected one of {allowed}")


def _check_across(entries: Sequence[CuratedEntry], origin: str) -> None:
    first: dict[str, int] = {}
    for index, entry in enumerate(entries, 1):
        if entry.text in first:
            raise ValueError(
                f"{_where(origin, index, entry.text)}: duplicate text "
                f"(already entry {first[entry.text]})"
            )
        first[entry.text] = index
    for index, entry in enumerate(entries, 1):
        for variant in entry.variants:
            if variant in first:
                raise ValueError(
                    f"{_where(origin, index, entry.text)}: variant {variant!r} is the "
                    f"standard text of entry {first[variant]}"
                )
            # A checker searching for the variant would flag this correct wording.
            host = next((t for t in first if variant in t), None)
            if host is not None:
                raise ValueError(
                    f"{_where(origin, index, entry.text)}: variant {variant!r} occurs "
                    f"inside the standard text of entry {first[host]} ({host!r})"
                )


# ── jieba ───────────────────────────────────────────────────────────────────


@contextmanager
def userdict_path() -> Iterator[Path]:
    """A real file path to the shipped jieba user dictionary, valid inside the ``with``."""
    with resources.as_file(resource(USERDICT_RESOURCE)) as path:
        yield Path(path)


_TOKENIZERS: dict[Path, jieba.Tokenizer] = {}
_TOKENIZER_LOCK = threading.Lock()


def make_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the genre's dictionary, shared within the process.

    Building one costs about a second, so callers share it (jieba's ``cut`` is safe to
    call from several threads). Its dictionary cache lives in ``cache_dir()/jieba``
    rather than the system temp folder; one tokenizer is kept per cache folder, so
    moving ``SPEECH_EDITOR_HOME`` gets a tokenizer that writes below the new home.
    """
    folder = cache_dir() / "jieba"
    tokenizer = _TOKENIZERS.get(folder)
    if tokenizer is not None:
        return tokenizer
    with _TOKENIZER_LOCK:
        tokenizer = _TOKENIZERS.get(folder)
        if tokenizer is None:
            tokenizer = _build_tokenizer(folder)
            _TOKENIZERS[folder] = tokenizer
    return tokenizer


def _build_tokenizer(folder: Path) -> jieba.Tokenizer:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(folder)
    # Versioned name: jieba never checks a cache of its bundled dictionary for staleness.
    tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
    tokenizer.initialize()
    with userdict_path() as path:
        tokenizer.load_userdict(str(path))
    _log.debug("jieba tokenizer ready, cache in %s", folder)
    return tokenizer
