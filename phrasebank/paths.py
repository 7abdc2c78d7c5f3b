"""Where the app reads its shipped data and writes the user's data.

All user data (bank, settings, autosave, caches) lives in the platform's data and
config folders, or below ``$SPEECH_EDITOR_HOME`` when that variable is set; tests
set it so they never touch a real profile. Nothing here creates a folder on import.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

__all__ = [
    "APP_NAME",
    "HOME_ENV",
    "autosave_dir",
    "cache_dir",
    "config_dir",
    "data_dir",
    "ensure_user_bank",
    "resource",
    "user_bank_path",
]

APP_NAME = "speech-editor"
HOME_ENV = "SPEECH_EDITOR_HOME"
DEFAULT_BANK_RESOURCE = "default_bank.db"


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Folder for the user's bank and autosaves."""
    home = _override()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Folder for settings."""
    home = _override()
    if home is not None:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Folder for rebuildable caches (jieba's dictionary cache)."""
    home = _override()
    if home is not None:
        return home / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def user_bank_path() -> Path:
    return data_dir() / "bank.db"


def resource(*parts: str) -> Traversable:
    """A file or folder shipped in ``resources/`` (inside the wheel as phrasebank.resources)."""
    node: Traversable = resources.files("phrasebank.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def ensure_user_bank() -> Path:
    """Return the user's bank path, copying the bundled default bank there on first use.

    The installed copy is only ever read. When no default bank ships (a fresh
    checkout before ``phrasebank build-default``), the user's bank starts empty.
    """
    path = user_bank_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    bundled = resource(DEFAULT_BANK_RESOURCE)
    if bundled.is_file():
        tmp = path.with_suffix(".db.part")
        with resources.as_file(bundled) as src:
            shutil.copyfile(src, tmp)
        os.replace(tmp, path)
    return path
