"""Helpers for the suggestion tests: a window with a DraftEdit and the controller, keys, gates."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from editor.draft_edit import DraftEdit
from editor.suggestions import SuggestionController, install_suggestions
from phrasebank.model import Suggestion
from tests.editor.fake_bank import FakeBank


def settings(**overrides: Any) -> SimpleNamespace:
    """Settings as the window helper's dataclass would carry them (fast debounce for tests)."""
    values: dict[str, Any] = {"suggest_delay_ms": 5, "suggest_count": 5, "min_chars": 1}
    values.update(overrides)
    return SimpleNamespace(**values)


def make_editor(
    qtbot: Any, bank: Any = None, *, panel: bool = True, **overrides: Any
) -> tuple[QMainWindow, DraftEdit, SuggestionController]:
    """A shown, active window with a focused DraftEdit and suggestions installed.

    ``panel=False`` hides the panel, so only the popup queries the bank.
    """
    window = QMainWindow()
    editor = DraftEdit()
    window.setCentralWidget(editor)
    # A bank that holds worker threads (GateBank) lets them go when the test ends.
    release = getattr(bank, "release_all", None)
    qtbot.addWidget(window, before_close_func=lambda _w: release() if release else None)
    controller = install_suggestions(window, editor, settings(**overrides))
    controller.set_bank(FakeBank() if bank is None else bank)
    controller.panel_delay_ms = 5
    window.resize(900, 600)
    window.move(40, 40)
    controller.panel.setVisible(panel)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return window, editor, controller


def press(widget: QWidget, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> bool:
    """Send one key press and release; return whether the press was accepted."""
    press_event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    QCoreApplication.sendEvent(widget, press_event)
    QCoreApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers))
    return press_event.isAccepted()


def wait_popup(qtbot: Any, controller: SuggestionController) -> list[Suggestion]:
    qtbot.waitUntil(lambda: controller.popup.isVisible(), timeout=3000)
    return controller.popup.suggestions()


def popup_texts(controller: SuggestionController) -> list[str]:
    return [s.text for s in controller.popup.suggestions()]


class GateBank(FakeBank):
    """A fake bank whose ``suggest`` blocks until the test opens that call's gate.

    Lets a test decide in which order answers arrive, like a slow bank on a busy machine.
    """

    def __init__(self) -> None:
        super().__init__()
        self.gates: list[threading.Event] = []
        self._gate_lock = threading.Lock()

    def suggest(self, before: str, *, limit: int = 5) -> list[Suggestion]:
        gate = threading.Event()
        with self._gate_lock:
            self.gates.append(gate)
        gate.wait(5)
        return super().suggest(before, limit=limit)

    def release_all(self) -> None:
        with self._gate_lock:
            for gate in self.gates:
                gate.set()


def real_bank(entries: Any = None) -> Any:
    """A throw-away ``PhraseBank`` holding the fake bank's entries (close it when done)."""
    from phrasebank import PhraseBank
    from phrasebank.model import FUNCTION_TAGS
    from tests.editor.fake_bank import DEFAULT_PHRASES

    bank = PhraseBank.memory()
    for text, kind, tags in DEFAULT_PHRASES if entries is None else entries:
        bank.add(
            text,
            kind=kind,
            functions=[t for t in tags if t in FUNCTION_TAGS],
            topics=[t for t in tags if t not in FUNCTION_TAGS],
        )
    return bank
