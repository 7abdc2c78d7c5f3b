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
