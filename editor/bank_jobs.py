"""Background work for the bank manager: core calls adapted to Qt signals.

The core takes plain callables (``on_progress(done, total)``, ``should_stop()``); a
:class:`BankJob` runs such a call on a QThreadPool and turns them into ``progress``,
``finished``, ``failed`` (a Chinese message for the user) and ``cancelled`` signals.
:class:`LatestRunner` is for queries (sort, search, filter): only the answer to the newest
request is delivered, so a slow old search never overwrites a newer one.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from phrasebank import BankError

__all__ = [
    "BankJob",
    "JobRunner",
    "LatestRunner",
    "manager_pool",
    "returns_none",
    "user_message",
]

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
StopFn = Callable[[], bool]
WorkFn = Callable[[ProgressFn, StopFn], Any]

_POOL: QThreadPool | None = None


def manager_pool() -> QThreadPool:
    """The manager's own pool: a long import must not hold up searches or the editor's jobs."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(3)
        _POOL.setObjectName("bankManagerWorkers")
    return _POOL


def returns_none(fn: Callable[[], Any]) -> Callable[..., None]:
    """``fn`` as a slot that ignores the signal's arguments (``triggered(checked)``)."""

    def slot(*_args: Any) -> None:
        fn()

    return slot


def user_message(exc: BaseException) -> str:
    """What went wrong and what to do, in Chinese, for a dialog."""
    from phrasebank.pack import PackError

    if isinstance(exc, BankError | PackError):
        return str(exc)
    if isinstance(exc, OSError):
        name = f"“{exc.filename}”" if exc.filename else ""
        return f"无法读写文件{name}：{exc.strerror or exc}。请检查文件是否存在、是否有访问权限，或磁盘是否已满。"
    if isinstance(exc, UnicodeError):
        return "文件编码无法识别。请将文件另存为 UTF-8 编码后重试。"
    if isinstance(exc, ValueError | KeyError):
        message = str(exc.args[0]) if exc.args else str(exc)
        return message or "数据有误，操作未完成。"
    return f"操作未完成：{type(exc).__name__}: {exc}。请重试；如仍出错，请把这条信息告诉维护人员。"


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class BankJob(QRunnable):
    """One long core call, ``fn(on_progress, should_stop)``, run off the UI thread.

    Signals are emitted from the worker and arrive queued in the thread that created the
    job. Progress is throttled (about 20 updates a second) so a chatty core cannot flood the
    UI thread. A job stopped through :meth:`cancel` reports ``cancelled`` whatever exception
    the core used to stop (MiningCancelled, PackError, InterruptedError).
    """

    def __init__(self, fn: WorkFn, *, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it; signals must outlive run()
        self.signals = _Signals()
        self.name = name
        self._fn = fn
        self._stop = threading.Event()
        self._last_progress = 0.0
        self.done = False

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < 0.05:
            return
        self._last_progress = now
        self._emit(self.signals.progress, int(done), int(total))

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._stop.is_set)
        except Exception as exc:
            if self._stop.is_set():
                self._finish(self.signals.cancelled)
                return
            log.warning("job %s failed: %s", self.name or "?", exc, exc_info=True)
            self._finish(self.signals.failed, user_message(exc))
            return
        self._finish(self.signals.finished, result)

    def _finish(self, signal: Any, *args: Any) -> None:
        self.done = True
        self._emit(signal, *args)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window went away while we worked
            log.debug("job %s finished after its receiver was deleted", self.name)


class JobRunner(QObject):
    """Starts :class:`BankJob` s on the manager pool and keeps them alive until they end."""

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else manager_pool()
        self._jobs: set[BankJob] = set()

    def start(
        self,
        fn: WorkFn,
        *,
        name: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> BankJob:
        job = BankJob(fn, name=name)
        self._jobs.add(job)
        sig = job.signals
        if on_progress is not None:
            sig.progress.connect(on_progress)
        for signal, slot in (
            (sig.finished, on_done),
            (sig.failed, on_failed),
            (sig.cancelled, on_cancelled),
        ):
            if slot is not None:
                signal.connect(slot)
            signal.connect(lambda *_a, j=job: self._jobs.discard(j))
        self._pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return any(not j.done for j in self._jobs)

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()

    def wait(self, msecs: int = 10000) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Query(QRunnable):
    def __init__(
        self, relay: _Relay, job_id: int, fn: Callable[[], Any], wanted: Callable[[int], bool]
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._id = job_id
        self._fn = fn
        self._wanted = wanted

    def run(self) -> None:
        if not self._wanted(self._id):
            return  # superseded while queued
        try:
            result = self._fn()
        except Exception as exc:
            log.warning("query failed: %s", exc, exc_info=True)
            self._emit(self._relay.failed, user_message(exc))
            return
        self._emit(self._relay.done, result)

    def _emit(self, signal: Any, payload: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window went away while we worked
            signal.emit(self._id, payload)


class LatestRunner(QObject):
    """Runs ``fn()`` off the UI thread; ``ready(result)`` only for the newest request."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else manager_pool()
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._latest = 0
        self._answered = 0
        self.dropped = 0

    def submit(self, fn: Callable[[], Any]) -> int:
        self._latest += 1
        self._pool.start(_Query(self._relay, self._latest, fn, self._is_latest))
        return self._latest

    @property
    def pending(self) -> bool:
        return self._answered != self._latest

    def _is_latest(self, job_id: int) -> bool:
        return job_id == self._latest

    def _on_done(self, job_id: int, result: object) -> None:
        if job_id != self._latest:
            self.dropped += 1
            return
        self._answered = job_id
        self.ready.emit(result)

    def _on_failed(self, job_id: int, message: str) -> None:
        if job_id == self._latest:
            self._answered = job_id
            self.failed.emit(message)
