from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from editor.autosave import find_orphans, write_autosave_file
from editor.main_window import MainWindow, SaveChoice
from phrasebank.paths import autosave_dir
from tests.editor.test_main_window import build_window
from tests.editor.typing import type_text


@pytest.fixture
def make_window(qtbot):
    return lambda **kwargs: build_window(qtbot, **kwargs)


def autosaves() -> list:
    folder = autosave_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_autosave_is_written_within_two_seconds_of_an_edit(make_window, qtbot, tmp_path):
    window = make_window(load_bank=False)
    path = tmp_path / "稿.txt"
    path.write_text("旧稿", encoding="utf-8")
    assert window.open_path(path)
    assert autosaves() == []
    type_text(window.editor, "新的一段")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    data = json.loads(autosaves()[0].read_text(encoding="utf-8"))
    assert data["text"] == "新的一段旧稿"
    assert data["source"] == str(path.resolve())


def test_untitled_autosave_records_no_file(make_window, qtbot):
    window = make_window(load_bank=False)
    type_text(window.editor, "未命名的稿子")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    assert json.loads(autosaves()[0].read_text(encoding="utf-8"))["source"] is None


def test_continuous_typing_still_autosaves_every_two_seconds(make_window, qtbot):
    window = make_window(load_bank=False)
    typist = QTimer(window)
    typist.setInterval(150)  # faster than the idle delay: the idle timer alone never fires
    typist.timeout.connect(lambda: type_text(window.editor, "字"))
    typist.start()
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2300)
    assert typist.isActive()
    saved = json.loads(autosaves()[0].read_text(encoding="utf-8"))["text"]
    typist.stop()
    assert saved and set(saved) == {"字"}


def test_autosave_removed_on_save_and_on_clean_close(make_window, qtbot, tmp_path):
    window = make_window(load_bank=False)
    type_text(window.editor, "稿")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    assert window.save_to(tmp_path / "a.txt")
    assert autosaves() == []
    type_text(window.editor, "再改")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    window.ui.save_answers = []  # default answer: discard
    assert window.close()
    assert autosaves() == []


def test_a_live_window_autosave_is_not_offered_to_another_window(make_window, qtbot):
    first = make_window(load_bank=False)
    type_text(first.editor, "正在写")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    assert find_orphans() == []
    second = make_window(load_bank=False)
    assert second.check_recovery() is False
    assert second.ui.restore_offers == []


def test_restore_after_a_crash(qtbot, monkeypatch, tmp_path):
    source = tmp_path / "讲话.txt"
    source.write_text("保存过的旧版本", encoding="utf-8")
    text = "同志们：\n崩溃前写下的内容"
    # What a killed editor leaves behind: the autosave JSON and a lock of a dead process.
    write_autosave_file(autosave_dir() / "draft-crashed.json", text, source=source)
    offers = []

    def ask(self, info):
        offers.append(info)
        return True

    monkeypatch.setattr(MainWindow, "_ask_restore", ask)
    window = MainWindow(load_bank=False)
    qtbot.addWidget(window)
    window._ask_save_changes = lambda: SaveChoice.DISCARD
    qtbot.waitUntil(lambda: window.editor.toPlainText() == text)
    assert offers[0].text == text
    assert offers[0].source == source
    assert window.path == source
    assert window.isWindowModified()
    assert not (autosave_dir() / "draft-crashed.json").exists()
    # The restored draft is protected again by the new window's own autosave.
    assert [p.read_text(encoding="utf-8") for p in autosaves()] and find_orphans() == []


def test_declined_restore_removes_the_autosave(qtbot, monkeypatch):
    write_autosave_file(autosave_dir() / "draft-old.json", "不要了", source=None)
    offers = []
    monkeypatch.setattr(MainWindow, "_ask_restore", lambda self, info: offers.append(info) or False)
    window = MainWindow(load_bank=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(offers))
    assert window.editor.toPlainText() == ""
    assert autosaves() == []


def test_corrupt_autosave_is_ignored(qtbot):
    autosave_dir().mkdir(parents=True)
    (autosave_dir() / "draft-bad.json").write_text("{oops", encoding="utf-8")
    assert find_orphans() == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill")
def test_nothing_older_than_two_seconds_is_lost_when_the_process_is_killed(qtbot, monkeypatch):
    """A real editor process types, gets SIGKILLed, and the next start restores its text."""
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from editor.main_window import MainWindow, SaveChoice
        from tests.editor.typing import type_text

        app = QApplication([])
        window = MainWindow(load_bank=False)
        window.show()
        type_text(window.editor, "被强行结束前输入的文字")
        def report(path):
            print("AUTOSAVED", flush=True)
        window.autosaver.saved.connect(report)
        app.exec()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        line = proc.stdout.readline()  # blocks until the child's autosave (≤ 2 s after typing)
        assert line.strip() == "AUTOSAVED"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert len(find_orphans()) == 1
    monkeypatch.setattr(MainWindow, "_ask_restore", lambda self, info: True)
    window = MainWindow(load_bank=False)
    qtbot.addWidget(window)
    window._ask_save_changes = lambda: SaveChoice.DISCARD
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "被强行结束前输入的文字")
