from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from editor.find_replace import FindReplaceBar, SearchOptions, replace_all_in_text
from tests.editor.test_main_window import build_window


@pytest.fixture
def bar(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    bar = FindReplaceBar(editor)
    qtbot.addWidget(bar)
    return bar


def selection(bar: FindReplaceBar) -> tuple[int, int, str]:
    c = bar.editor.textCursor()
    return c.selectionStart(), c.selectionEnd(), c.selectedText()


def test_find_next_wraps_around_and_counts(bar):
    bar.editor.setPlainText("发展是第一要务，高质量发展是首要任务")
    bar.find_edit.setText("发展")
    assert bar.find_next()
    assert selection(bar) == (0, 2, "发展")
    assert bar.find_next()
    assert selection(bar)[0] == 11
    assert bar.status_label.text() == "共 2 处"
    assert bar.find_next()
    assert selection(bar)[0] == 0  # wrapped
    assert bar.find_next(backward=True)
    assert selection(bar)[0] == 11


def test_regex_replace_all_with_groups_is_one_undo_step(bar):
    text = "2023年增长5%，2024年增长6%"
    bar.editor.setPlainText(text)
    bar.find_edit.setText(r"(\d{4})年")
    bar.replace_edit.setText(r"\1 年度")
    bar.regex_box.setChecked(True)
    assert bar.replace_all() == 2
    assert bar.editor.toPlainText() == "2023 年度增长5%，2024 年度增长6%"
    bar.editor.undo()
    assert bar.editor.toPlainText() == text


def test_literal_search_does_not_treat_dots_as_regex(bar):
    bar.editor.setPlainText("a.b axb")
    bar.find_edit.setText("a.b")
    bar.replace_edit.setText(r"\1")  # literal replacement text too
    assert bar.replace_all() == 1
    assert bar.editor.toPlainText() == r"\1 axb"


def test_case_option(bar):
    bar.editor.setPlainText("GDP gdp Gdp")
    bar.find_edit.setText("gdp")
    bar.replace_edit.setText("生产总值")
    bar.case_box.setChecked(True)
    assert bar.replace_all() == 1
    assert bar.editor.toPlainText() == "GDP 生产总值 Gdp"
    bar.case_box.setChecked(False)
    assert bar.replace_all() == 2


def test_replace_current_then_moves_on(bar):
    bar.editor.setPlainText("XX同志，XX同志")
    bar.find_edit.setText("XX")
    bar.replace_edit.setText("张三")
    assert bar.replace_current()  # nothing selected yet: selects the first match
    assert bar.editor.toPlainText() == "XX同志，XX同志"
    assert bar.replace_current()
    assert bar.editor.toPlainText() == "张三同志，XX同志"
    assert selection(bar)[2] == "XX"


def test_bad_regex_reports_instead_of_raising(bar):
    bar.editor.setPlainText("abc")
    bar.find_edit.setText("(unclosed")
    bar.regex_box.setChecked(True)
    assert not bar.find_next()
    assert bar.replace_all() == 0
    assert bar.status_label.text().startswith("正则表达式有误")


def test_not_found(bar):
    bar.editor.setPlainText("abc")
    bar.find_edit.setText("中")
    assert not bar.find_next()
    assert bar.status_label.text() == "未找到"


def test_positions_after_characters_outside_the_bmp(bar):
    bar.editor.setPlainText("𠀀𠀁发展")  # two CJK Extension B characters (surrogate pairs)
    bar.find_edit.setText("发展")
    assert bar.find_next()
    assert selection(bar)[2] == "发展"
    bar.replace_edit.setText("进步")
    assert bar.replace_all() == 1
    assert bar.editor.toPlainText() == "𠀀𠀁进步"


def test_replace_all_in_text_function():
    opts = SearchOptions(pattern=r"\s+", regex=True)
    assert replace_all_in_text("a  b\tc", opts, " ") == ("a b c", 2)


def test_window_find_and_replace_actions(qtbot):
    window = build_window(qtbot, load_bank=False)
    window.editor.setPlainText("推进改革，深化改革")
    window.action_replace.trigger()
    bar = window.findChild(FindReplaceBar, "findReplace")
    assert bar is window.find_bar and bar.isVisible()
    assert bar.replace_edit.isVisible()
    bar.find_edit.setText("改革")
    bar.replace_edit.setText("创新")
    bar.replace_all_button.click()
    assert window.editor.toPlainText() == "推进创新，深化创新"
    window.action_find.trigger()
    assert not bar.replace_edit.isVisible()
    bar.find_edit.setText("深化")
    window.action_find_next.trigger()
    assert window.editor.textCursor().selectedText() == "深化"
    bar.close_bar()
    assert not bar.isVisible()
