"""The draft editor: a QPlainTextEdit that stays friendly to Chinese input methods.

Rules from notes/ime.md that live here:
- keyboard focus and ``WA_InputMethodEnabled`` stay with this widget; a suggestion popup only
  sees the keys this widget forwards to its :class:`KeyInterceptor`;
- text typed and text composed are told apart: ``text_edited`` fires for committed changes
  only, ``composition_changed`` for the input method's preedit buffer;
- ``inputMethodQuery(ImCursorRectangle)`` answers the exact caret rectangle, and the input
  method is told whenever the caret moves, so its candidate window follows the caret.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QInputMethodEvent, QKeyEvent
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

    def inputMethodQuery(self, query: Qt.InputMethodQuery, argument: Any = None) -> Any:
        # Narrow override (ime.md rule 7): only the caret rectangle, in widget coordinates
        # with frame and viewport margins included; everything else is the base answer.
        if query == Qt.InputMethodQuery.ImCursorRectangle:
            return QRectF(self.caret_rect())
        if argument is None:
            return super().inputMethodQuery(query)
        return super().inputMethodQuery(query, argument)

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
        # Win over window shortcuts (Esc, Alt+digit menus) while the popup wants the key.
        if event.type() == QEvent.Type.ShortcutOverride and self.key_interceptor is not None:
            assert isinstance(event, QKeyEvent)
            if not self._preedit and self.key_interceptor.wants_key(event):
                event.accept()
                return True
        return super().event(event)

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
