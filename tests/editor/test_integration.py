"""The window as one product: manager, checker, outline and skeletons wired to the draft."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QDockWidget

from phrasebank import SLOT, paths
from tests.editor.test_main_window import build_window, set_text


@pytest.fixture
def window(qtbot):
    w = build_window(qtbot)
    qtbot.waitUntil(lambda: w.bank is not None, timeout=15000)
    return w


def test_bank_manager_opens_from_the_bank_menu_on_the_loaded_bank(window, qtbot):
    assert window.action_bank_manager in window.menu_bank.actions()
    window.action_bank_manager.trigger()
    manager = window._bank_manager
    assert manager is not None
    qtbot.addWidget(manager)
    assert manager.objectName() == "phraseBankManager"
    assert manager.isVisible()
    # The manager edits the very bank the suggestions come from.
    assert manager.bank is window.bank
    manager.close()


def test_manager_before_the_bank_loaded_explains_instead_of_failing(qtbot):
    w = build_window(qtbot, load_bank=False)
    assert w.show_bank_manager() is None
    assert w.ui.infos  # a message, not an exception


def test_new_from_skeleton_selects_the_first_blank(window):
    actions = window.structure.new_from_skeleton_actions
    assert len(actions) >= 4
    assert all(a in window.menu_skeletons.actions() for a in actions)
    actions[0].trigger()
    text = window.editor.toPlainText()
    assert "同志们：" in text
    assert window.editor.textCursor().selectedText() == SLOT
    assert window.path is None


def test_new_from_skeleton_asks_before_replacing_unsaved_work(window):
    from editor.main_window import SaveChoice

    set_text(window, "还没保存的稿子")
    window.ui.save_answers = [SaveChoice.CANCEL]
    window.structure.new_from_skeleton_actions[0].trigger()
    assert window.editor.toPlainText() == "还没保存的稿子"


def test_checker_and_outline_docks_are_in_the_window_and_the_view_menu(window):
    for name in ("issuesPanel", "outlinePanel", "suggestionPanel"):
        dock = window.findChild(QDockWidget, name)
        assert dock is not None, name
    view_actions = window.menu_view.actions()
    assert window.structure.outline_panel.toggleViewAction() in view_actions
    assert window.structure.issues_panel.toggleViewAction() in view_actions
    assert window.structure.check_now_action in window.menu_edit.actions()
    assert window.structure.renumber_action in window.menu_edit.actions()


def test_a_wrong_wording_typed_into_the_window_is_underlined(window, qtbot):
    highlighter = window.structure.highlighter
    qtbot.waitUntil(lambda: highlighter.checker is not None, timeout=15000)
    set_text(window, "我们要坚持以习近平同志为核心党中央的领导。")
    window.structure.check_now_action.trigger()
    qtbot.waitUntil(lambda: bool(highlighter.findings()), timeout=10000)
    finding = highlighter.findings()[0]
    assert finding.standard == "以习近平同志为核心的党中央"


def test_english_translation_is_complete():
    """Every UI string of the editor has an English translation (and a known context)."""
    ts = paths.resource("translations", "speech_editor_en.ts").read_text(encoding="utf-8")
    root = ET.fromstring(ts)
    contexts = [c.findtext("name") for c in root.iter("context")]
    assert "None" not in contexts  # strings lupdate could not place would never load
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def _caret_to_end(window) -> None:
    from PySide6.QtGui import QTextCursor

    window.editor.moveCursor(QTextCursor.MoveOperation.End)


def test_popup_offers_the_next_heading_number_at_a_new_line(window, qtbot):
    from PySide6.QtCore import Qt

    set_text(window, "同志们：\n一、切实提高认识\n要抓好落实。\n")
    _caret_to_end(window)
    controller = window.suggestions
    controller.request_now()
    qtbot.waitUntil(lambda: controller.popup.isVisible(), timeout=10000)
    assert controller.popup.suggestions()[0].text == "二、"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText().endswith("\n二、")


def test_strictness_setting_controls_corrections_in_the_window(window, qtbot):
    from dataclasses import replace

    controller = window.suggestions
    typo = "坚持以习近平同志为核心党中央"  # a missing 的

    def offered(text: str = typo) -> list[str]:
        set_text(window, text)
        _caret_to_end(window)
        controller.request_now()
        qtbot.waitUntil(lambda: controller._request is None, timeout=10000)
        return (
            [s.text for s in controller.popup.suggestions()] if controller.popup.isVisible() else []
        )

    assert "以习近平同志为核心的党中央" in offered()  # the default strictness corrects it
    # ... but never turns a different, valid wording into a standard one (Tab must be safe).
    assert "全面从严治党" not in offered("我们要全面从严治军")
    window.apply_settings(replace(window.settings, fuzzy_strictness=1.0))
    assert "以习近平同志为核心的党中央" not in offered()  # strictest: completion only


def test_qt_standard_buttons_speak_chinese_by_default(window):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
