"""Type Chinese text into a widget in tests.

``QTest.keyClicks`` aborts on characters outside Latin-1 in Qt 6 builds with
assertions (qasciikey.cpp), so Chinese is typed as real key events that carry
their text, the way a keyboard layout delivers them, or as input-method commits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Send one key press and release per character, each carrying that character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)


def ime_commit(widget: QWidget, text: str) -> None:
    """Deliver ``text`` as an input method commit (what Pinyin IMEs send after a choice)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def ime_preedit(widget: QWidget, preedit: str) -> None:
    """Show ``preedit`` as uncommitted composition text (pinyin being typed)."""
    QCoreApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
