"""The suggestion panel: grouped suggestions, where each was used, double-click inserts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from editor.suggestion_panel import group_for
from phrasebank.model import Suggestion
from tests.editor.fake_bank import FakeBank
from tests.editor.ime_helpers import make_editor, wait_popup
from tests.editor.typing import ime_commit, ime_preedit, type_text


def wait_panel(qtbot, ctl, text: str) -> None:
    qtbot.waitUntil(lambda: ctl.panel.item_for(text) is not None, timeout=3000)


def test_panel_is_a_dock_at_the_right_of_the_window(qtbot):
    window, _editor, ctl = make_editor(qtbot)
    panel = window.findChild(QDockWidget, "suggestionPanel")
    assert panel is ctl.panel
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
    assert panel.isVisible()


def test_groups_by_first_function_tag_else_kind():
    s = Suggestion("x", 1, 1.0, 1, "formulation", tags=("党的建设", "提出要求", "强调"))
    assert group_for(s) == "提出要求"  # a topic tag is not a rhetorical function
    assert group_for(Suggestion("攻坚克难", 1, 1.0, 2, "four_char")) == "四字格"


def test_panel_lists_more_suggestions_grouped(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank)
    type_text(editor, "全面")
    wait_panel(qtbot, ctl, "全面从严治党")
    assert ctl.panel.groups() == {
        "提出要求": ["全面从严治党"],
        "部署任务": ["全面深化改革"],
        "形势判断": ["全面建设社会主义现代化国家"],
    }
    header = ctl.panel.tree.topLevelItem(0)
    assert header.text(0) == "提出要求" and header.font(0).bold()


def test_panel_asks_for_thirty(qtbot):
    phrases = [(f"全面推进第{i:02d}项工作", "clause", ()) for i in range(40)]
    _w, editor, ctl = make_editor(qtbot, FakeBank(phrases))
    type_text(editor, "全面")
    qtbot.waitUntil(lambda: len(ctl.panel.suggestions()) == 30)
    assert ctl.popup.count() == 5  # the popup keeps the setting's count


def test_occurrences_of_the_highlighted_entry(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "全面")
    wait_panel(qtbot, ctl, "全面从严治党")
    qtbot.waitUntil(lambda: len(ctl.panel.occurrence_texts()) == 2)
    first = ctl.panel.occurrence_texts()[0]
    assert "全面从严治党" in first and "《在全区经济工作会议上的讲话》" in first
    ctl.panel.tree.setCurrentItem(ctl.panel.item_for("全面深化改革"))
    qtbot.waitUntil(
        lambda: any("全面深化改革" in t for t in ctl.panel.occurrence_texts()), timeout=3000
    )


def test_double_click_inserts_and_records_use(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank)
    type_text(editor, "我们要全面")
    wait_panel(qtbot, ctl, "全面深化改革")
    item = ctl.panel.item_for("全面深化改革")
    tree = ctl.panel.tree
    rect = tree.visualItemRect(item)
    # QTest's double click needs the press that precedes it, as a real mouse sends.
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.toPlainText() == "我们要全面深化改革"
    assert editor.textCursor().position() == len("我们要全面深化改革")
    assert QApplication.focusWidget() is editor
    phrase = bank.get(item.data(0, Qt.ItemDataRole.UserRole).phrase_id)
    qtbot.waitUntil(lambda: bank.used == [phrase.id])


def test_clicking_the_panel_keeps_focus_and_input_method(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "全面")
    wait_panel(qtbot, ctl, "全面深化改革")
    tree = ctl.panel.tree
    assert tree.focusPolicy() == Qt.FocusPolicy.NoFocus
    rect = tree.visualItemRect(ctl.panel.item_for("全面深化改革"))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctl.panel.current().text == "全面深化改革"
    assert QApplication.focusWidget() is editor
    assert editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    type_text(editor, "从")  # typing goes on in the editor
    assert editor.toPlainText() == "全面从"


def test_panel_insert_while_composing_commits_first(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "全面")
    wait_panel(qtbot, ctl, "全面深化改革")
    ime_preedit(editor, "shen")
    ctl.panel.insert_requested.emit(
        ctl.panel.item_for("全面深化改革").data(0, Qt.ItemDataRole.UserRole)
    )
    # The composition is committed once, then the entry goes in at the caret; the typed
    # prefix is no longer just before the caret, so nothing is replaced.
    assert editor.toPlainText() == "全面shen全面深化改革"
    assert not editor.is_composing()


def test_panel_follows_committed_text(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "全面")
    wait_panel(qtbot, ctl, "全面深化改革")
    ime_commit(editor, "从")
    qtbot.waitUntil(lambda: [s.text for s in ctl.panel.suggestions()] == ["全面从严治党"])


def test_panel_waits_for_a_pause_in_typing(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    ctl.panel_delay_ms = 60_000  # the writer never pauses long enough
    type_text(editor, "全面")
    wait_popup(qtbot, ctl)  # the popup does not wait
    assert ctl.panel.suggestions() == []
    ctl.refresh_panel()  # what the idle timer does after a pause
    wait_panel(qtbot, ctl, "全面从严治党")
