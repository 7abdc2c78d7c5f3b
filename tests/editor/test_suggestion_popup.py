"""The caret popup: shown on committed text, accepted with Tab or Alt+digit, IME-safe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.suggestion_popup import SuggestionPopup, marker_for
from editor.suggestions import SNAPSHOT_CHARS, text_before
from editor.workers import Dispatcher
from phrasebank.model import SLOT, Suggestion
from tests.editor.fake_bank import FakeBank
from tests.editor.ime_helpers import (
    GateBank,
    make_editor,
    popup_texts,
    press,
    real_bank,
    settings,
    wait_popup,
)
from tests.editor.typing import ime_commit, ime_preedit, type_text

LEADER = "以习近平同志为核心的党中央"


# -- showing -------------------------------------------------------------------------------


def test_typing_shows_ranked_suggestions_with_numbers_and_markers(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "我们要坚持以习")
    items = wait_popup(qtbot, ctl)
    assert [s.text for s in items][:2] == [LEADER, "以习近平新时代中国特色社会主义思想为指导"]
    assert ctl.popup.objectName() == "suggestionPopup"
    assert ctl.popup.item_text(0) == f"1 {LEADER} 规范"
    assert ctl.popup.item_text(1).startswith("2 ")
    assert ctl.popup.current_row() == 0


def test_ime_commit_shows_suggestions(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    ime_preedit(editor, "quanmian")
    ime_commit(editor, "全面")
    assert "全面从严治党" in [s.text for s in wait_popup(qtbot, ctl)]


def test_markers_say_kind_or_correction():
    s = Suggestion("为加快建设××作出新的更大贡献", 2, 1.0, 1, "template")
    assert marker_for(s) == "模板"
    assert marker_for(Suggestion("有人抓、有人管", 2, 1.0, 1, "parallel")) == "排比"
    assert marker_for(Suggestion("全面从严治党", 4, 1.0, 1, "formulation", "correct")) == "纠正"


def test_short_context_waits_for_min_chars(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank, min_chars=3, panel=False)
    type_text(editor, "以习")
    ctl.request_now()  # what the debounce timer does
    ctl.dispatcher.wait()
    assert bank.calls == []
    type_text(editor, "近")
    wait_popup(qtbot, ctl)
    assert bank.calls == ["以习近"]


def test_debounce_queries_once_after_a_burst(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank, suggest_delay_ms=80, panel=False)
    type_text(editor, "我们要坚持以习")
    wait_popup(qtbot, ctl)
    assert bank.calls == ["我们要坚持以习"]


def test_snapshot_is_capped_and_uses_plain_newlines(qtbot):
    _w, editor, _ctl = make_editor(qtbot)
    editor.setPlainText("甲" * 500 + "\n以习")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    before = text_before(cursor)
    assert len(before) == SNAPSHOT_CHARS
    assert before.endswith("甲\n以习")


def test_disabled_in_settings_shows_nothing(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank, panel=False)
    ctl.apply_settings(settings(suggestions_enabled=False))
    type_text(editor, "以习")
    ctl.request_now()  # what the debounce timer does
    ctl.dispatcher.wait()
    assert bank.calls == [] and not ctl.popup.isVisible()


# -- accepting -----------------------------------------------------------------------------


def test_tab_inserts_replacing_the_typed_prefix(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "我们要坚持以习")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "我们要坚持" + LEADER
    assert editor.textCursor().position() == len("我们要坚持" + LEADER)
    assert not ctl.popup.isVisible()
    assert "\t" not in editor.toPlainText()


def test_accepting_is_one_undo_step(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "坚持以习")
    wait_popup(qtbot, ctl)
    assert ctl.accept_current()
    assert editor.toPlainText() == "坚持" + LEADER
    editor.undo()
    assert editor.toPlainText() == "坚持以习"
    assert editor.textCursor().position() == 4


def test_alt_number_takes_that_row(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    items = wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText() == items[1].text


def test_alt_number_beyond_the_list_is_left_alone(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    assert ctl.popup.count() == 2
    alt = Qt.KeyboardModifier.AltModifier
    assert ctl.wants_key(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_2, alt))
    assert not ctl.wants_key(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_7, alt))
    assert not ctl.handle_key(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_7, alt))
    assert editor.toPlainText() == "以习" and ctl.popup.isVisible()


def test_up_down_move_and_wrap(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    items = wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert ctl.popup.current_row() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert ctl.popup.current_row() == 0  # wrapped
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert ctl.popup.current_row() == 1
    assert editor.textCursor().position() == 2  # the caret did not move
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == items[1].text


def test_escape_hides_and_typing_brings_it_back(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "全")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not ctl.popup.isVisible()
    assert editor.toPlainText() == "全"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # popup closed: Tab is a tab again
    assert editor.toPlainText() == "全\t"
    type_text(editor, "全面")
    assert "全面从严治党" in [s.text for s in wait_popup(qtbot, ctl)]


def test_keys_win_over_window_shortcuts_only_while_the_popup_shows(qtbot):
    window, editor, ctl = make_editor(qtbot)
    fired: list[str] = []
    action = QAction("close", window)
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.triggered.connect(lambda: fired.append("esc"))
    window.addAction(action)
    type_text(editor, "全")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert fired == [] and not ctl.popup.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert fired == ["esc"]


def test_enter_never_accepts_it_starts_a_new_line(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "以习\n"
    assert not ctl.popup.isVisible()


def test_record_use_gets_the_phrase_id(qtbot):
    bank = FakeBank()
    _w, editor, ctl = make_editor(qtbot, bank)
    type_text(editor, "全面从")
    items = wait_popup(qtbot, ctl)
    assert items[0].text == "全面从严治党"
    with qtbot.waitSignal(ctl.accepted):
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bank.used == [items[0].phrase_id])


def test_click_on_a_row_inserts_it_and_keeps_focus(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    items = wait_popup(qtbot, ctl)
    qtbot.mouseClick(ctl.popup, Qt.MouseButton.LeftButton, pos=ctl.popup.row_rect(1).center())
    assert editor.toPlainText() == items[1].text
    assert QApplication.focusWidget() is editor


# -- input method --------------------------------------------------------------------------


def test_popup_never_takes_focus(qtbot):
    window, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    popup = ctl.popup
    assert QApplication.focusWidget() is editor and editor.hasFocus()
    assert QApplication.activeWindow() is window
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert popup.focusPolicy() == Qt.FocusPolicy.NoFocus
    flags = popup.windowFlags()
    assert flags & Qt.WindowType.WindowType_Mask == Qt.WindowType.ToolTip
    assert flags & Qt.WindowType.WindowType_Mask != Qt.WindowType.Popup
    assert QApplication.activePopupWidget() is None  # nothing grabs the keyboard
    assert editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    type_text(editor, "近")  # typing goes on in the editor
    assert editor.toPlainText() == "以习近"


def test_no_popup_while_composing_and_enter_does_not_accept(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    ime_preedit(editor, "jin")
    assert not ctl.popup.isVisible()
    assert not ctl.accept_current()
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Tab)
    assert LEADER not in editor.toPlainText()
    assert editor.preedit() == "jin"


def test_cancelled_composition_brings_back_the_popup(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    ime_preedit(editor, "j")
    ime_preedit(editor, "ji")
    assert not ctl.popup.isVisible()
    ime_preedit(editor, "")  # Esc in the input method: nothing committed
    wait_popup(qtbot, ctl)
    assert ctl.popup.current_row() == 1  # the same state, highlight included
    assert editor.toPlainText() == "以习"


def test_answer_arriving_while_composing_waits_for_the_composition(qtbot):
    bank = GateBank()
    _w, editor, ctl = make_editor(qtbot, bank, panel=False)
    type_text(editor, "以习")
    qtbot.waitUntil(lambda: len(bank.gates) == 1)
    ime_preedit(editor, "jin")  # the writer goes on composing before the answer is back
    with qtbot.waitSignal(ctl.dispatcher.finished):
        bank.release_all()
    assert not ctl.popup.isVisible()
    ime_preedit(editor, "")
    assert LEADER in [s.text for s in wait_popup(qtbot, ctl)]


def test_commit_refreshes_the_suggestions(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    ime_preedit(editor, "jinping")
    with qtbot.waitSignal(ctl.suggestions_shown):
        ime_commit(editor, "近平新")
    qtbot.waitUntil(lambda: ctl.popup.isVisible())
    assert popup_texts(ctl) == ["以习近平新时代中国特色社会主义思想为指导"]
    ctl.accept_current()
    assert editor.toPlainText() == "以习近平新时代中国特色社会主义思想为指导"


# -- stale answers -------------------------------------------------------------------------


def test_older_answer_never_replaces_a_newer_one(qtbot):
    bank = GateBank()
    _w, editor, ctl = make_editor(qtbot, bank, panel=False)
    type_text(editor, "全")
    qtbot.waitUntil(lambda: len(bank.gates) == 1)  # job 1 is running, for "全"
    type_text(editor, "面从")
    qtbot.waitUntil(lambda: len(bank.gates) == 2)  # job 2, for "全面从"
    bank.gates[1].set()
    wait_popup(qtbot, ctl)
    assert popup_texts(ctl) == ["全面从严治党"]
    bank.gates[0].set()  # the old answer for "全" arrives last
    qtbot.waitUntil(lambda: ctl.dispatcher.dropped == 1)
    assert popup_texts(ctl) == ["全面从严治党"]


def test_answer_dropped_when_the_caret_moved(qtbot):
    bank = GateBank()
    _w, editor, ctl = make_editor(qtbot, bank, panel=False)
    type_text(editor, "全面")
    qtbot.waitUntil(lambda: len(bank.gates) == 1)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    bank.release_all()
    qtbot.waitUntil(lambda: ctl.stale_dropped == 1)
    assert not ctl.popup.isVisible()


def test_dispatcher_drops_out_of_order_answers(qtbot):
    dispatcher = Dispatcher()
    got: list[tuple[int, object]] = []
    dispatcher.finished.connect(lambda job, result: got.append((job, result)))
    first = dispatcher.submit(lambda: "old")
    second = dispatcher.submit(lambda: "new")
    dispatcher.wait()
    qtbot.waitUntil(lambda: got == [(second, "new")])
    dispatcher.deliver(first, "late")  # simulated late arrival
    assert got == [(second, "new")]
    assert dispatcher.dropped >= 1


def test_dispatcher_reports_failures_and_runs_detached_jobs(qtbot):
    dispatcher = Dispatcher()
    done: list[int] = []
    with qtbot.waitSignal(dispatcher.failed) as blocker:
        dispatcher.submit(lambda: 1 / 0)
    assert "ZeroDivisionError" in blocker.args[1]
    dispatcher.run_detached(done.append, 7)
    qtbot.waitUntil(lambda: done == [7])


# -- templates -----------------------------------------------------------------------------


def test_template_selects_blanks_and_tab_walks_them(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "今年以")
    wait_popup(qtbot, ctl)
    assert popup_texts(ctl) == ["今年以来，××区坚持以××为抓手"]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    cursor = editor.textCursor()
    assert cursor.selectedText() == SLOT
    assert cursor.selectionStart() == len("今年以来，")
    assert ctl.pending_slots() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # skip to the second blank
    cursor = editor.textCursor()
    assert cursor.selectedText() == SLOT
    assert cursor.selectionStart() == len("今年以来，××区坚持以")
    ime_commit(editor, "高质量发展")  # typing replaces the selected blank
    assert editor.toPlainText() == "今年以来，××区坚持以高质量发展为抓手"
    assert ctl.pending_slots() == 1
    assert ctl.next_slot()  # back to the first blank (menu action)
    assert editor.textCursor().selectionStart() == len("今年以来，")
    ime_commit(editor, "高新")
    assert editor.toPlainText() == "今年以来，高新区坚持以高质量发展为抓手"
    assert ctl.pending_slots() == 0
    assert not ctl.next_slot()


def test_template_insertion_undoes_in_one_step(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "为加快")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == SLOT
    editor.undo()
    assert editor.toPlainText() == "为加快"


# -- placement -----------------------------------------------------------------------------


def test_popup_goes_above_the_caret_when_there_is_room(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    editor.setPlainText("同志们：\n" + "\n" * 12)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    caret = ctl.caret_global_rect()
    geo = ctl.popup.geometry()
    assert ctl.popup.placement == "above"
    assert geo.bottom() < caret.top()  # the line below (the candidate window) stays free
    assert geo.left() <= caret.left() <= geo.right()


def test_popup_goes_below_when_the_caret_is_at_the_top_of_the_screen(qtbot):
    window, editor, ctl = make_editor(qtbot)
    window.move(window.x(), 0)
    window.setGeometry(window.geometry().translated(0, -window.frameGeometry().top()))
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    caret = ctl.caret_global_rect()
    screen = ctl.popup.screen().availableGeometry()
    assert caret.top() - ctl.popup.height() - 4 < screen.top(), "window not at the top"
    assert ctl.popup.placement == "below"
    assert ctl.popup.geometry().top() > caret.bottom()


def test_place_prefers_above_and_stays_on_screen(qtbot):
    popup = SuggestionPopup()
    qtbot.addWidget(popup)
    popup.set_suggestions([Suggestion(LEADER, 2, 1.0, 1, "formulation")])
    screen = popup.screen().availableGeometry()
    caret = screen.center()
    popup.place(QRect(caret, QPoint(caret.x(), caret.y() + 15)))
    assert popup.placement == "above" and popup.geometry().bottom() < caret.y()
    right = QPoint(screen.right() - 2, caret.y())
    popup.place(QRect(right, QPoint(right.x(), right.y() + 15)))
    assert popup.geometry().right() <= screen.right()


def test_popup_hides_when_the_caret_moves_away(qtbot):
    _w, editor, ctl = make_editor(qtbot)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert not ctl.popup.isVisible()


# -- with the real bank --------------------------------------------------------------------


@pytest.fixture
def bank():
    b = real_bank()
    yield b
    b.close()


def test_real_bank_completes_and_records_the_use(qtbot, bank):
    _w, editor, ctl = make_editor(qtbot, bank)
    ime_commit(editor, "我们要坚持")
    ime_commit(editor, "以习")
    assert wait_popup(qtbot, ctl)[0].text == LEADER
    phrase_id = ctl.popup.current().phrase_id
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "我们要坚持" + LEADER
    qtbot.waitUntil(lambda: bank.get(phrase_id).uses == 1)


def test_real_bank_correction_is_marked_and_replaces_the_slip(qtbot, bank):
    _w, editor, ctl = make_editor(qtbot, bank)
    ime_commit(editor, "坚持全面从言治党")  # 言 for 严: a homophone slip of the input method
    items = wait_popup(qtbot, ctl)
    assert items[0].text == "全面从严治党" and items[0].how == "correct"
    assert ctl.popup.item_text(0) == "1 全面从严治党 纠正"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "坚持全面从严治党"
    editor.undo()
    assert editor.toPlainText() == "坚持全面从言治党"


def test_real_bank_strictness_from_settings_reaches_the_bank(qtbot, bank):
    _w, editor, ctl = make_editor(qtbot, bank, fuzzy_strictness=1.01)  # corrections off
    assert ctl.suggest_options()["strictness"] == 1.01
    ime_commit(editor, "坚持全面从言治党")
    ime_commit(editor, "，")
    ime_commit(editor, "全面")
    assert "全面深化改革" in [s.text for s in wait_popup(qtbot, ctl)]
    editor.undo()
    editor.undo()
    qtbot.waitUntil(lambda: not ctl.popup.isVisible())
    ctl.request_now()
    with qtbot.waitSignal(ctl.dispatcher.finished) as blocker:
        pass
    assert blocker.args[1] == []  # no correction offered at this strictness


def test_popup_follows_the_window_when_it_moves(qtbot):
    window, editor, ctl = make_editor(qtbot)
    editor.setPlainText("同志们：\n" + "\n" * 12)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "以习")
    wait_popup(qtbot, ctl)
    before = ctl.popup.pos()
    window.move(window.x() + 30, window.y() + 20)
    qtbot.waitUntil(lambda: ctl.popup.pos() == before + QPoint(30, 20))
    assert ctl.popup.isVisible()


def test_input_method_is_told_when_the_caret_moves(qtbot, monkeypatch):
    _w, editor, _ctl = make_editor(qtbot)
    updates: list[object] = []
    im = QGuiApplication.inputMethod()
    monkeypatch.setattr(im, "update", lambda queries: updates.append(queries))
    type_text(editor, "同志们")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert updates.count(Qt.InputMethodQuery.ImCursorRectangle) >= 4
