"""The outline dock: headings as a tree, click to jump, follows the text as it changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow

from editor.draft_edit import DraftEdit
from editor.outline_panel import OutlinePanel
from phrasebank import paths
from phrasebank.clean import clean_text
from tests.editor.typing import type_text

SPEECH = "\n".join(
    [
        "在全区经济工作会议上的讲话",
        "同志们：",
        "今天，我们召开全区经济工作会议。",
        "一、统一思想",
        "（一）认清形势。正文。",
        "（二）坚定信心。正文。",
        "二、突出重点",
        "正文。",
    ]
)


def make(qtbot, text: str = SPEECH):
    window = QMainWindow()
    editor = DraftEdit()
    editor.setPlainText(text)
    window.setCentralWidget(editor)
    panel = OutlinePanel(editor, window, delay_ms=20)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, panel)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, editor, panel


def labels(panel: OutlinePanel) -> list[tuple[int, str]]:
    out = []

    def walk(item, depth):
        out.append((depth, item.text(0)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(panel.tree.topLevelItemCount()):
        walk(panel.tree.topLevelItem(i), 0)
    return out


def test_tree_of_title_headings_and_subheadings(qtbot):
    _window, _editor, panel = make(qtbot)
    assert panel.objectName() == "outlinePanel"
    assert labels(panel) == [
        (0, "在全区经济工作会议上的讲话"),
        (1, "一、统一思想"),
        (2, "（一）认清形势"),
        (2, "（二）坚定信心"),
        (1, "二、突出重点"),
    ]


def test_click_jumps_to_the_heading(qtbot):
    _window, editor, panel = make(qtbot)
    item = panel.item_for_line(6)
    assert item is not None and item.text(0) == "二、突出重点"
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = editor.textCursor()
    assert cursor.blockNumber() == 6 and cursor.positionInBlock() == 0
    qtbot.waitUntil(editor.hasFocus, timeout=2000)


def test_follows_the_text_as_it_changes(qtbot):
    _window, editor, panel = make(qtbot)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(panel.outline_changed, timeout=3000) as got:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, "三、狠抓落实")
    assert got.args[0][-1].title == "狠抓落实"
    assert labels(panel)[-1] == (1, "三、狠抓落实")
    # deleting a heading removes it
    with qtbot.waitSignal(panel.outline_changed, timeout=3000):
        editor.setPlainText(SPEECH.replace("（二）坚定信心。正文。\n", ""))
    assert (2, "（二）坚定信心") not in labels(panel)


def test_ordinary_typing_does_not_rebuild_the_tree(qtbot):
    _window, editor, panel = make(qtbot)
    rebuilt = []
    panel.outline_changed.connect(rebuilt.append)
    first = panel.tree.topLevelItem(0)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, "再写一句。")
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=3000)
    assert rebuilt == []
    assert panel.tree.topLevelItem(0) is first


def test_outline_of_a_seed_speech(qtbot):
    item = next(t for t in paths.resource("seeds").iterdir() if t.name.startswith("004_"))
    _window, _editor, panel = make(qtbot, clean_text(item.read_text(encoding="utf-8")))
    assert [text for _d, text in labels(panel)] == [
        "区长在全区统筹推进重点工作会议上的讲话",
        "一、切实提高认识",
        "二、精准把握重点",
        "三、全力抓好落实",
    ]
