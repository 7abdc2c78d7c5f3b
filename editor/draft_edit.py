"""The draft editor: a QPlainTextEdit that stays friendly to Chinese input methods.

Rules from notes/ime.md that live here:
- keyboard focus and ``WA_InputMethodEnabled`` stay with this widget; a suggestion popup only
  sees the keys this widget forwards to its :class:`KeyInterceptor`;
- text typed and text composed are told apart: ``text_edited`` fires for committed changes
  only, ``composition_changed`` for the input method's preedit buffer;
- the input method's ``ImCursorRectangle`` query gets the exact caret rectangle (see
  ``_answer_input_method`` for why this is done on the query event), and the input method is
  told whenever the caret moves, so its candidate window follows the caret.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QGuiApplication,
    QInputMethodEvent,
    QInputMethodQueryEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

__all__ = ["DraftEdit", "KeyInterceptor"]


class KeyInterceptor(Protocol):
    """Gets first look at the editor's key presses (the suggestion controller)."""

    def wants_key(self, event: QKeyEvent) -> bool:
        """Whether ``event`` would be handled (used to win over window shortcuts)."""
        ...

    def handle_key(self, event: QKeyEvent) -> bool:
        """Handle ``event``; return True if it was consumed."""
        ...


class DraftEdit(QPlainTextEdit):
    """Plain-text editor for the speech draft (objectName ``draftEditor``)."""

    #: The document changed through committed input (typing, an input method commit, paste,
    #: undo …), never through preedit.
    text_edited = Signal()
    #: The input method's preedit buffer changed; the argument is the new preedit ("" = none).
    composition_changed = Signal(str)
    #: The editor lost keyboard focus.
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setTabChangesFocus(False)
        self._preedit = ""
        self._in_ime_event = 0
        self._silent = 0
        self.key_interceptor: KeyInterceptor | None = None
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._update_input_method)
        self.verticalScrollBar().valueChanged.connect(self._update_input_method)

    # -- input method --------------------------------------------------------------------

    def preedit(self) -> str:
        """The text the input method is composing right now ("" when idle)."""
        return self._preedit

    def is_composing(self) -> bool:
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        was_composing = bool(self._preedit)
        committed = bool(event.commitString()) or event.replacementLength() > 0
        self._in_ime_event += 1
        try:
            super().inputMethodEvent(event)
        finally:
            self._in_ime_event -= 1
        self._preedit = event.preeditString()
        if committed:
            self.text_edited.emit()
        if self._preedit or was_composing:
            self.composition_changed.emit(self._preedit)

    def caret_rect(self) -> QRect:
        """The caret rectangle in this widget's coordinates (preedit cursor included)."""
        return self.cursorRect().translated(self.viewport().pos())

    def commit_preedit(self) -> None:
        """Make the composition real before we insert text (ime.md rule 5).

        Asks the platform input method to commit. If the composition is still pending after
        that (no platform input context, or one that answers later), the input method is reset
        so it cannot commit again, and the preedit text is committed here, once.
        """
        if not self._preedit:
            return
        im = QGuiApplication.inputMethod()
        im.commit()
        if self._preedit:
            pending = self._preedit
            im.reset()
            if self._preedit:
                event = QInputMethodEvent("", [])
                event.setCommitString(pending)
                self.inputMethodEvent(event)

    def _update_input_method(self, *_args: object) -> None:
        if self.hasFocus():
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImCursorRectangle)

    # -- edits ---------------------------------------------------------------------------

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        # Changes during an input-method event are reported from inputMethodEvent itself
        # (preedit relayouts also land here); changes from our own insertions are silent.
        if self._in_ime_event or self._silent or self._preedit:
            return
        if removed or added:
            self.text_edited.emit()

    def silent_edit(self) -> _SilentEdit:
        """Context manager: edits made inside do not emit ``text_edited``."""
        return _SilentEdit(self)

    # -- keys and focus ------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.InputMethodQuery:
            assert isinstance(event, QInputMethodQueryEvent)
            return self._answer_input_method(event)
        # Win over window shortcuts (Esc, Alt+digit menus) while the popup wants the key.
        if kind == QEvent.Type.ShortcutOverride and self.key_interceptor is not None:
            assert isinstance(event, QKeyEvent)
            if not self._preedit and self.key_interceptor.wants_key(event):
                event.accept()
                return True
        return super().event(event)

    def _answer_input_method(self, event: QInputMethodQueryEvent) -> bool:
        """Answer the input method's queries; only the caret rectangle is ours.

        Narrow on purpose (ime.md rule 7). The input method asks through this event, and the
        base class fills every answer in C++. Only ``ImCursorRectangle`` is replaced, by the
        caret rectangle in widget coordinates including the frame and viewport margins (the
        base answer leaves those out). We do not override the ``inputMethodQuery`` virtual:
        a Python override sees every query, and some base answers cannot cross into Python
        (``ImCurrentSelection`` is a private wrapper type in Qt 6), so they would reach the
        input method as empty values.
        """
        handled = super().event(event)
        if event.queries() & Qt.InputMethodQuery.ImCursorRectangle:
            event.setValue(Qt.InputMethodQuery.ImCursorRectangle, QRectF(self.caret_rect()))
        return handled

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys never reach the popup while the input method composes: Enter, digits and
        # Esc belong to the input method then (ime.md rule 4).
        if (
            self.key_interceptor is not None
            and not self._preedit
            and self.key_interceptor.handle_key(event)
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Some item views clear this when they take focus; the editor must keep it.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class _SilentEdit:
    def __init__(self, editor: DraftEdit) -> None:
        self._editor = editor

    def __enter__(self) -> DraftEdit:
        self._editor._silent += 1
        return self._editor

    def __exit__(self, *exc: object) -> None:
        self._editor._silent -= 1
