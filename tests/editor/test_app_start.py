from __future__ import annotations

import subprocess
import sys

from editor import __version__
from editor.main_window import MainWindow
from tests.editor.typing import type_text


def test_main_window_has_a_draft_editor(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    editor = window.findChild(type(window.editor), "draftEditor")
    assert editor is window.editor
    type_text(editor, "同志们")
    assert editor.toPlainText() == "同志们"
    editor.document().setModified(False)  # closing must not stop at "save changes?"


def test_speech_editor_version_and_help():
    for flag in ("--version", "--help"):
        out = subprocess.run(
            [sys.executable, "-m", "editor", flag], capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stderr
    out = subprocess.run(
        [sys.executable, "-m", "editor", "--version"], capture_output=True, text=True, timeout=60
    )
    assert __version__ in out.stdout
