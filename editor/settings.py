"""The editor's settings: one typed dataclass, defaults in one place, JSON on disk.

Settings live in ``phrasebank.paths.config_dir()/settings.json``. Loading is lenient:
a missing file gives the defaults, a broken file or a bad value gives the default for
what is broken plus a logged warning, never an exception. Nothing is written on import;
the file appears the first time :func:`save_settings` runs.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phrasebank.atomic import atomic_write_bytes
from phrasebank.paths import config_dir

__all__ = [
    "CJK_FONT_FALLBACKS",
    "LANGUAGES",
    "MAX_RECENT_FILES",
    "Settings",
    "add_recent_file",
    "load_settings",
    "save_settings",
    "settings_path",
]

log = logging.getLogger(__name__)

#: Fonts tried in order for the draft when ``font_family`` is empty or missing on this
#: machine: Linux (WenQuanYi, Noto), Windows (Microsoft YaHei), macOS (PingFang).
CJK_FONT_FALLBACKS: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
)

#: UI languages with a translation; "zh_CN" is the source language of every string.
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")

MAX_RECENT_FILES = 10


@dataclass(slots=True)
class Settings:
    """Everything the user can change. The field defaults ARE the app's defaults."""

    # Suggestions (read by the suggestion controller through apply_settings()).
    suggestions_enabled: bool = True
    suggest_delay_ms: int = 120
    suggest_count: int = 5
    min_chars: int = 2  # a one-character anchor (党, 要) completes to noise
    fuzzy_strictness: float = 0.5  # 0 = loose … 1 = exact prefixes only
    # Draft appearance.
    font_family: str = ""  # empty: the first available of CJK_FONT_FALLBACKS
    font_size: int = 14
    zoom: int = 0  # points added to font_size by 放大/缩小
    word_wrap: bool = True
    # Language of the menus; a change takes effect at the next start.
    language: str = "zh_CN"
    # Typing and files.
    fullwidth_punctuation: bool = False
    keep_original_encoding: bool = False
    recent_files: list[str] = field(default_factory=list)
    # Window.
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    show_toolbar: bool = True
    show_statusbar: bool = True
    show_suggestion_panel: bool = True

    def normalized(self) -> Settings:
        """A copy with every value brought into its valid range."""
        s = dataclasses.replace(self, recent_files=list(self.recent_files))
        s.suggest_delay_ms = _clamp(s.suggest_delay_ms, 0, 2000)
        s.suggest_count = _clamp(s.suggest_count, 1, 9)  # the popup numbers rows 1-9 (Alt+1…9)
        s.min_chars = _clamp(s.min_chars, 1, 10)
        s.fuzzy_strictness = min(1.0, max(0.0, float(s.fuzzy_strictness)))
        s.font_size = _clamp(s.font_size, 6, 72)
        s.zoom = _clamp(s.zoom, 6 - s.font_size, 72 - s.font_size)
        if s.language not in LANGUAGES:
            s.language = "zh_CN"
        s.recent_files = _dedupe(s.recent_files)[:MAX_RECENT_FILES]
        return s

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Build settings from parsed JSON, keeping the default for anything missing or wrong."""
        if not isinstance(data, dict):
            log.warning("settings: expected a JSON object, got %s; using defaults", type(data))
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(defaults, f.name)
            checked = _coerce(value, default)
            if checked is None:
                log.warning("settings: ignoring bad value for %s: %r", f.name, value)
                continue
            values[f.name] = checked
        unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            log.info("settings: ignoring unknown keys %s", sorted(unknown))
        return cls(**values).normalized()


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, int(value)))


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _coerce(value: Any, default: Any) -> Any:
    """``value`` if it has the default's type (ints accepted for floats), else None."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, list):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        return None
    return None


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; never raises. Missing file: defaults. Bad file: defaults + warning."""
    path = settings_path() if path is None else path
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("settings: cannot read %s (%s); using defaults", path, exc)
        return Settings()
    try:
        data = json.loads(raw)
    except ValueError as exc:
        log.warning("settings: %s is not valid JSON (%s); using defaults", path, exc)
        return Settings()
    return Settings.from_dict(data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (temp file + os.replace). Raises OSError on failure."""
    path = settings_path() if path is None else path
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(settings.normalized().to_dict(), ensure_ascii=False, indent=2)
    atomic_write_bytes(path, payload.encode("utf-8"))


def add_recent_file(settings: Settings, path: str | Path) -> None:
    """Put ``path`` first in the recent files, keeping at most MAX_RECENT_FILES."""
    entry = str(Path(path).resolve())
    files = [entry, *(p for p in settings.recent_files if p != entry)]
    settings.recent_files = files[:MAX_RECENT_FILES]
