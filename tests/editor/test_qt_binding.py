"""The Qt binding must keep Python's reference counts straight.

PySide6 6.12.0 under CPython 3.11 took a reference away from ``True`` on every signal emit
and from ``None`` on every void call; after a few hundred the interpreter aborts
("bool_dealloc"), which in the editor means a crash mid-sentence. pyproject.toml keeps that
release out; this test fails if a leaking binding is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    changed = Signal(int)


def test_signal_emits_and_void_calls_do_not_leak_references(qtbot):
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    label = QLabel()
    qtbot.addWidget(label)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(50):
        emitter.changed.emit(i)
        label.setText(str(i))
    # Other threads may take or drop a few references meanwhile; a leak loses 50.
    assert sys.getrefcount(True) > true_before - 25
    assert sys.getrefcount(None) > none_before - 25
