"""DraftEdit: committed edits vs. preedit, the caret rectangle for the IME, commit before insert."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QInputMethodEvent, QInputMethodQueryEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.draft_edit import DraftEdit
from tests.editor.typing import ime_commit, ime_preedit, type_text


def make(qtbot) -> DraftEdit:
    editor = DraftEdit()
    qtbot.addWidget(editor)
    editor.resize(500, 300)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return editor


def ask(widget, query: Qt.InputMethodQuery):
    """Query ``widget`` the way a platform input method does: through the query event."""
    event = QInputMethodQueryEvent(query)
    QApplication.sendEvent(widget, event)
    return event.value(query)


def record(editor: DraftEdit) -> list[str]:
    log: list[str] = []
    editor.text_edited.connect(lambda: log.append("edit"))
    editor.composition_changed.connect(lambda p: log.append(f"pre:{p}"))
    return log


def test_object_name_and_input_method_enabled(qtbot):
    editor = make(qtbot)
    assert editor.objectName() == "draftEditor"
    assert editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert not editor.tabChangesFocus()


def test_typing_reports_committed_edits(qtbot):
    editor = make(qtbot)
    log = record(editor)
    type_text(editor, "同志们")
    assert log == ["edit"] * 3
    assert editor.toPlainText() == "同志们"


def test_preedit_is_not_an_edit_and_commit_is(qtbot):
    editor = make(qtbot)
    log = record(editor)
    ime_preedit(editor, "t")
    ime_preedit(editor, "tz")
    assert log == ["pre:t", "pre:tz"]
    assert editor.is_composing() and editor.preedit() == "tz"
    assert editor.toPlainText() == ""  # preedit is not document text
    ime_commit(editor, "同志")
    assert log[2:] == ["edit", "pre:"]
    assert not editor.is_composing()
    assert editor.toPlainText() == "同志"


def test_cancelled_composition_reports_no_edit(qtbot):
    editor = make(qtbot)
    type_text(editor, "我")
    log = record(editor)
    ime_preedit(editor, "men")
    ime_preedit(editor, "")
    assert log == ["pre:men", "pre:"]
    assert editor.toPlainText() == "我"


def test_commit_with_new_preedit_in_one_event(qtbot):
    editor = make(qtbot)
    log = record(editor)
    ime_preedit(editor, "wo")
    event = QInputMethodEvent("men", [])
    event.setCommitString("我")
    QApplication.sendEvent(editor, event)
    assert log == ["pre:wo", "edit", "pre:men"]
    assert editor.preedit() == "men" and editor.toPlainText() == "我"


def test_silent_edits_are_not_reported(qtbot):
    editor = make(qtbot)
    log = record(editor)
    with editor.silent_edit():
        editor.insertPlainText("谢谢大家。")
    assert log == []
    editor.insertPlainText("！")
    assert log == ["edit"]


def test_cursor_rectangle_is_the_exact_caret_with_margins(qtbot):
    editor = make(qtbot)
    editor.setViewportMargins(30, 20, 0, 0)
    type_text(editor, "各位领导")
    rect = ask(editor, Qt.InputMethodQuery.ImCursorRectangle)
    expected = editor.cursorRect().translated(editor.viewport().pos())
    assert rect == QRectF(expected)
    assert rect.left() >= 30 and rect.top() >= 20
    ime_preedit(editor, "tongzhi")  # the caret sits after the preedit while composing
    assert ask(editor, Qt.InputMethodQuery.ImCursorRectangle).left() > rect.left()


def test_other_queries_get_the_base_answer(qtbot):
    editor = make(qtbot)
    plain = QPlainTextEdit()
    qtbot.addWidget(plain)
    for w in (editor, plain):
        w.setPlainText("同志们：今天召开会议")
        w.moveCursor(w.textCursor().MoveOperation.End)
    # (ImCurrentSelection is left out: its value cannot be read from Python at all.)
    for query in (
        Qt.InputMethodQuery.ImEnabled,
        Qt.InputMethodQuery.ImSurroundingText,
        Qt.InputMethodQuery.ImCursorPosition,
        Qt.InputMethodQuery.ImAnchorPosition,
        Qt.InputMethodQuery.ImMaximumTextLength,
        Qt.InputMethodQuery.ImTextBeforeCursor,
        Qt.InputMethodQuery.ImTextAfterCursor,
        Qt.InputMethodQuery.ImHints,
        Qt.InputMethodQuery.ImFont,
    ):
        assert ask(editor, query) == ask(plain, query), query
    assert ask(editor, Qt.InputMethodQuery.ImSurroundingText) == "同志们：今天召开会议"
    # The Python-level virtual is untouched, so C++ answers never round-trip through Python.
    assert "inputMethodQuery" not in DraftEdit.__dict__


def test_commit_preedit_inserts_the_composition_once(qtbot):
    editor = make(qtbot)
    type_text(editor, "全面")
    ime_preedit(editor, "cong")
    editor.commit_preedit()
    assert not editor.is_composing()
    assert editor.toPlainText() == "全面cong"
    editor.commit_preedit()  # nothing composing: nothing happens
    assert editor.toPlainText() == "全面cong"


def test_editor_keeps_input_method_after_focus_round_trip(qtbot):
    editor = make(qtbot)
    editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    editor.clearFocus()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    assert editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
