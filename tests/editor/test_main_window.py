from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPushButton

from editor import settings_dialog
from editor.main_window import MainWindow, SaveChoice
from editor.settings import Settings, load_settings, save_settings, settings_path
from editor.text_tools import is_cjk
from tests.editor.typing import ime_commit, type_text


class Recorder:
    """Stands in for every modal question of a window and records what was asked."""

    def __init__(self) -> None:
        self.save_answers: list[SaveChoice] = []
        self.save_asked = 0
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.restore_offers: list[object] = []
        self.restore_answer = True
        self.open_path: str | None = None
        self.save_path: str | None = None
        self.import_paths: list[str] = []
        self.opened_folders: list[Path] = []

    def install(self, window: MainWindow) -> None:
        window._ask_save_changes = self._ask_save_changes
        window._show_error = lambda title, message: self.errors.append((title, message))
        window._show_info = lambda title, message: self.infos.append((title, message))
        window._ask_restore = self._ask_restore
        window._ask_open_path = lambda: self.open_path
        window._ask_save_path = lambda suggested, file_filter: self.save_path
        window._ask_import_paths = lambda: list(self.import_paths)
        window._open_folder = self.opened_folders.append

    def _ask_save_changes(self) -> SaveChoice:
        self.save_asked += 1
        return self.save_answers.pop(0) if self.save_answers else SaveChoice.DISCARD

    def _ask_restore(self, info: object) -> bool:
        self.restore_offers.append(info)
        return self.restore_answer


def build_window(qtbot, **kwargs) -> MainWindow:
    """A shown MainWindow whose dialogs are all stubbed, with ``window.ui`` (a Recorder)."""
    window = MainWindow(**kwargs)
    window.ui = Recorder()  # type: ignore[attr-defined]
    window.ui.install(window)  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def make_window(qtbot):
    return lambda **kwargs: build_window(qtbot, **kwargs)


@pytest.fixture
def window(make_window, qtbot):
    w = make_window()
    qtbot.waitUntil(lambda: w.bank is not None or w.bank_error is not None, timeout=10000)
    return w


def set_text(window: MainWindow, text: str) -> None:
    """Replace the draft with ``text`` as one user edit (the document becomes modified)."""
    cursor = window.editor.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    window.editor.setTextCursor(cursor)


def all_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        menu.aboutToShow.emit()  # builds dynamic menus (recent files)
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


# --- the window ---------------------------------------------------------------------------


def test_window_has_editor_menus_toolbar_and_status_bar(window):
    assert window.findChild(type(window.editor), "draftEditor") is window.editor
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["文件(F)", "编辑(E)", "插入(I)", "短语库(B)", "视图(V)", "帮助(H)"]
    assert window.toolbar.isVisible()
    assert window.count_label.text() == "字数：0"
    assert window.position_label.text() == "第 1 行，第 1 列"


def test_bank_loads_off_the_ui_thread_and_reaches_the_status_bar(window):
    assert window.bank is not None, window.bank_error
    assert window.bank_label.text() == f"短语库：{len(window.bank):,} 条"
    if window.suggestions is not None:
        assert window.suggestions.bank is window.bank


def test_standard_shortcuts(window):
    assert window.action_save.shortcut().toString() == "Ctrl+S"
    assert window.action_open.shortcut().toString() == "Ctrl+O"
    assert window.action_undo.shortcut().toString() == "Ctrl+Z"
    assert window.action_find.shortcut().toString() == "Ctrl+F"
    assert not window.action_replace.shortcut().isEmpty()
    assert not window.action_settings.shortcut().isEmpty()


def test_every_menu_action_triggers_without_error(window, tmp_path, monkeypatch, qtbot):
    calls = []

    def fake_edit(parent, settings):
        calls.append(settings)
        return settings, False

    monkeypatch.setattr(
        settings_dialog.SettingsDialog, "edit", classmethod(lambda cls, p, s: fake_edit(p, s))
    )
    recent = tmp_path / "recent.txt"
    recent.write_text("最近的稿子", encoding="utf-8")
    window.open_path(recent)
    window.ui.save_path = str(tmp_path / "export.docx")
    set_text(window, "同志们,大家好!\n一、总体要求\n××同志")
    actions = all_actions(window)
    assert len(actions) >= 30
    for action in actions:
        if action is window.action_quit:
            continue
        action.trigger()
    assert calls, "设置… did not open the settings dialog"
    assert window.ui.opened_folders
    window.action_quit.trigger()
    assert not window.isVisible()


def test_character_count_and_selection_count(window):
    type_text(window.editor, "同志们 hello，\n大家好")
    # 同志们(3) hello(5) ，(1) 大家好(3)
    assert window.count_label.text() == "字数：12"
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    assert window.count_label.text() == "字数：3 / 12"
    assert window.position_label.text() == "第 1 行，第 4 列"


def test_title_shows_file_name_and_modified_state(window, tmp_path):
    assert window.windowTitle().startswith("未命名[*]")
    assert not window.isWindowModified()
    type_text(window.editor, "改")
    assert window.isWindowModified()
    path = tmp_path / "讲话.txt"
    assert window.save_to(path)
    assert window.windowTitle().startswith("讲话.txt[*]")
    assert not window.isWindowModified()


# --- files --------------------------------------------------------------------------------


def test_save_converts_to_utf8_by_default(window, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("原来的稿子".encode("gbk"))
    assert window.open_path(path)
    assert window.encoding_label.text() == "GBK"
    type_text(window.editor, "改")
    assert window.save()
    assert path.read_bytes().decode("utf-8") == "改原来的稿子"
    assert window.encoding == "utf-8"


def test_save_and_reopen_in_gbk_when_keeping_the_original_encoding(make_window, tmp_path):
    save_settings(Settings(keep_original_encoding=True))
    window = make_window()
    path = tmp_path / "gbk.txt"
    path.write_bytes("原来的稿子".encode("gbk"))
    assert window.open_path(path)
    type_text(window.editor, "新")
    assert window.save()
    data = path.read_bytes()
    assert data.decode("gbk") == "新原来的稿子"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert window.new_file()
    assert window.open_path(path)
    assert window.editor.toPlainText() == "新原来的稿子"


def test_keep_encoding_menu_toggle(window, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("原稿".encode("gbk"))
    assert window.open_path(path)
    window.action_keep_encoding.trigger()
    assert load_settings().keep_original_encoding
    type_text(window.editor, "改")
    assert window.save()
    assert path.read_bytes().decode("gbk") == "改原稿"


def test_speech_editor_file_opens_the_file(qapp, monkeypatch, tmp_path):
    from editor import app as app_module

    path = tmp_path / "命令行.txt"
    path.write_text("从命令行打开", encoding="utf-8")
    seen = {}

    def fake_exec(self):
        windows = [w for w in self.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["texts"] = [w.editor.toPlainText() for w in windows]
        for w in windows:
            w.close()
            w.deleteLater()
        return 0

    monkeypatch.setattr(type(qapp), "exec", fake_exec)
    with pytest.raises(SystemExit) as exit_info:
        app_module.main([str(path)])
    assert exit_info.value.code == 0
    assert "从命令行打开" in seen["texts"]


def test_save_as_docx_and_reopen(window, tmp_path):
    text = "关于作风建设的讲话\n同志们：\n一、提高认识\n（一）统一思想"
    set_text(window, text)
    window.ui.save_path = str(tmp_path / "讲话.docx")
    assert window.save_as()
    assert window.new_file()
    assert window.open_path(tmp_path / "讲话.docx")
    assert window.editor.toPlainText() == text


def test_export_docx_keeps_the_draft_file(window, tmp_path):
    path = tmp_path / "稿.txt"
    set_text(window, "标题\n正文")
    assert window.save_to(path)
    window.ui.save_path = str(tmp_path / "稿")
    window.action_export_docx.trigger()
    assert (tmp_path / "稿.docx").exists()
    assert window.path == path.resolve()


def test_opening_a_binary_file_shows_a_message_and_keeps_the_draft(window, tmp_path):
    type_text(window.editor, "我的草稿")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    assert not window.open_path(binary)
    assert window.ui.errors and "不是文本文件" in window.ui.errors[0][1]
    assert window.editor.toPlainText() == "我的草稿"
    assert window.isWindowModified()
    assert window.ui.save_asked == 0


def test_saving_to_an_unwritable_path_shows_a_message_and_keeps_the_draft(window, tmp_path):
    type_text(window.editor, "重要草稿")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert not window.save_to(blocker / "稿.txt")
    title, message = window.ui.errors[0]
    assert title == "无法保存文件"
    assert "无法保存" in message
    assert window.editor.toPlainText() == "重要草稿"
    assert window.isWindowModified()
    assert window.path is None


def test_recent_files_are_remembered_and_reopened(window, make_window, tmp_path):
    paths = []
    for i in range(12):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"第{i}篇", encoding="utf-8")
        assert window.open_path(p)
        paths.append(p)
    assert len(window.settings.recent_files) == 10
    again = make_window()
    again.menu_recent.aboutToShow.emit()
    assert len(again.recent_actions) == 10
    assert again.recent_actions[0].text().endswith("11.txt")
    again.recent_actions[3].trigger()
    assert again.editor.toPlainText() == "第8篇"


# --- unsaved changes ----------------------------------------------------------------------


def test_close_with_changes_cancel_keeps_the_window(window):
    type_text(window.editor, "未保存")
    window.ui.save_answers = [SaveChoice.CANCEL]
    assert not window.close()
    assert window.isVisible()
    assert window.editor.toPlainText() == "未保存"


def test_close_with_changes_discard_closes(window):
    type_text(window.editor, "不要了")
    window.ui.save_answers = [SaveChoice.DISCARD]
    assert window.close()
    assert window.ui.save_asked == 1


def test_close_with_changes_save_saves(window, tmp_path):
    type_text(window.editor, "要保存")
    window.ui.save_answers = [SaveChoice.SAVE]
    window.ui.save_path = str(tmp_path / "saved.txt")
    assert window.close()
    assert (tmp_path / "saved.txt").read_text(encoding="utf-8") == "要保存"


def test_close_when_save_fails_keeps_the_window(window, tmp_path):
    type_text(window.editor, "要保存")
    window.ui.save_answers = [SaveChoice.SAVE]
    window.ui.save_path = None  # the user cancels the file dialog
    assert not window.close()
    assert window.isVisible()


def test_new_asks_first(window):
    type_text(window.editor, "草稿")
    window.ui.save_answers = [SaveChoice.CANCEL]
    window.action_new.trigger()
    assert window.editor.toPlainText() == "草稿"
    window.ui.save_answers = [SaveChoice.DISCARD]
    window.action_new.trigger()
    assert window.editor.toPlainText() == ""
    assert not window.isWindowModified()


def test_open_asks_first(window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一篇", encoding="utf-8")
    window.ui.open_path = str(other)
    type_text(window.editor, "草稿")
    window.ui.save_answers = [SaveChoice.CANCEL]
    window.action_open.trigger()
    assert window.editor.toPlainText() == "草稿"
    window.ui.save_answers = [SaveChoice.SAVE]
    window.ui.save_path = str(tmp_path / "draft.txt")
    window.action_open.trigger()
    assert window.editor.toPlainText() == "另一篇"
    assert (tmp_path / "draft.txt").read_text(encoding="utf-8") == "草稿"
    assert window.ui.save_asked == 2


def test_unmodified_draft_is_replaced_without_asking(window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一篇", encoding="utf-8")
    assert window.open_path(other)
    assert window.close()
    assert window.ui.save_asked == 0


# --- settings and language ----------------------------------------------------------------


def test_settings_persist_across_windows(window, make_window):
    window.action_word_wrap.trigger()
    window.action_zoom_in.trigger()
    window.action_zoom_in.trigger()
    window.action_fullwidth_typing.trigger()
    size = window.editor.font().pointSize()
    assert window.close()
    again = make_window()
    assert again.settings.word_wrap is False
    assert again.action_word_wrap.isChecked() is False
    assert again.settings.zoom == 2
    assert again.editor.font().pointSize() == size == 16
    assert again.action_fullwidth_typing.isChecked()


def test_window_size_persists(window, make_window):
    window.resize(700, 520)  # inside the offscreen screen (800×600)
    assert window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 520)


def test_toolbar_buttons_have_no_mnemonics(window):
    assert window.action_new.iconText() == "新建"
    assert window.action_open.iconText() == "打开"


def test_bad_settings_file_falls_back_to_defaults(make_window):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{broken", encoding="utf-8")
    window = make_window()
    assert window.settings == Settings()
    assert window.editor.font().pointSize() == 14


def test_settings_dialog_result_applies_immediately(window, monkeypatch):
    def fake_edit(cls, parent, settings):
        return Settings(font_size=20, word_wrap=False, suggest_count=7), True

    monkeypatch.setattr(settings_dialog.SettingsDialog, "edit", classmethod(fake_edit))
    window.action_settings.trigger()
    assert window.editor.font().pointSize() == 20
    assert not window.action_word_wrap.isChecked()
    assert load_settings().suggest_count == 7
    if window.suggestions is not None:
        assert window.suggestions.count == 7


def test_settings_dialog_edits_a_copy(qtbot):
    dialog = settings_dialog.SettingsDialog(Settings(font_size=12, language="zh_CN"))
    qtbot.addWidget(dialog)
    dialog.font_size_spin.setValue(18)
    dialog.fullwidth_box.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    result = dialog.result_settings()
    assert (result.font_size, result.fullwidth_punctuation, result.language) == (18, True, "en")
    assert result.font_family == ""  # untouched font combo keeps "automatic"


def test_fresh_install_is_chinese_and_english_is_available(make_window):
    chinese = make_window()
    assert chinese.menu_file.title() == "文件(&F)"
    assert chinese.action_save.text() == "保存(&S)"
    save_settings(Settings(language="en"))
    english = make_window()
    titles = [a.text().replace("&", "") for a in english.menuBar().actions()]
    assert titles == ["File", "Edit", "Insert", "Phrase Bank", "View", "Help"]
    assert english.action_save.text().replace("&", "") == "Save"
    assert english.count_label.text().startswith("Characters")
    untranslated = [a.text() for a in all_actions(english) if any(is_cjk(c) for c in a.text())]
    recent = {a.text() for a in english.recent_actions}
    assert [t for t in untranslated if t not in recent] == []
    save_settings(Settings(language="zh_CN"))
    back = make_window()
    assert back.menu_file.title() == "文件(&F)"


# --- editing ------------------------------------------------------------------------------


def test_fullwidth_punctuation_as_you_type(window, qtbot):
    window.action_fullwidth_typing.trigger()
    assert window.settings.fullwidth_punctuation
    type_text(window.editor, "同志们,")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "同志们，")
    # Undo takes back the conversion only, as Word does with AutoCorrect.
    window.editor.undo()
    assert window.editor.toPlainText() == "同志们,"
    window.editor.redo()
    assert window.editor.toPlainText() == "同志们，"
    type_text(window.editor, "共3,000人,10:30开会!ok")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "同志们，共3,000人，10:30开会！ok")


def test_fullwidth_punctuation_after_an_input_method_commit(window, qtbot):
    window.action_fullwidth_typing.trigger()
    type_text(window.editor, "abc,")
    ime_commit(window.editor, "中文")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "abc，中文")


def test_fullwidth_punctuation_off_by_default(window, qtbot):
    type_text(window.editor, "同志们,好")
    assert window.editor.toPlainText() == "同志们,好"


def test_convert_whole_document(window):
    set_text(window, "同志们,今天开会;时间10:30,人数3,000!")
    # The final "!" follows a digit, not a Chinese character: the rule leaves it.
    assert window.convert_document_punctuation() == 3
    assert window.editor.toPlainText() == "同志们，今天开会；时间10:30，人数3,000!"
    window.editor.undo()
    assert window.editor.toPlainText() == "同志们,今天开会;时间10:30,人数3,000!"


def test_zoom_and_word_wrap(window):
    base = window.editor.font().pointSize()
    window.action_zoom_in.trigger()
    assert window.editor.font().pointSize() == base + 1
    window.action_zoom_out.trigger()
    window.action_zoom_out.trigger()
    assert window.editor.font().pointSize() == base - 1
    window.action_zoom_reset.trigger()
    assert window.editor.font().pointSize() == base
    assert window.editor.lineWrapMode() == window.editor.LineWrapMode.WidgetWidth
    window.action_word_wrap.trigger()
    assert window.editor.lineWrapMode() == window.editor.LineWrapMode.NoWrap


def test_toolbar_and_status_bar_toggles(window):
    window.action_show_toolbar.trigger()
    assert not window.toolbar.isVisible()
    window.action_show_statusbar.trigger()
    assert not window.statusBar().isVisible()
    assert load_settings().show_toolbar is False


def test_suggestion_panel_toggle(window):
    panel = window.findChild(object, "suggestionPanel")
    if panel is None:
        pytest.skip("suggestion panel not available")
    assert window.action_show_suggestion_panel.isChecked()
    window.action_show_suggestion_panel.trigger()
    assert panel.isHidden()
    window.action_show_suggestion_panel.trigger()
    assert not panel.isHidden()


def test_undo_redo_actions(window):
    type_text(window.editor, "一二")
    window.action_undo.trigger()
    assert window.editor.toPlainText() == ""
    window.action_redo.trigger()
    assert window.editor.toPlainText() == "一二"


def test_insert_date(window):
    window.action_insert_date.trigger()
    text = window.editor.toPlainText()
    assert text.endswith("日") and "年" in text and "月" in text


def test_next_slot_selects_the_next_blank(window):
    set_text(window, "为加快建设××作出新贡献，××同志")
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    window.editor.setTextCursor(cursor)
    window.action_next_slot.trigger()
    assert window.editor.textCursor().selectedText() == "××"
    first = window.editor.textCursor().selectionStart()
    window.action_next_slot.trigger()
    assert window.editor.textCursor().selectionStart() > first


# --- the bank menu ------------------------------------------------------------------------


def test_bank_statistics(window, qtbot):
    window.action_bank_stats.trigger()
    qtbot.waitUntil(lambda: bool(window.ui.infos), timeout=5000)
    title, message = window.ui.infos[-1]
    assert title == "短语库统计"
    assert "条目" in message


def test_reload_bank(window, qtbot):
    old = window.bank
    with qtbot.waitSignal(window.bank_loaded, timeout=10000):
        window.action_reload_bank.trigger()
    assert window.bank is not None and window.bank is not old


def test_import_speeches_in_the_background(window, qtbot, tmp_path):
    pytest.importorskip("phrasebank.read", reason="the core's file reader has not landed yet")
    speech = tmp_path / "讲话.txt"
    speech.write_text(
        "同志们：\n今天，我们召开全区经济工作会议。\n"
        "一、充分肯定成绩，坚定发展信心\n我们要坚持以人民为中心的发展思想，攻坚克难、真抓实干。\n"
        "二、突出工作重点\n要坚持稳中求进工作总基调，推动高质量发展。\n",
        encoding="utf-8",
    )
    before = len(window.bank)
    window.ui.import_paths = [str(speech)]
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.action_import_speeches.trigger()
    report = blocker.args[0]
    assert report is not None, window.ui.errors
    assert report.files == 1
    assert len(window.bank) >= before
    assert window.bank_label.text() == f"短语库：{len(window.bank):,} 条"
    assert window.ui.infos and "导入" in window.ui.infos[-1][1]
    # New entries wait for review, and the manager opens on its review queue.
    assert report.added > 0
    assert window.bank.count(status="pending") >= report.added
    manager = window._bank_manager
    qtbot.addWidget(manager)
    assert manager.tabs.currentWidget() is manager.review
    manager.close()


def test_settings_json_is_written_below_the_user_home(window, speech_home):
    window.action_word_wrap.trigger()
    assert settings_path().is_relative_to(speech_home)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["word_wrap"] is False


class SlowBank:
    """A bank whose import runs until it is told to stop (to test cancelling)."""

    def __init__(self) -> None:
        self.started = False

    def __len__(self) -> int:
        return 0

    def suggest(self, before, *, limit=5, **options):
        return []

    def occurrences(self, phrase_id, *, limit=20):
        return []

    def mine(self, paths, *, on_progress=None, should_stop=None, status="active"):
        self.started = True
        total = 1000
        for done in range(total):
            if should_stop is not None and should_stop():
                raise RuntimeError("cancelled")
            if on_progress is not None:
                on_progress(done, total)
            threading.Event().wait(0.005)  # stands in for mining work on the worker thread
        raise AssertionError("import was never cancelled")

    def close(self) -> None:
        pass


def test_import_can_be_cancelled(window, qtbot):
    window._set_bank(SlowBank(), "短语库：0 条")
    assert window.import_speeches(["/tmp/x.txt"])
    qtbot.waitUntil(lambda: window.bank.started)
    qtbot.waitUntil(lambda: window._progress is not None and window._progress.maximum() == 1000)
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        window._progress.findChild(QPushButton).click()  # the dialog's 取消 button
    assert blocker.args == [None]
    assert not window.ui.errors
    assert "取消" in window.statusBar().currentMessage()
