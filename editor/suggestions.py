"""As-you-type suggestions: the controller that ties editor, popup, panel and bank together.

Flow (notes/ime.md, notes/style.md):

1. The editor reports committed edits (``DraftEdit.text_edited``); preedit never counts.
   Each edit hides the popup, bumps an edit serial and restarts a debounce timer.
2. When the timer fires, a plain-text snapshot of the text before the caret (at most
   ``SNAPSHOT_CHARS`` characters) goes to ``bank.suggest`` on a worker thread, tagged with a
   job id. The answer is shown only if it is the latest job *and* the caret and text are still
   where they were when it was asked; otherwise it is dropped.
3. While the input method composes, the popup is hidden and its state kept; a composition
   cancelled without a commit brings it back. Keys reach the popup only while it is visible
   and nothing is being composed.
4. Taking a suggestion replaces ``replace`` characters before the caret with its text in one
   undo step, records the use off the UI thread, and selects the first ×× blank, if any.
   Tab then walks the remaining blanks of that insertion.

Enter never accepts a suggestion: it inserts a new line as usual (many input methods commit
raw letters with Enter, and a writer ending a paragraph must not get a phrase instead).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QMainWindow, QWidget

from editor.draft_edit import DraftEdit
from editor.suggestion_panel import SuggestionPanel
from editor.suggestion_popup import SuggestionPopup
from editor.workers import Dispatcher, favour_ui_thread
from phrasebank.model import SLOT, Occurrence, Suggestion

__all__ = [
    "SNAPSHOT_CHARS",
    "SuggestionController",
    "install_suggestions",
    "text_after",
    "text_before",
]

log = logging.getLogger(__name__)

#: How much text before the caret a query sees. Suggestions only look at the current clause
#: and its neighbours; a bounded snapshot keeps the UI thread's copy O(1) in draft length.
SNAPSHOT_CHARS = 200
PANEL_LIMIT = 30
#: The panel refreshes when the writer pauses this long (ms), not on every answer: it is for
#: browsing, and rebuilding and repainting 30 rows at each keystroke would cost the typing
#: thread several milliseconds per key for nothing anyone reads mid-word.
PANEL_IDLE_MS = 400

_DEFAULTS: dict[str, Any] = {
    "suggestions_enabled": True,
    "suggest_delay_ms": 120,
    "suggest_count": 5,
    "min_chars": 2,
    "fuzzy_strictness": 0.5,
}

_ALT_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def text_after(cursor: QTextCursor) -> str:
    """All plain text after ``cursor``'s position (for where-am-I-in-the-speech ranking)."""
    c = QTextCursor(cursor.document())
    c.setPosition(cursor.position())
    c.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    return c.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")


def text_before(cursor: QTextCursor, limit: int = SNAPSHOT_CHARS) -> str:
    """Up to ``limit`` characters of plain text before ``cursor``'s position."""
    pos = cursor.position()
    c = QTextCursor(cursor.document())
    c.setPosition(max(0, pos - limit))
    c.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
    # QTextCursor uses U+2029 between paragraphs; the bank expects plain newlines.
    return c.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")


@dataclass
class _Context:
    """What a suggestion list was computed for: the edit serial, caret position and text."""

    serial: int
    pos: int
    before: str
    job_id: int = 0
    items: list[Suggestion] = field(default_factory=list)
    row: int = 0


def _suggest_job(bank: Any, before: str, limit: int, options: dict[str, Any]) -> list[Suggestion]:
    return list(bank.suggest(before, limit=limit, **options))


def _accepted_options(bank: Any) -> set[str] | None:
    """Keyword options ``bank.suggest`` takes (None = any); a small fake takes none."""
    try:
        params = inspect.signature(bank.suggest).parameters
    except (TypeError, ValueError):
        return set()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return None
    return {name for name, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}


def _occurrences_job(bank: Any, phrase_id: int) -> list[Occurrence]:
    return list(bank.occurrences(phrase_id, limit=20))


class SuggestionController(QObject):
    """Queries the bank for the text before the caret and shows the answers."""

    #: A suggestion was inserted into the draft.
    accepted = Signal(object)
    #: The popup was filled with a fresh answer (its suggestions).
    suggestions_shown = Signal(object)

    def __init__(
        self,
        editor: DraftEdit,
        parent: QObject | None = None,
        *,
        panel: SuggestionPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.bank: Any = None
        self.popup = SuggestionPopup(editor)
        self.panel = panel if panel is not None else SuggestionPanel()
        self.dispatcher = Dispatcher(self)
        self.panel_dispatcher = Dispatcher(self)
        self.occurrence_dispatcher = Dispatcher(self)
        self.panel_delay_ms = PANEL_IDLE_MS
        self.enabled = True
        self.delay_ms = 120
        self.count = 5
        self.min_chars = 2
        self.fuzzy_strictness = 0.5
        self.stale_dropped = 0

        self._serial = 0
        self._request: _Context | None = None
        self._shown: _Context | None = None  # what the popup shows
        self._saved: _Context | None = None  # popup state kept while the IME composes
        self._panel_context: _Context | None = None
        self._panel_request: _Context | None = None
        self._slots: list[QTextCursor] = []
        self._bank_options: set[str] | None = set()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.request_now)
        # Owned by the controller, so it dies with the window (a bare singleShot would not).
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self._place_and_show)
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.timeout.connect(self.refresh_panel)

        editor.key_interceptor = self
        editor.text_edited.connect(self._on_text_edited)
        editor.composition_changed.connect(self._on_composition_changed)
        editor.cursorPositionChanged.connect(self._on_cursor_moved)
        editor.focus_lost.connect(self._on_focus_lost)
        editor.verticalScrollBar().valueChanged.connect(self._reposition)
        editor.horizontalScrollBar().valueChanged.connect(self._reposition)
        editor.installEventFilter(self)
        self.dispatcher.finished.connect(self._on_suggestions)
        self.panel_dispatcher.finished.connect(self._on_panel_suggestions)
        self.occurrence_dispatcher.finished.connect(self._on_occurrences)
        self.popup.clicked.connect(self._on_popup_clicked)
        self.panel.insert_requested.connect(self._on_panel_insert)
        self.panel.current_changed.connect(self._on_panel_current)

    # -- public API ----------------------------------------------------------------------

    def set_bank(self, bank: Any) -> None:
        """Use ``bank`` (anything with ``suggest``/``record_use``/``occurrences``); None = off."""
        self.bank = bank
        self._bank_options = _accepted_options(bank) if bank is not None else set()
        self.dispatcher.cancel()
        self._request = None
        self.hide_popup()
        self._saved = None

    def apply_settings(self, settings: Any) -> None:
        """Read the suggestion settings (missing attributes keep their defaults)."""

        def get(name: str) -> Any:
            return getattr(settings, name, _DEFAULTS[name])

        self.enabled = bool(get("suggestions_enabled"))
        self.delay_ms = max(0, int(get("suggest_delay_ms")))
        self.count = max(1, min(9, int(get("suggest_count"))))
        self.min_chars = max(0, int(get("min_chars")))
        self.fuzzy_strictness = float(get("fuzzy_strictness"))
        if not self.enabled:
            self._timer.stop()
            self.dispatcher.cancel()
            self.hide_popup()
            self._saved = None

    def accept_current(self) -> bool:
        """Insert the popup's highlighted suggestion; False if the popup is not showing."""
        if not self.popup.isVisible() or self._shown is None:
            return False
        return self.accept_row(self.popup.current_row())

    def accept_row(self, row: int) -> bool:
        """Insert suggestion ``row`` (0-based) of the popup."""
        shown = self._shown
        if not self.popup.isVisible() or shown is None or not 0 <= row < len(shown.items):
            return False
        return self.insert(shown.items[row], shown)

    def next_slot(self) -> bool:
        """Select the next ×× blank left by the last insertion; False if none is left."""
        pending = [c for c in self._slots if c.selectedText() == SLOT]
        self._slots = pending
        if not pending:
            return False
        current = self.editor.textCursor()
        after = [c for c in pending if c.selectionStart() >= current.selectionEnd()]
        target = after[0] if after else pending[0]
        if (
            target.selectionStart() == current.selectionStart()
            and target.selectionEnd() == current.selectionEnd()
        ):
            return False
        self.editor.setTextCursor(QTextCursor(target))
        self.editor.ensureCursorVisible()
        return True

    def pending_slots(self) -> int:
        """How many blanks of the last insertion are still unfilled."""
        return sum(1 for c in self._slots if c.selectedText() == SLOT)

    def hide_popup(self) -> None:
        self.popup.hide()
        self._shown = None

    # -- querying ------------------------------------------------------------------------

    def _on_text_edited(self) -> None:
        self._serial += 1
        self._saved = None
        self.hide_popup()
        self.dispatcher.cancel()
        self._request = None
        self.panel_dispatcher.cancel()
        if self.enabled and self.bank is not None:
            self._timer.start(self.delay_ms)
            if self.panel.isVisible():
                self._panel_timer.start(max(self.delay_ms, self.panel_delay_ms))

    def request_now(self) -> None:
        """Ask the bank about the text before the caret (normally called by the debounce)."""
        self._timer.stop()
        if not self.enabled or self.bank is None:
            return
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return
        before = text_before(cursor)
        if len(before.strip()) < max(1, self.min_chars):
            self.dispatcher.cancel()
            self._request = None
            return
        ctx = _Context(self._serial, cursor.position(), before)
        self._request = ctx
        query, options = self._query(cursor, before)
        ctx.job_id = self.dispatcher.submit(_suggest_job, self.bank, query, self.count, options)

    def _query(self, cursor: QTextCursor, snapshot: str) -> tuple[str, dict[str, Any]]:
        """What the bank is asked: the text before the caret and the options.

        A bank that takes ``after`` gets the whole draft around the caret (a copy costs well
        under a millisecond for a long speech), so it can offer the next heading number and
        rank openings and closings by where the caret is in the speech; others get the
        bounded snapshot.
        """
        options = self.suggest_options()
        accepted = self._bank_options
        if accepted is not None and "after" not in accepted:
            return snapshot, options
        options["after"] = text_after(cursor)
        return text_before(cursor, cursor.position()), options

    def suggest_options(self) -> dict[str, Any]:
        """The settings passed on to ``bank.suggest`` (those the bank understands)."""
        from phrasebank.suggest import threshold_for_setting

        wanted = {
            "min_chars": max(1, self.min_chars),
            # The 0..1 setting (0.5 default), mapped onto the engine's tuned threshold.
            "strictness": threshold_for_setting(self.fuzzy_strictness),
        }
        accepted = self._bank_options
        return {k: v for k, v in wanted.items() if accepted is None or k in accepted}

    def _still_valid(self, ctx: _Context) -> bool:
        cursor = self.editor.textCursor()
        return (
            ctx.serial == self._serial
            and ctx.pos == cursor.position()
            and not cursor.hasSelection()
        )

    def _on_suggestions(self, job_id: int, result: object) -> None:
        ctx = self._request
        if ctx is None or ctx.job_id != job_id or not self._still_valid(ctx):
            self.stale_dropped += 1
            return
        self._request = None
        items = list(result) if isinstance(result, Sequence) else []
        ctx.items = items[: self.count]
        if not ctx.items:
            return
        if self.editor.is_composing():
            self._saved = ctx  # shown if the composition is cancelled
            return
        self._show(ctx)

    def _show(self, ctx: _Context) -> None:
        self._shown = ctx
        self.popup.set_suggestions(ctx.items)
        self.popup.set_current_row(ctx.row)
        # The caret rectangle can be stale for one event-loop turn after a commit.
        self._place_timer.start()
        self.suggestions_shown.emit(list(ctx.items))

    def _place_and_show(self) -> None:
        ctx = self._shown
        if ctx is None or not self._still_valid(ctx) or self.editor.is_composing():
            self.hide_popup()
            return
        if not self.editor.isVisible():
            return
        if self._place():
            self.popup.show()
        else:
            self.popup.hide()

    def caret_global_rect(self) -> QRect:
        rect = self.editor.caret_rect()
        return QRect(self.editor.mapToGlobal(rect.topLeft()), rect.size())

    def _place(self) -> bool:
        """Place the popup at the caret; False if the caret is scrolled out of view."""
        if not self.editor.viewport().rect().intersects(self.editor.cursorRect()):
            return False
        self.popup.place(self.caret_global_rect())
        return True

    def _reposition(self, *_args: object) -> None:
        if self.popup.isVisible() and not self._place():
            self.popup.hide()

    # -- input method --------------------------------------------------------------------

    def _on_composition_changed(self, preedit: str) -> None:
        if preedit:
            if self.popup.isVisible() and self._shown is not None:
                self._shown.row = self.popup.current_row()
                self._saved = self._shown
            self.hide_popup()
            return
        # Composition over. A commit already reported text_edited (which dropped the saved
        # state); a cancelled one brings the previous popup back.
        saved, self._saved = self._saved, None
        if saved is not None and self._still_valid(saved) and self.enabled:
            self._show(saved)

    def _on_cursor_moved(self) -> None:
        shown = self._shown
        if shown is not None and not self._still_valid(shown):
            self.hide_popup()

    def _on_focus_lost(self) -> None:
        self.hide_popup()

    def follow_window(self, window: QWidget) -> None:
        """Keep the popup at the caret when ``window`` (the editor's top level) moves."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._reposition()
        return False

    # -- keys ----------------------------------------------------------------------------

    def _key_action(self, event: QKeyEvent) -> str | None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        no_mods = mods == Qt.KeyboardModifier.NoModifier
        if self.popup.isVisible() and self._shown is not None:
            if key == Qt.Key.Key_Tab and no_mods:
                return "accept"
            if key in _ALT_DIGITS and mods == Qt.KeyboardModifier.AltModifier:
                return "number" if _ALT_DIGITS[key] <= self.popup.count() else None
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and no_mods:
                return "move"
            if key == Qt.Key.Key_Escape and no_mods:
                return "close"
            return None
        if key == Qt.Key.Key_Tab and no_mods and self.pending_slots():
            return "slot"
        return None

    def wants_key(self, event: QKeyEvent) -> bool:
        return self._key_action(event) is not None

    def handle_key(self, event: QKeyEvent) -> bool:
        action = self._key_action(event)
        if action == "accept":
            return self.accept_current()
        if action == "number":
            return self.accept_row(_ALT_DIGITS[event.key()] - 1)
        if action == "move":
            self.popup.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        if action == "close":
            self.hide_popup()
            return True
        if action == "slot":
            return self.next_slot()
        return False

    # -- inserting -----------------------------------------------------------------------

    def insert(self, suggestion: Suggestion, ctx: _Context | None = None) -> bool:
        """Replace ``suggestion.replace`` characters before the caret with its text.

        One undo step. ``ctx`` is the context the suggestion was computed for; if the text
        before the caret no longer ends with the characters it meant to replace, nothing is
        replaced and the text is inserted at the caret.
        """
        editor = self.editor
        if editor.is_composing():
            editor.commit_preedit()  # or the composed text would be inserted twice
        cursor = editor.textCursor()
        if cursor.hasSelection():
            with editor.silent_edit():
                cursor.removeSelectedText()
        pos = cursor.position()
        n = max(0, min(suggestion.replace, pos))
        if n and ctx is not None:
            meant = ctx.before[-n:] if n <= len(ctx.before) else None
            if meant is None or text_before(cursor, n) != meant:
                n = 0
        cursor.beginEditBlock()
        with editor.silent_edit():
            cursor.setPosition(pos - n)
            cursor.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(suggestion.text)
        cursor.endEditBlock()
        start = pos - n
        # The insertion is our own: no query for it, and nothing pending may show up.
        self._serial += 1
        self._timer.stop()
        self.dispatcher.cancel()
        self._request = None
        self._saved = None
        self.hide_popup()
        self._slots = self._make_slots(start, suggestion.text)
        editor.setTextCursor(cursor)
        if self._slots:
            editor.setTextCursor(QTextCursor(self._slots[0]))
        editor.ensureCursorVisible()
        if self.bank is not None and suggestion.phrase_id:
            self.dispatcher.run_detached(self.bank.record_use, suggestion.phrase_id)
        self.accepted.emit(suggestion)
        return True

    def _make_slots(self, start: int, text: str) -> list[QTextCursor]:
        slots: list[QTextCursor] = []
        i = text.find(SLOT)
        while i >= 0:
            c = QTextCursor(self.editor.document())
            c.setPosition(start + i)
            c.setPosition(start + i + len(SLOT), QTextCursor.MoveMode.KeepAnchor)
            slots.append(c)
            i = text.find(SLOT, i + len(SLOT))
        return slots

    def _on_popup_clicked(self, row: int) -> None:
        if self.accept_row(row):
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- panel ---------------------------------------------------------------------------

    def _on_panel_insert(self, suggestion: Suggestion) -> None:
        self.insert(suggestion, self._panel_context)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_panel_current(self, suggestion: Suggestion | None) -> None:
        if suggestion is None or self.bank is None or not hasattr(self.bank, "occurrences"):
            self.occurrence_dispatcher.cancel()
            return
        self.occurrence_dispatcher.submit(_occurrences_job, self.bank, suggestion.phrase_id)

    def _on_occurrences(self, _job_id: int, result: object) -> None:
        self.panel.set_occurrences(list(result) if isinstance(result, Sequence) else [])

    def refresh_panel(self) -> None:
        """Ask for the panel's longer list now (the writer paused, or the panel was shown)."""
        self._panel_timer.stop()
        if not self.enabled or self.bank is None or not self.panel.isVisible():
            return
        cursor = self.editor.textCursor()
        before = text_before(cursor)
        if cursor.hasSelection() or len(before.strip()) < max(1, self.min_chars):
            self.panel_dispatcher.cancel()
            return
        ctx = _Context(self._serial, cursor.position(), before)
        self._panel_request = ctx
        query, options = self._query(cursor, before)
        ctx.job_id = self.panel_dispatcher.submit(
            _suggest_job, self.bank, query, PANEL_LIMIT, options
        )

    def _on_panel_suggestions(self, job_id: int, result: object) -> None:
        ctx = self._panel_request
        if ctx is None or ctx.job_id != job_id or not self._still_valid(ctx):
            self.stale_dropped += 1
            return
        ctx.items = list(result) if isinstance(result, Sequence) else []
        self._panel_context = ctx
        self.panel.set_suggestions(ctx.items)


def install_suggestions(
    window: QMainWindow, editor: DraftEdit, settings: Any
) -> SuggestionController:
    """Create the popup and the dockable panel (shown, at the right) for ``editor``.

    Also shortens the interpreter's GIL switch interval (see ``workers.favour_ui_thread``).
    """
    favour_ui_thread()
    panel = SuggestionPanel(window)
    controller = SuggestionController(editor, window, panel=panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    controller.follow_window(window)

    def on_visibility(visible: bool) -> None:
        if visible:
            controller.refresh_panel()

    panel.visibilityChanged.connect(on_visibility)
    controller.apply_settings(settings)
    return controller
