"""The wording checker in the editor: underline as you type, tooltip, quick fixes, issues panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit, QToolTip

from editor.check_highlighter import CheckHighlighter, qt_position
from editor.draft_edit import DraftEdit
from editor.issues_panel import IssuesPanel
from editor.structure import install_structure
from phrasebank.bank import PhraseBank
from phrasebank.check import Checker
from phrasebank.curated import CuratedEntry
from tests.editor.typing import ime_commit, ime_preedit, type_text


def small_checker() -> Checker:
    return Checker(
        [
            CuratedEntry(text="推动高质量发展"),
            CuratedEntry(text="以习近平同志为核心的党中央"),
            CuratedEntry(text="不忘初心、牢记使命"),
        ]
    )


@pytest.fixture
def setup(qtbot):
    window = QMainWindow()
    editor = DraftEdit()
    window.setCentralWidget(editor)
    bank = PhraseBank.memory()
    highlighter = CheckHighlighter(
        editor, checker=small_checker(), bank_provider=lambda: bank, delay_ms=20
    )
    panel = IssuesPanel(highlighter, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    editor.setFocus()
    yield window, editor, highlighter, panel, bank
    highlighter.dispatcher.wait()
    bank.close()


def underlined(editor) -> list[str]:
    return [
        s.cursor.selectedText()
        for s in editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def type_and_wait(qtbot, editor, highlighter, text: str) -> None:
    """Type ``text`` (Enter for each line break) and wait for the check after the pause."""
    with qtbot.waitSignal(highlighter.checked, timeout=3000):
        for i, line in enumerate(text.split("\n")):
            if i:
                qtbot.keyClick(editor, Qt.Key.Key_Return)
            type_text(editor, line)


def test_wrong_wording_typed_gets_a_red_wavy_underline(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "我们要推动高质量发屐。")
    assert underlined(editor) == ["推动高质量发屐"]
    sel = next(s for s in editor.extraSelections())
    assert sel.format.underlineColor() == QColor("#d0021b")
    # fixing it by hand removes the underline after the next check
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, n=1)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(highlighter.checked, timeout=3000):
        editor.textCursor().deletePreviousChar()
        type_text(editor, "展")
    assert underlined(editor) == []


def test_correct_text_is_not_underlined(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "不忘初心、牢记使命，推动高质量发展。")
    assert underlined(editor) == []
    assert highlighter.findings() == []


def test_no_check_while_the_input_method_composes(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    calls = []
    highlighter.checked.connect(lambda: calls.append(editor.toPlainText()))
    ime_preedit(editor, "fazhan")
    highlighter.check_now()
    assert highlighter.dispatcher.latest == 0  # nothing submitted while composing
    with qtbot.waitSignal(highlighter.checked, timeout=3000):
        ime_commit(editor, "推动高质量发屐")
    assert underlined(editor) == ["推动高质量发屐"]
    assert calls == ["推动高质量发屐"]


def test_tooltip_gives_the_standard_and_the_reason(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "紧密团结在以习近平同志为核心党中央周围")
    finding = highlighter.findings()[0]
    text = highlighter.tooltip_for(finding)
    assert text == "规范表述：以习近平同志为核心的党中央\n疑似漏字“的”"
    # hover: the viewport's tooltip event shows exactly that text
    start, end = highlighter.span_of(finding)
    cursor = QTextCursor(editor.document())
    cursor.setPosition((start + end) // 2)
    pos = editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.text() == text, timeout=2000)
    QToolTip.hideText()


def _menu_action(highlighter, editor, finding, name):
    start, _end = highlighter.span_of(finding)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + 1)
    menu = highlighter.context_menu_at(editor.cursorRect(cursor).center())
    assert menu is not None
    return next(a for a in menu.actions() if a.objectName() == name), menu


def test_context_menu_replace_fixes_it_in_one_undo_step(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "我们要牢记使命、不忘初心，推动高质量发屐。")
    first = highlighter.findings()[0]
    action, menu = _menu_action(highlighter, editor, first, "checkReplace")
    assert action.text() == "改为“不忘初心、牢记使命”"
    # the editor's own actions are still there below the quick fixes
    # Qt's own zh_CN translation says 撤消(&U)
    assert any(a.text().startswith(("&Undo", "撤销", "撤消", "Undo")) for a in menu.actions())
    action.trigger()
    assert editor.toPlainText() == "我们要不忘初心、牢记使命，推动高质量发屐。"
    assert underlined(editor) == ["推动高质量发屐"]
    editor.undo()
    assert editor.toPlainText() == "我们要牢记使命、不忘初心，推动高质量发屐。"
    # no finding under the caret: the editor keeps its normal menu
    assert highlighter.context_menu_at(QPoint(2, 2)) is None


def test_ignore_hides_this_occurrence_only(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "推动高质量发屐。")
    action, _menu = _menu_action(highlighter, editor, highlighter.findings()[0], "checkIgnore")
    action.trigger()
    assert underlined(editor) == []
    # later edits elsewhere do not bring it back; a second occurrence is flagged
    type_and_wait(qtbot, editor, highlighter, "要推动高质量发屐。")
    assert underlined(editor) == ["推动高质量发屐"]
    assert highlighter.span_of(highlighter.findings()[0])[0] > 5


def test_allow_adds_to_the_bank_and_is_never_flagged_again(qtbot, setup):
    _window, editor, highlighter, _panel, bank = setup
    type_and_wait(qtbot, editor, highlighter, "推动高质量发屐。")
    action, _menu = _menu_action(highlighter, editor, highlighter.findings()[0], "checkAllow")
    with qtbot.waitSignal(highlighter.checked, timeout=3000):
        action.trigger()
    assert underlined(editor) == []
    entry = bank.find("推动高质量发屐")
    assert entry is not None and entry.origin == "user"
    type_and_wait(qtbot, editor, highlighter, "再推动高质量发屐。")
    assert underlined(editor) == []
    # a checker rebuilt from that bank also knows it
    assert Checker.from_bank(bank, entries=[]).check("推动高质量发屐") == []


def test_stale_answers_are_dropped(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "推动高质量发展。")
    old = highlighter._revision - 1
    stale = (old, "推动高质量发屐", highlighter.checker.check("推动高质量发屐"))
    highlighter.dispatcher.deliver(highlighter.dispatcher.latest, stale)
    assert underlined(editor) == []


def test_other_extra_selections_are_kept(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    mine = QTextEdit.ExtraSelection()
    mine.cursor = QTextCursor(editor.document())
    mine.format.setBackground(QColor("yellow"))
    editor.setExtraSelections([mine])
    type_and_wait(qtbot, editor, highlighter, "推动高质量发屐")
    assert len(editor.extraSelections()) == 2
    assert any(s.format.background().color() == QColor("yellow") for s in editor.extraSelections())


def test_issues_panel_lists_findings_and_click_selects_one(qtbot, setup):
    _window, editor, highlighter, panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "同志们：\n推动高质量发屐。\n要牢记使命、不忘初心。")
    assert panel.objectName() == "issuesPanel"
    assert panel.list.count() == 2
    assert panel.list.item(1).text().startswith("第3行  牢记使命、不忘初心 → 不忘初心、牢记使命")
    assert "2" in panel.summary.text()
    item = panel.list.item(1)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().selectedText() == "牢记使命、不忘初心"
    assert editor.textCursor().blockNumber() == 2
    qtbot.waitUntil(editor.hasFocus, timeout=2000)


def test_positions_beyond_the_basic_plane():
    # a character outside the BMP takes two UTF-16 units in Qt
    assert qt_position("𠀀推动", 1) == 2
    assert qt_position("推动", 2) == 2


def test_underline_after_a_rare_character(qtbot, setup):
    _window, editor, highlighter, _panel, _bank = setup
    type_and_wait(qtbot, editor, highlighter, "𠀀推动高质量发屐")
    assert underlined(editor) == ["推动高质量发屐"]


def test_install_structure_wires_docks_actions_and_the_background_checker(qtbot):
    window = QMainWindow()
    editor = DraftEdit()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    controller = install_structure(window, editor, lambda: None)
    with qtbot.waitSignal(controller.checker_ready, timeout=10000):
        pass
    assert window.findChild(IssuesPanel, "issuesPanel") is controller.issues_panel
    assert controller.outline_panel.objectName() == "outlinePanel"
    assert [a.text() for a in controller.new_from_skeleton_actions] == [
        "经济工作会议讲话",
        "重点工作推进会讲话",
        "动员部署会讲话",
        "总结表彰会讲话",
    ]
    with qtbot.waitSignal(controller.skeleton_requested) as got:
        controller.new_from_skeleton_actions[2].trigger()
    assert got.args[0].startswith("在××工作动员部署会上的讲话\n同志们：")
    assert editor.toPlainText() == ""  # the window decides what to do with it
    # the shipped curated list is in use
    editor.setPlainText("深化放管服改革")
    with qtbot.waitSignal(controller.highlighter.checked, timeout=3000):
        controller.check_now_action.trigger()
    assert underlined(editor) == ["放管服改革"]
    controller.highlighter.dispatcher.wait()


def test_renumber_action_fixes_numbering_in_one_undo_step(qtbot):
    window = QMainWindow()
    editor = DraftEdit()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    controller = install_structure(window, editor, lambda: None)
    text = "一、甲\n（一）a\n（三）b\n三、乙\n正文：一是x。三是y。"
    editor.setPlainText(text)
    controller.renumber_action.trigger()
    assert editor.toPlainText() == "一、甲\n（一）a\n（二）b\n二、乙\n正文：一是x。二是y。"
    editor.undo()
    assert editor.toPlainText() == text
    controller.renumber_action.trigger()
    controller.renumber_action.trigger()  # nothing left to do
    assert "无需" in window.statusBar().currentMessage()
    controller.highlighter.dispatcher.wait()
