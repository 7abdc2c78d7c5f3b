"""Autosave of open drafts and recovery after a crash.

Every open draft gets one JSON file in ``phrasebank.paths.autosave_dir()`` holding
its text and the path of the file it belongs to (``null`` for an untitled draft).
It is written 1 s after the last edit, and at least every 2 s while the user keeps
typing, so nothing typed more than 2 s before a crash is lost. A clean save or
close removes it.

A live draft holds a :class:`QLockFile` next to its autosave. At start-up any
autosave whose lock is free (its process died) is an orphan that the window offers
to restore. QLockFile recognises locks of dead processes on every platform.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from editor.files import atomic_write_bytes
from phrasebank.paths import autosave_dir

__all__ = [
    "IDLE_MS",
    "MAX_WAIT_MS",
    "AutosaveInfo",
    "Autosaver",
    "find_orphans",
    "write_autosave_file",
]

log = logging.getLogger(__name__)

IDLE_MS = 1000  # after the last keystroke
MAX_WAIT_MS = 2000  # at most this long after the first unsaved keystroke
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class AutosaveInfo:
    """An autosave found on disk."""

    file: Path  # the autosave JSON itself
    source: Path | None  # the draft's own file, None when untitled
    text: str
    encoding: str
    saved_at: float  # time.time() of the write

    @property
    def display_name(self) -> str:
        return self.source.name if self.source is not None else "未命名"


def _lock_path(file: Path) -> Path:
    return file.with_suffix(".lock")


def write_autosave_file(
    file: Path, text: str, *, source: Path | None, encoding: str = "utf-8"
) -> None:
    """Write one autosave (atomically), as the editor does and a crashed one leaves it."""
    payload = {
        "version": FORMAT_VERSION,
        "source": str(source) if source is not None else None,
        "encoding": encoding,
        "saved_at": time.time(),
        "pid": os.getpid(),
        "text": text,
    }
    file.parent.mkdir(parents=True, exist_ok=True)
    # No fsync: this runs on the UI thread every few seconds while typing, and what it
    # guards against is the editor's process dying, which the OS page cache survives.
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(file, data, durable=False)


def _read_info(file: Path) -> AutosaveInfo | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        text = data["text"]
        if not isinstance(text, str):
            raise TypeError("text")
        source = data.get("source")
        return AutosaveInfo(
            file=file,
            source=Path(source) if isinstance(source, str) else None,
            text=text,
            encoding=str(data.get("encoding") or "utf-8"),
            saved_at=float(data.get("saved_at") or file.stat().st_mtime),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("autosave: unreadable %s (%s)", file, exc)
        return None


def find_orphans(directory: Path | None = None) -> list[AutosaveInfo]:
    """Autosaves left by drafts whose process is gone, newest first."""
    directory = autosave_dir() if directory is None else directory
    if not directory.is_dir():
        return []
    found = []
    for file in directory.glob("*.json"):
        lock = QLockFile(str(_lock_path(file)))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if not lock.tryLock(0):
            continue  # a running editor owns it
        lock.unlock()
        info = _read_info(file)
        if info is not None:
            found.append(info)
    found.sort(key=lambda i: i.saved_at, reverse=True)
    return found


def discard_file(file: Path) -> None:
    """Remove an autosave (and a left-over lock)."""
    file.unlink(missing_ok=True)
    _lock_path(file).unlink(missing_ok=True)


class Autosaver(QObject):
    """Keeps one document's autosave file up to date.

    ``source`` returns the draft's current path (None if untitled) and ``encoding``
    its codec, read at each write so a "save as" is followed.
    """

    saved = Signal(str)  # path of the autosave file
    failed = Signal(str)  # message

    def __init__(
        self,
        document: QTextDocument,
        *,
        source: Callable[[], Path | None],
        encoding: Callable[[], str] = lambda: "utf-8",
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        directory: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._source = source
        self._encoding = encoding
        self._directory = directory
        self._file: Path | None = None
        self._lock: QLockFile | None = None
        self._suspended = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.save_now)
        self._max = QTimer(self)
        self._max.setSingleShot(True)
        self._max.setInterval(max_wait_ms)
        self._max.timeout.connect(self.save_now)
        document.contentsChanged.connect(self._on_contents_changed)

    @property
    def file(self) -> Path | None:
        """The autosave file once written, else None."""
        return self._file

    def pending(self) -> bool:
        return self._idle.isActive()

    def set_suspended(self, suspended: bool) -> None:
        """Ignore changes (while the window loads a file into the document)."""
        self._suspended = suspended

    def _on_contents_changed(self) -> None:
        if self._suspended or not self._document.isModified():
            return
        self._idle.start()
        if not self._max.isActive():
            self._max.start()

    def _ensure_file(self) -> Path:
        if self._file is None:
            directory = autosave_dir() if self._directory is None else self._directory
            directory.mkdir(parents=True, exist_ok=True)
            file = directory / f"draft-{uuid.uuid4().hex[:12]}.json"
            lock = QLockFile(str(_lock_path(file)))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                log.warning("autosave: could not lock %s", file)
            self._lock = lock
            self._file = file
        return self._file

    def save_now(self) -> None:
        """Write the autosave now (also what the timers call)."""
        self._idle.stop()
        self._max.stop()
        if not self._document.isModified():
            return
        try:
            file = self._ensure_file()
            write_autosave_file(
                file, self._document.toPlainText(), source=self._source(), encoding=self._encoding()
            )
        except OSError as exc:
            log.warning("autosave failed: %s", exc)
            self.failed.emit(f"自动保存失败：{exc}")
            return
        self.saved.emit(str(file))

    def discard(self) -> None:
        """The draft is safe (saved or deliberately dropped): remove its autosave."""
        self._idle.stop()
        self._max.stop()
        if self._file is not None:
            self._file.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self._file = None
