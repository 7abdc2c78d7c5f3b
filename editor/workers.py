"""Background jobs for the editor: a dispatcher that runs one-shot jobs off the UI thread.

The pattern follows novelWriter: the UI thread hands a plain snapshot (a string, an id) to a
one-shot ``QRunnable``; the answer comes back through a queued signal tagged with a job id, and
only the answer to the *latest* request is delivered. An older answer never replaces a newer
one, and a job whose request has already been superseded is skipped before it starts.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["UI_SWITCH_INTERVAL", "Dispatcher", "favour_ui_thread", "shared_pool"]

log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None

#: Seconds a thread running Python may keep the GIL while another thread waits for it.
UI_SWITCH_INTERVAL = 0.001


def favour_ui_thread() -> None:
    """Let the UI thread get the GIL back quickly while a worker runs Python.

    ``bank.suggest`` is Python (and numpy) code. While it runs on a worker, every time the UI
    thread returns from Qt into Python it may wait for the GIL up to the interpreter's switch
    interval, 5 ms by default, several times per event. 1 ms bounds that wait; the cost is a
    little more switching on the worker. Process-wide, so the app calls it once.
    """
    if sys.getswitchinterval() > UI_SWITCH_INTERVAL:
        sys.setswitchinterval(UI_SWITCH_INTERVAL)


def shared_pool() -> QThreadPool:
    """The editor's own pool (not Qt's global one), two threads: jobs here are short."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
        _POOL.setObjectName("editorWorkers")
    return _POOL


class _Relay(QObject):
    """Lives in the UI thread; emitted from workers, so its signals arrive queued."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay | None,
        job_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        still_wanted: Callable[[int], bool],
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._job_id = job_id
        self._fn = fn
        self._args = args
        self._still_wanted = still_wanted

    def run(self) -> None:
        if not self._still_wanted(self._job_id):
            return  # superseded while queued: don't spend the time
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # a failing job must not take the editor down
            log.exception("background job %d failed", self._job_id)
            self._emit(self._relay.failed if self._relay else None, f"{type(exc).__name__}: {exc}")
            return
        self._emit(self._relay.done if self._relay else None, result)

    def _emit(self, signal: Any, payload: object) -> None:
        if signal is None:
            return
        try:
            signal.emit(self._job_id, payload)
        except RuntimeError:  # the editor went away while we worked: nobody to tell
            log.debug("job %d finished after its receiver was deleted", self._job_id)


class Dispatcher(QObject):
    """Runs ``fn(*args)`` off the UI thread; delivers only the latest request's answer.

    ``finished(job_id, result)`` is emitted in the UI thread for the newest job only; answers
    to older jobs are counted in ``dropped`` and discarded.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else shared_pool()
        self._relay = _Relay()
        self._relay.done.connect(self.deliver)
        self._relay.failed.connect(self._on_failed)
        self._last_id = 0
        self.dropped = 0

    @property
    def latest(self) -> int:
        """Id of the newest job submitted (0 before the first)."""
        return self._last_id

    def is_latest(self, job_id: int) -> bool:
        return job_id == self._last_id

    def submit(self, fn: Callable[..., Any], *args: Any) -> int:
        """Queue ``fn(*args)``; return its job id. Supersedes every earlier job."""
        self._last_id += 1
        job_id = self._last_id
        self._pool.start(_Job(self._relay, job_id, fn, args, self.is_latest))
        return job_id

    def cancel(self) -> None:
        """Forget every pending job: their answers will be dropped."""
        self._last_id += 1

    def deliver(self, job_id: int, result: object) -> None:
        """Hand ``result`` on if ``job_id`` is still the newest request, else drop it.

        Called through the queued relay; tests call it directly to simulate answers arriving
        out of order.
        """
        if job_id != self._last_id:
            self.dropped += 1
            log.debug("dropped stale answer %d (latest %d)", job_id, self._last_id)
            return
        self.finished.emit(job_id, result)

    def _on_failed(self, job_id: int, message: str) -> None:
        if job_id == self._last_id:
            self.failed.emit(job_id, message)

    def run_detached(self, fn: Callable[..., Any], *args: Any) -> None:
        """Fire and forget (e.g. a SQLite write); failures are logged, never raised."""
        self._pool.start(_Job(None, 0, fn, args, lambda _id: True))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)
