"""Red wavy underlines under non-standard wordings, with a tooltip and quick fixes.

The checker (:class:`phrasebank.check.Checker`) runs off the UI thread on a plain snapshot of
the text, a short pause after the last edit (and not while an input method composes). Each
answer carries the document revision it was computed for; an answer for an older revision is
dropped, and the edit that made it old has already scheduled a new check.

Findings are shown as extra selections (``QTextCharFormat.SpellCheckUnderline``, red) whose
cursors follow later edits until the next answer replaces them; other extra selections of the
editor (from other features) are kept. Hovering a finding shows the standard wording and the
reason; its context menu offers: replace with the standard wording (one undo step), ignore this
occurrence, and add the wording to the bank as allowed (it is never flagged again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.workers import Dispatcher

if TYPE_CHECKING:  # the checker stack (pypinyin, rapidfuzz) loads on the worker, not at start-up
    from phrasebank.bank import PhraseBank
    from phrasebank.check import Checker, Finding

__all__ = ["CheckHighlighter", "qt_position"]

log = logging.getLogger(__name__)

#: Marks our extra selections so those of other features survive a refresh.
_OWN = int(QTextFormat.Property.UserProperty) + 0x4C4B
UNDERLINE_COLOR = QColor("#d0021b")
DEFAULT_DELAY_MS = 400


def qt_position(text: str, index: int) -> int:
    """Qt's cursor position (UTF-16 units) of Python string index ``index`` in ``text``."""
    head = text[:index]
    if head.isascii():
        return index
    return len(head.encode("utf-16-le")) // 2


@dataclass
class _Mark:
    finding: Finding
    cursor: QTextCursor  # selects the finding; follows edits made after the check

    def span(self) -> tuple[int, int]:
        return self.cursor.selectionStart(), self.cursor.selectionEnd()

    def is_intact(self) -> bool:
        return self.cursor.hasSelection() and self.cursor.selectedText() == self.finding.found


def _check_job(checker: Checker, text: str, revision: int) -> tuple[int, str, list[Finding]]:
    return revision, text, checker.check(text)


class CheckHighlighter(QObject):
    """Checks ``editor`` as the writer types and underlines what the checker finds.

    ``bank_provider`` gives the bank that "add to the bank as allowed" writes to (None: the
    wording is only allowed for this session).
    """

    #: The current findings (a list of :class:`Finding`), after every check and quick fix.
    findings_changed = Signal(list)
    #: A check finished (also when it found nothing); tests wait on it.
    checked = Signal()

    def __init__(
        self,
        editor: QPlainTextEdit,
        *,
        checker: Checker | None = None,
        bank_provider: Callable[[], PhraseBank | None] | None = None,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else editor)
        self.editor = editor
        self._checker = checker
        self._bank_provider = bank_provider or (lambda: None)
        self._revision = 0
        self._marks: list[_Mark] = []
        self._ignored: list[QTextCursor] = []
        self.enabled = True

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)
        self.dispatcher = Dispatcher(self)
        self.dispatcher.finished.connect(self._on_checked)

        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE_COLOR)
        self._format.setProperty(_OWN, True)

        editor.document().contentsChange.connect(self._on_contents_change)
        self._viewport = editor.viewport()
        self._viewport.installEventFilter(self)

    # -- checker ---------------------------------------------------------------------------

    @property
    def checker(self) -> Checker | None:
        return self._checker

    def set_checker(self, checker: Checker | None) -> None:
        """Use ``checker`` from now on and check the whole text again."""
        self._checker = checker
        self.check_now()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.check_now()
        else:
            self.dispatcher.cancel()
            self._set_marks([])

    # -- scheduling ------------------------------------------------------------------------

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        if removed or added:
            self._revision += 1
            self.schedule()

    def schedule(self) -> None:
        """Check after the typing pause (restarts the wait)."""
        if self.enabled:
            self._timer.start()

    def check_now(self) -> None:
        """Check the current text right away (in a worker)."""
        self._timer.stop()
        if not self.enabled or self._checker is None:
            return
        composing = getattr(self.editor, "is_composing", None)
        if callable(composing) and composing():
            self._timer.start()  # wait for the input method to commit
            return
        text = self.editor.toPlainText()
        self.dispatcher.submit(_check_job, self._checker, text, self._revision)

    def _on_checked(self, _job_id: int, result: object) -> None:
        if not isinstance(result, tuple):
            return
        revision: int = result[0]
        text: str = result[1]
        findings: list[Finding] = result[2]
        if revision != self._revision:
            return  # the text changed meanwhile; a newer check is on its way
        doc = self.editor.document()
        marks = []
        for f in findings:
            cursor = QTextCursor(doc)
            cursor.setPosition(qt_position(text, f.start))
            cursor.setPosition(qt_position(text, f.end), QTextCursor.MoveMode.KeepAnchor)
            marks.append(_Mark(f, cursor))
        self._set_marks(marks)
        self.checked.emit()

    # -- marks -----------------------------------------------------------------------------

    def _is_ignored(self, mark: _Mark) -> bool:
        span = mark.span()
        return any(
            (c.selectionStart(), c.selectionEnd()) == span
            and c.selectedText() == mark.finding.found
            for c in self._ignored
        )

    def _set_marks(self, marks: list[_Mark]) -> None:
        self._ignored = [c for c in self._ignored if c.hasSelection()]
        self._marks = [m for m in marks if not self._is_ignored(m)]
        self._refresh()

    def _refresh(self) -> None:
        others = [s for s in self.editor.extraSelections() if not s.format.property(_OWN)]
        own = []
        for mark in self._marks:
            if not mark.cursor.hasSelection():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.cursor = mark.cursor
            sel.format = self._format
            own.append(sel)
        self.editor.setExtraSelections(others + own)
        self.findings_changed.emit(self.findings())

    def findings(self) -> list[Finding]:
        """The findings shown now (ignored ones left out)."""
        return [m.finding for m in self._marks]

    def _mark_of(self, finding: Finding) -> _Mark | None:
        return next((m for m in self._marks if m.finding is finding), None) or next(
            (m for m in self._marks if m.finding == finding), None
        )

    def finding_at(self, position: int) -> Finding | None:
        """The finding under Qt cursor position ``position`` (either edge included)."""
        for mark in self._marks:
            start, end = mark.span()
            if start <= position <= end and start < end:
                return mark.finding
        return None

    def span_of(self, finding: Finding) -> tuple[int, int] | None:
        """Where ``finding`` is now in the document (Qt positions), if still shown."""
        mark = self._mark_of(finding)
        return mark.span() if mark else None

    # -- user actions ----------------------------------------------------------------------

    @staticmethod
    def tooltip_for(finding: Finding) -> str:
        return f"规范表述：{finding.standard}\n{finding.reason}"

    def select(self, finding: Finding) -> bool:
        """Select ``finding`` in the editor and show it (the issues panel's jump)."""
        mark = self._mark_of(finding)
        if mark is None or not mark.cursor.hasSelection():
            return False
        cursor = QTextCursor(mark.cursor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def replace(self, finding: Finding) -> bool:
        """Put the standard wording in place of ``finding`` (one undo step)."""
        mark = self._mark_of(finding)
        if mark is None or not mark.is_intact():
            return False
        cursor = QTextCursor(mark.cursor)
        cursor.beginEditBlock()
        cursor.insertText(finding.standard)
        cursor.endEditBlock()
        self._marks = [m for m in self._marks if m is not mark]
        self._refresh()
        return True

    def ignore(self, finding: Finding) -> None:
        """Stop flagging this occurrence (it stays ignored while its text is unchanged)."""
        mark = self._mark_of(finding)
        if mark is None:
            return
        self._ignored.append(QTextCursor(mark.cursor))
        self._marks = [m for m in self._marks if m is not mark]
        self._refresh()

    def allow(self, finding: Finding) -> None:
        """Add the wording to the bank as allowed: never flagged again, anywhere."""
        text = finding.found
        if self._checker is not None:
            self._checker.allow(text)
        bank = self._bank_provider()
        if bank is not None:
            try:
                bank.add(text, kind="formulation", origin="user", note="允许的写法（检查时加入）")
            except Exception as exc:  # a read-only or busy bank must not break the editor
                from phrasebank.bank import DuplicateError

                if not isinstance(exc, DuplicateError):  # a duplicate is allowed already
                    log.exception("could not add the allowed wording %r to the bank", text)
        self._marks = [m for m in self._marks if m.finding.found != text]
        self._refresh()
        self.check_now()

    def actions_for(self, finding: Finding, parent: QObject | None = None) -> list[QAction]:
        """The quick-fix actions for one finding: replace, ignore, allow."""
        owner = parent if parent is not None else self
        replace = QAction(f"改为“{finding.standard}”", owner)
        replace.setObjectName("checkReplace")
        replace.triggered.connect(lambda: self.replace(finding))
        ignore = QAction("忽略此处", owner)
        ignore.setObjectName("checkIgnore")
        ignore.triggered.connect(lambda: self.ignore(finding))
        allow = QAction(f"把“{finding.found}”作为允许的写法加入短语库", owner)
        allow.setObjectName("checkAllow")
        allow.triggered.connect(lambda: self.allow(finding))
        return [replace, ignore, allow]

    def context_menu_at(self, viewport_pos: QPoint) -> QMenu | None:
        """The editor's context menu with the quick fixes on top, when a finding is there."""
        position = self.editor.cursorForPosition(viewport_pos).position()
        finding = self.finding_at(position)
        if finding is None:
            return None
        menu = self.editor.createStandardContextMenu()
        header = QAction(finding.reason, menu)
        header.setEnabled(False)
        fixes = [header, *self.actions_for(finding, menu)]
        existing = menu.actions()
        if existing:
            menu.insertActions(existing[0], fixes)
            menu.insertSeparator(existing[0])
        else:
            menu.addActions(fixes)
        return menu

    # -- events ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport:
            if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                position = self.editor.cursorForPosition(event.pos()).position()
                finding = self.finding_at(position)
                if finding is not None:
                    QToolTip.showText(event.globalPos(), self.tooltip_for(finding), self.editor)
                    return True
            elif event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                menu = self.context_menu_at(event.pos())
                if menu is not None:
                    menu.exec(event.globalPos())
                    menu.deleteLater()
                    return True
        return super().eventFilter(watched, event)
