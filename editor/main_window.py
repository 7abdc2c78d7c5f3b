"""The main editor window: draft, menus, toolbar, status bar, files, autosave, the bank.

Everything that asks the user something goes through one small method (``_ask_…``,
``_show_error``, ``_show_info``, ``_open_folder``) so tests stub it instead of driving
a modal loop. Every menu command is an ``action_…`` attribute.

Slow work (opening the bank and building its index, mining imported speeches, bank
statistics) runs on the window's QThreadPool; results come back as queued signals.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QIcon,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor import i18n
from editor.autosave import AutosaveInfo, Autosaver, discard_file, find_orphans
from editor.files import (
    DOCX_SUFFIXES,
    DraftFileError,
    encoding_label,
    read_draft,
    write_draft,
)
from editor.find_replace import FindReplaceBar
from editor.settings import (
    CJK_FONT_FALLBACKS,
    Settings,
    add_recent_file,
    load_settings,
    save_settings,
)
from editor.structure import install_structure
from editor.text_tools import count_nonspace, fullwidth_at, to_fullwidth_punctuation
from phrasebank import paths
from phrasebank.model import SLOT

__all__ = ["MainWindow", "SaveChoice"]

log = logging.getLogger(__name__)

OPEN_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "文稿 (*.txt *.md *.docx);;文本 (*.txt *.md);;Word 文档 (*.docx);;所有文件 (*)"
)
SAVE_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "文本 (*.txt);;Markdown (*.md);;Word 文档（公文格式） (*.docx)"
)
DOCX_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Word 文档（公文格式） (*.docx)")
IMPORT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "讲话稿 (*.txt *.md *.docx);;所有文件 (*)")

_MNEMONIC = re.compile(r"\(&\w\)")

#: Inserts longer than this (pastes) are not touched by as-you-type punctuation.
_PUNCT_MAX_INSERT = 32


class SaveChoice(Enum):
    """The answer to “save changes?”."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _make_draft_editor(parent: QWidget) -> QPlainTextEdit:
    """The draft widget: DraftEdit when available, a plain QPlainTextEdit otherwise."""
    try:
        from editor.draft_edit import DraftEdit
    except ImportError:  # pragma: no cover - the suggestion helper's module is missing
        editor = QPlainTextEdit(parent)
    else:
        editor = DraftEdit(parent)
    editor.setObjectName("draftEditor")
    return editor


def _install_suggestions(window: QMainWindow, editor: QPlainTextEdit, settings: Settings) -> Any:
    """The suggestion controller, or None when that part is missing or broken."""
    try:
        from editor.draft_edit import DraftEdit
        from editor.suggestions import install_suggestions
    except ImportError as exc:  # pragma: no cover
        log.info("suggestions unavailable: %s", exc)
        return None
    if not isinstance(editor, DraftEdit):  # pragma: no cover
        return None
    try:
        return install_suggestions(window, editor, settings)
    except Exception:  # pragma: no cover - a broken controller must not stop the editor
        log.exception("could not install suggestions")
        return None


class _JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)


class _Job(QRunnable):
    """Runs ``fn(signals)`` on a pool thread and reports through queued signals."""

    def __init__(self, fn: Callable[[_JobSignals], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            try:
                result = self.fn(self.signals)
            except Exception as exc:
                log.warning("background job failed: %s", exc, exc_info=True)
                self.signals.failed.emit(str(exc) or type(exc).__name__)
                return
            self.signals.finished.emit(result)
        except RuntimeError:
            # The window (and with it the receiver) went away while the job ran, e.g. at exit.
            log.debug("background job finished after its window was gone")


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("MainWindow", …)."""
    return QCoreApplication.translate("MainWindow", str(text))


class MainWindow(QMainWindow):
    """Main window with the draft editor (objectName ``draftEditor``)."""

    #: The bank finished loading (the bank object, or None when it failed).
    bank_loaded = Signal(object)
    #: An import of speeches ended (its MineReport, or None when cancelled or failed).
    import_finished = Signal(object)

    def __init__(self, settings: Settings | None = None, *, load_bank: bool = True) -> None:
        super().__init__()
        self.settings = load_settings() if settings is None else settings.normalized()
        # Before any string is created: tr() looks the language up at call time.
        if QCoreApplication.instance() is not None:
            i18n.set_language(self.settings.language)
        self.setObjectName("mainWindow")
        self.path: Path | None = None
        self.encoding = "utf-8"
        self.bank: Any = None
        self.bank_error: str | None = None
        self._bank_generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._jobs: set[_Job] = set()
        self._mine_stop: threading.Event | None = None
        self._progress: QProgressDialog | None = None

        self.editor = _make_draft_editor(self)
        self.find_bar = FindReplaceBar(self.editor, self)
        self.find_bar.hide()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.suggestions = _install_suggestions(self, self.editor, self.settings)
        # Wording checker (underlines, issues panel), outline panel, numbering, skeletons.
        self.structure = install_structure(self, self.editor, lambda: self.bank)
        # The wording issues share the left column with the outline (a tab each), so the
        # draft keeps its width; the underlines in the text are the primary signal.
        self.tabifyDockWidget(self.structure.outline_panel, self.structure.issues_panel)
        self.structure.outline_panel.raise_()
        self.structure.skeleton_requested.connect(self.new_from_skeleton)
        self.bank_loaded.connect(lambda _bank: self.structure.reload_checker())
        self._bank_manager: Any = None

        document = self.editor.document()
        self.autosaver = Autosaver(
            document, source=lambda: self.path, encoding=lambda: self.encoding, parent=self
        )
        self._punct_range: tuple[int, int] | None = None
        self._punct_timer = QTimer(self)
        self._punct_timer.setSingleShot(True)
        self._punct_timer.setInterval(0)
        self._punct_timer.timeout.connect(self._on_fix_punctuation)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()

        document.modificationChanged.connect(self.setWindowModified)
        document.contentsChange.connect(self._on_contents_change)
        self.editor.textChanged.connect(self._update_counts)
        self.editor.selectionChanged.connect(self._update_counts)
        self.editor.cursorPositionChanged.connect(self._update_position)
        self.editor.undoAvailable.connect(self.action_undo.setEnabled)
        self.editor.redoAvailable.connect(self.action_redo.setEnabled)
        self.editor.copyAvailable.connect(self.action_cut.setEnabled)
        self.editor.copyAvailable.connect(self.action_copy.setEnabled)
        self.find_bar.message.connect(lambda text: self.statusBar().showMessage(text, 4000))

        self.resize(1000, 720)
        self._restore_window_state()
        self._apply_settings_to_ui()
        self._update_title()
        self._update_counts()
        self._update_position()
        self.editor.setFocus()
        if load_bank:
            self.reload_bank()
        QTimer.singleShot(0, self, self.check_recovery)

    # ------------------------------------------------------------------ actions and menus

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        *,
        standard: QKeySequence.StandardKey | None = None,
        fallback: str = "",
        icon: str = "",
        checkable: bool = False,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        # Toolbar buttons show "新建", not "新建(N)…" (Chinese menus put the mnemonic in brackets).
        action.setIconText(_MNEMONIC.sub("", text).replace("…", "").replace("&", ""))
        keys: list[QKeySequence] = []
        if standard is not None:
            keys = QKeySequence.keyBindings(standard)
        if not keys and fallback:
            keys = [QKeySequence(fallback)]
        if keys:
            action.setShortcuts(keys)
        if icon:
            action.setIcon(QIcon.fromTheme(icon))
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(lambda _checked: slot())
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        sk = QKeySequence.StandardKey
        # 文件
        self.action_new = self._action(
            self.tr("新建(&N)"), self.new_file, standard=sk.New, icon="document-new"
        )
        self.action_open = self._action(
            self.tr("打开(&O)…"), self._on_open, standard=sk.Open, icon="document-open"
        )
        self.action_save = self._action(
            self.tr("保存(&S)"), self.save, standard=sk.Save, icon="document-save"
        )
        self.action_save_as = self._action(
            self.tr("另存为(&A)…"),
            self.save_as,
            standard=sk.SaveAs,
            fallback="Ctrl+Shift+S",
            icon="document-save-as",
        )
        self.action_export_docx = self._action(
            self.tr("导出为 Word（公文格式）(&E)…"),
            self._on_export_docx,
            fallback="Ctrl+E",
            tip=self.tr("按 GB/T 9704 党政机关公文格式导出 .docx"),
        )
        self.action_keep_encoding = self._action(
            self.tr("保留原编码"),
            self._on_toggle_keep_encoding,
            checkable=True,
            tip=self.tr("保存 .txt/.md 时沿用打开时的编码（如 GBK），否则一律存为 UTF-8"),
        )
        self.action_clear_recent = self._action(self.tr("清除最近打开记录"), self._on_clear_recent)
        self.action_quit = self._action(
            self.tr("退出(&X)"),
            self.close,
            standard=sk.Quit,
            fallback="Ctrl+Q",
            icon="application-exit",
        )
        # 编辑
        self.action_undo = self._action(
            self.tr("撤销(&U)"), self.editor.undo, standard=sk.Undo, icon="edit-undo"
        )
        self.action_redo = self._action(
            self.tr("重做(&R)"), self.editor.redo, standard=sk.Redo, icon="edit-redo"
        )
        self.action_cut = self._action(
            self.tr("剪切(&T)"), self.editor.cut, standard=sk.Cut, icon="edit-cut"
        )
        self.action_copy = self._action(
            self.tr("复制(&C)"), self.editor.copy, standard=sk.Copy, icon="edit-copy"
        )
        self.action_paste = self._action(
            self.tr("粘贴(&P)"), self.editor.paste, standard=sk.Paste, icon="edit-paste"
        )
        self.action_select_all = self._action(
            self.tr("全选(&L)"), self.editor.selectAll, standard=sk.SelectAll
        )
        for action in (self.action_undo, self.action_redo, self.action_cut, self.action_copy):
            action.setEnabled(False)
        self.action_find = self._action(
            self.tr("查找(&F)…"), self._on_find, standard=sk.Find, icon="edit-find"
        )
        self.action_replace = self._action(
            self.tr("替换(&H)…"),
            self._on_replace,
            standard=sk.Replace,
            fallback="Ctrl+H",
            icon="edit-find-replace",
        )
        self.action_find_next = self._action(
            self.tr("查找下一个"), self._on_find_next, standard=sk.FindNext, fallback="F3"
        )
        self.action_find_previous = self._action(
            self.tr("查找上一个"),
            self._on_find_previous,
            standard=sk.FindPrevious,
            fallback="Shift+F3",
        )
        self.action_fullwidth_typing = self._action(
            self.tr("输入时自动转全角标点"),
            self._on_toggle_fullwidth,
            checkable=True,
            tip=self.tr("在中文之间输入的 , : ; ? ! 自动变成 ，：；？！（数字中的不变）"),
        )
        self.action_fullwidth_document = self._action(
            self.tr("全文半角标点转全角"), self.convert_document_punctuation
        )
        # 插入
        self.action_insert_suggestion = self._action(
            self.tr("插入建议"),
            self._on_insert_suggestion,
            fallback="Ctrl+Return",
            tip=self.tr("插入联想框中选中的表述（也可按 Tab）"),
        )
        self.action_next_slot = self._action(
            self.tr("下一个空位"),
            self._on_next_slot,
            fallback="F4",
            tip=self.tr("选中下一个待填的 ×× 空位"),
        )
        self.action_insert_date = self._action(
            self.tr("日期"), self.insert_date, fallback="Alt+Shift+D"
        )
        # 短语库
        self.action_bank_manager = self._action(
            self.tr("管理短语库…"), self.show_bank_manager, fallback="Ctrl+Shift+B"
        )
        self.action_reload_bank = self._action(self.tr("重新载入短语库"), self.reload_bank)
        self.action_bank_stats = self._action(self.tr("短语库统计"), self._on_bank_stats)
        self.action_open_data_folder = self._action(
            self.tr("打开数据文件夹"), self._on_open_data_folder
        )
        self.action_import_speeches = self._action(self.tr("导入讲话稿…"), self._on_import_speeches)
        # 视图
        self.action_zoom_in = self._action(
            self.tr("放大"), self.zoom_in, standard=sk.ZoomIn, fallback="Ctrl++", icon="zoom-in"
        )
        self.action_zoom_out = self._action(
            self.tr("缩小"), self.zoom_out, standard=sk.ZoomOut, fallback="Ctrl+-", icon="zoom-out"
        )
        self.action_zoom_reset = self._action(
            self.tr("恢复默认大小"), self.zoom_reset, fallback="Ctrl+0", icon="zoom-original"
        )
        self.action_word_wrap = self._action(
            self.tr("自动换行"), self._on_toggle_word_wrap, checkable=True
        )
        self.action_show_toolbar = self._action(
            self.tr("工具栏"), self._on_toggle_toolbar, checkable=True
        )
        self.action_show_statusbar = self._action(
            self.tr("状态栏"), self._on_toggle_statusbar, checkable=True
        )
        self.action_show_suggestion_panel = self._action(
            self.tr("建议面板"), self._on_toggle_suggestion_panel, checkable=True, fallback="F9"
        )
        if self.suggestions is None or getattr(self.suggestions, "panel", None) is None:
            self.action_show_suggestion_panel.setEnabled(False)
        else:
            self.suggestions.panel.visibilityChanged.connect(self._on_panel_visibility)
        self.action_settings = self._action(
            self.tr("设置…"),
            self._on_settings,
            standard=sk.Preferences,
            fallback="Ctrl+,",
            icon="preferences-system",
        )
        # 帮助
        self.action_about = self._action(self.tr("关于"), self._on_about, icon="help-about")
        self.action_shortcuts = self._action(
            self.tr("快捷键"), self._on_shortcuts, standard=sk.HelpContents, fallback="F1"
        )
        self.action_insert_suggestion.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("文件(&F)"))
        self.menu_file.addActions([self.action_new, self.action_open])
        self.menu_skeletons = self.menu_file.addMenu(self.tr("按模板新建(&T)"))
        self.menu_skeletons.addActions(self.structure.new_from_skeleton_actions)
        self.menu_recent = self.menu_file.addMenu(self.tr("最近打开(&R)"))
        self.menu_recent.aboutToShow.connect(self._rebuild_recent_menu)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.action_save, self.action_save_as, self.action_export_docx])
        self.menu_file.addAction(self.action_keep_encoding)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self._rebuild_recent_menu()

        self.menu_edit = bar.addMenu(self.tr("编辑(&E)"))
        self.menu_edit.addActions([self.action_undo, self.action_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions(
            [self.action_cut, self.action_copy, self.action_paste, self.action_select_all]
        )
        self.menu_edit.addSeparator()
        self.menu_edit.addActions(
            [
                self.action_find,
                self.action_replace,
                self.action_find_next,
                self.action_find_previous,
            ]
        )
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.action_fullwidth_typing, self.action_fullwidth_document])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.structure.check_now_action, self.structure.renumber_action])

        self.menu_insert = bar.addMenu(self.tr("插入(&I)"))
        self.menu_insert.addActions(
            [self.action_insert_suggestion, self.action_next_slot, self.action_insert_date]
        )

        self.menu_bank = bar.addMenu(self.tr("短语库(&B)"))
        self.menu_bank.addActions(
            [
                self.action_bank_manager,
                self.action_import_speeches,
                self.action_reload_bank,
                self.action_bank_stats,
            ]
        )
        self.menu_bank.addSeparator()
        self.menu_bank.addAction(self.action_open_data_folder)

        self.menu_view = bar.addMenu(self.tr("视图(&V)"))
        self.menu_view.addActions(
            [self.action_zoom_in, self.action_zoom_out, self.action_zoom_reset]
        )
        self.menu_view.addSeparator()
        self.menu_view.addActions(
            [
                self.action_word_wrap,
                self.action_show_toolbar,
                self.action_show_statusbar,
                self.action_show_suggestion_panel,
                self.structure.outline_panel.toggleViewAction(),
                self.structure.issues_panel.toggleViewAction(),
            ]
        )
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.action_settings)

        self.menu_help = bar.addMenu(self.tr("帮助(&H)"))
        self.menu_help.addActions([self.action_shortcuts, self.action_about])

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("工具栏"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.action_new, self.action_open, self.action_save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.action_undo, self.action_redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.action_find, self.action_insert_suggestion])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("charCount")
        self.position_label = QLabel(self)
        self.position_label.setObjectName("caretPosition")
        self.encoding_label = QLabel(self)
        self.encoding_label.setObjectName("fileEncoding")
        self.bank_label = QLabel(self.tr("短语库：未加载"), self)
        self.bank_label.setObjectName("bankSize")
        for label in (self.count_label, self.position_label, self.encoding_label, self.bank_label):
            bar.addPermanentWidget(label)

    def _rebuild_recent_menu(self) -> None:
        menu = self.menu_recent
        for action in menu.actions():
            if action is not self.action_clear_recent:
                action.deleteLater()
        menu.clear()
        self.recent_actions: list[QAction] = []
        for i, entry in enumerate(self.settings.recent_files):
            label = f"&{i + 1} {Path(entry).name}" if i < 9 else f"1&0 {Path(entry).name}"
            action = QAction(label, menu)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self._on_open_recent(p))
            menu.addAction(action)
            self.recent_actions.append(action)
        if self.recent_actions:
            menu.addSeparator()
        menu.addAction(self.action_clear_recent)
        self.action_clear_recent.setEnabled(bool(self.recent_actions))

    # ------------------------------------------------------------------ asking the user
    # Tests replace these; each is the only place its dialog is shown.

    def _ask_save_changes(self) -> SaveChoice:
        name = self.path.name if self.path else self.tr("未命名")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("保存修改"),
            self.tr("“%1”有未保存的修改，要保存吗？").replace("%1", name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("保存"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("不保存"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def _ask_restore(self, info: AutosaveInfo) -> bool:
        when = _dt.datetime.fromtimestamp(info.saved_at).strftime("%Y-%m-%d %H:%M:%S")
        preview = info.text[:80].replace("\n", " ")
        text = (
            self.tr("上次编辑器没有正常退出。找到“%1”自动保存的内容（%2），要恢复吗？")
            .replace("%1", info.display_name)
            .replace("%2", when)
        )
        answer = QMessageBox.question(
            self,
            self.tr("恢复文稿"),
            f"{text}\n\n{preview}…",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def _ask_open_path(self) -> str | None:
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开文稿"), start, _tr(OPEN_FILTER))
        return path or None

    def _ask_save_path(self, suggested: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存文稿"), suggested, file_filter)
        return path or None

    def _ask_import_paths(self) -> list[str]:
        paths_, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的讲话稿"), "", _tr(IMPORT_FILTER)
        )
        return list(paths_)

    def _open_folder(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # ------------------------------------------------------------------ files

    def _maybe_save(self) -> bool:
        """True when the current draft may be replaced (saved, discarded or unmodified)."""
        if not self.editor.document().isModified():
            return True
        choice = self._ask_save_changes()
        if choice == SaveChoice.SAVE:
            return self.save()
        return choice == SaveChoice.DISCARD

    def _load_text(self, text: str, path: Path | None, encoding: str) -> None:
        self.autosaver.set_suspended(True)
        try:
            self.editor.setPlainText(text)
        finally:
            self.autosaver.set_suspended(False)
        self.autosaver.discard()
        self.path = path
        self.encoding = encoding
        self.editor.document().setModified(False)
        self._update_title()
        self._update_counts()

    def new_file(self) -> bool:
        if not self._maybe_save():
            return False
        self._load_text("", None, "utf-8")
        return True

    def new_from_skeleton(self, text: str) -> bool:
        """Start a new draft from a speech skeleton, with its first blank selected."""
        if not self._maybe_save():
            return False
        self._load_text(text, None, "utf-8")
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.editor.find(SLOT)  # select the first blank: typing replaces it
        self.editor.setFocus()
        return True

    def show_bank_manager(self) -> Any:
        """Open the phrase bank manager on the loaded bank (one window, raised if open)."""
        if self.bank is None:
            self._show_info(
                self.tr("短语库"),
                self.bank_error or self.tr("短语库还在加载，请稍候再打开管理窗口。"),
            )
            return None
        from editor.bank_manager import open_bank_manager

        self._bank_manager = open_bank_manager(self, self.bank)
        return self._bank_manager

    def open_path(self, path: str | Path) -> bool:
        """Open ``path``; on any error the current draft stays as it is."""
        p = Path(path)
        try:
            draft = read_draft(p)
        except DraftFileError as exc:
            self._show_error(self.tr("无法打开文件"), str(exc))
            return False
        if not self._maybe_save():
            return False
        self._load_text(draft.text, p.resolve(), draft.encoding)
        add_recent_file(self.settings, p)
        self._save_settings()
        self._rebuild_recent_menu()
        self.statusBar().showMessage(self.tr("已打开 %1").replace("%1", str(p)), 4000)
        return True

    def _on_open(self) -> None:
        path = self._ask_open_path()
        if path:
            self.open_path(path)

    def _on_open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self._show_error(
                self.tr("无法打开文件"),
                self.tr("“%1”已不存在，已从最近打开列表中移除。").replace("%1", path),
            )
            self.settings.recent_files = [p for p in self.settings.recent_files if p != path]
            self._save_settings()
            self._rebuild_recent_menu()
            return
        self.open_path(path)

    def _on_clear_recent(self) -> None:
        self.settings.recent_files = []
        self._save_settings()
        self._rebuild_recent_menu()

    def _on_toggle_keep_encoding(self) -> None:
        self.settings.keep_original_encoding = self.action_keep_encoding.isChecked()
        self._save_settings()

    def _codec_for(self, path: Path) -> str:
        if path.suffix.lower() in DOCX_SUFFIXES:
            return "docx"
        if self.settings.keep_original_encoding and self.encoding != "docx":
            return self.encoding
        return "utf-8"

    def save(self) -> bool:
        if self.path is None or self.path.suffix.lower() in DOCX_SUFFIXES:
            # A .docx opened here lost its formatting; saving over it would replace the
            # user's original layout, so ask where to save (as GB/T 9704 or as text).
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        if self.path is not None:
            suggested = str(
                self.path.with_suffix(".txt") if self.path.suffix == ".docx" else self.path
            )
        else:
            suggested = self._suggested_name(".txt")
        path = self._ask_save_path(suggested, _tr(SAVE_FILTER))
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Save the draft to ``path`` (atomically) and make it the draft's file."""
        p = Path(path)
        codec = self._codec_for(p)
        try:
            used = write_draft(p, self.editor.toPlainText(), encoding=codec)
        except DraftFileError as exc:
            self._show_error(self.tr("无法保存文件"), str(exc))
            return False
        self.path = p.resolve()
        self.encoding = used
        self.editor.document().setModified(False)
        self.autosaver.discard()
        add_recent_file(self.settings, p)
        self._save_settings()
        self._rebuild_recent_menu()
        self._update_title()
        self.statusBar().showMessage(self.tr("已保存 %1").replace("%1", str(p)), 4000)
        return True

    def _suggested_name(self, suffix: str) -> str:
        first = next((ln.strip() for ln in self.editor.toPlainText().split("\n") if ln.strip()), "")
        stem = "".join(c for c in first[:20] if c not in '\\/:*?"<>|') or self.tr("未命名")
        base = self.path.parent if self.path else Path.home()
        return str(base / f"{stem}{suffix}")

    def export_docx(self, path: str | Path) -> bool:
        """Export the draft as a GB/T 9704 .docx; the draft keeps its own file."""
        p = Path(path)
        if p.suffix.lower() != ".docx":
            p = p.with_suffix(".docx")
        try:
            from editor.docx_export import export_docx

            export_docx(p, self.editor.toPlainText(), available_fonts=QFontDatabase.families())
        except OSError as exc:
            self._show_error(
                self.tr("无法导出"),
                self.tr("无法写入“%1”：%2。请换一个位置导出。")
                .replace("%1", str(p))
                .replace("%2", exc.strerror or str(exc)),
            )
            return False
        self.statusBar().showMessage(self.tr("已导出 %1").replace("%1", str(p)), 4000)
        return True

    def _on_export_docx(self) -> None:
        suggested = (
            str(self.path.with_suffix(".docx")) if self.path else self._suggested_name(".docx")
        )
        path = self._ask_save_path(suggested, _tr(DOCX_FILTER))
        if path:
            self.export_docx(path)

    # ------------------------------------------------------------------ autosave / recovery

    def check_recovery(self) -> bool:
        """Offer autosaves left by crashed sessions; True if one was restored."""
        try:
            orphans = find_orphans()
        except OSError as exc:
            log.warning("cannot look for autosaves: %s", exc)
            return False
        for info in orphans:
            if self._ask_restore(info):
                self.restore_autosave(info)
                return True
            discard_file(info.file)
        return False

    def restore_autosave(self, info: AutosaveInfo) -> None:
        """Put an autosave's text in the editor as an unsaved draft of its file."""
        self._load_text(info.text, info.source, info.encoding)
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)
        self.editor.document().setModified(True)
        self.autosaver.save_now()  # our own copy first, then drop the orphan
        discard_file(info.file)
        self._update_title()
        self.statusBar().showMessage(self.tr("已恢复自动保存的文稿"), 6000)

    # ------------------------------------------------------------------ editing

    def _on_find(self) -> None:
        self.find_bar.open_bar(replace=False)

    def _on_replace(self) -> None:
        self.find_bar.open_bar(replace=True)

    def _on_find_next(self) -> None:
        if not self.find_bar.find_edit.text():
            self.find_bar.open_bar(replace=False)
            return
        self.find_bar.find_next()

    def _on_find_previous(self) -> None:
        if not self.find_bar.find_edit.text():
            self.find_bar.open_bar(replace=False)
            return
        self.find_bar.find_next(backward=True)

    def _on_toggle_fullwidth(self) -> None:
        self.settings.fullwidth_punctuation = self.action_fullwidth_typing.isChecked()
        self._save_settings()

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if not self.settings.fullwidth_punctuation or added <= 0 or added > _PUNCT_MAX_INSERT:
            return
        start, end = position, position + added
        if self._punct_range is not None:
            start, end = min(start, self._punct_range[0]), max(end, self._punct_range[1])
        self._punct_range = (start, end)
        # Not inside the document's change signal: edit once the change is complete.
        self._punct_timer.start()

    def _on_fix_punctuation(self) -> None:
        span = self._punct_range
        self._punct_range = None
        if span is None or not self.settings.fullwidth_punctuation:
            return
        is_composing = getattr(self.editor, "is_composing", None)
        if callable(is_composing) and is_composing():
            return
        document = self.editor.document()
        # One character of context on each side decides; look one further for the rule.
        lo = max(0, span[0] - 2)
        hi = min(document.characterCount() - 1, span[1] + 2)
        cursor = QTextCursor(document)
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        window = cursor.selectedText()
        if len(window) != hi - lo:  # surrogate pairs: positions are not indexes; skip
            return
        targets = [
            (lo + i, full)
            for i in range(max(0, span[0] - 1 - lo), min(len(window), span[1] + 1 - lo))
            if (full := fullwidth_at(window, i)) is not None
        ]
        if not targets:
            return
        edit = QTextCursor(document)
        # Its own undo step, as with Word's AutoCorrect: Ctrl+Z brings back the half-width mark.
        edit.beginEditBlock()
        for pos, full in targets:
            edit.setPosition(pos)
            edit.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(full)
        edit.endEditBlock()

    def convert_document_punctuation(self) -> int:
        """Turn every half-width , : ; ? ! inside Chinese text full width (one undo step)."""
        text = self.editor.toPlainText()
        new_text, changes = to_fullwidth_punctuation(text)
        if changes:
            cursor = QTextCursor(self.editor.document())
            cursor.beginEditBlock()
            for i, (old, new) in enumerate(zip(text, new_text, strict=True)):
                if old != new:
                    cursor.setPosition(self._utf16_pos(text, i))
                    cursor.setPosition(
                        self._utf16_pos(text, i) + 1, QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.insertText(new)
            cursor.endEditBlock()
        self.statusBar().showMessage(self.tr("已转换 %n 个标点", "", changes), 4000)
        return changes

    @staticmethod
    def _utf16_pos(text: str, index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    def insert_date(self) -> None:
        today = _dt.date.today()
        self.editor.insertPlainText(f"{today.year}年{today.month}月{today.day}日")

    def _on_insert_suggestion(self) -> None:
        if self.suggestions is None or not self.suggestions.accept_current():
            self.statusBar().showMessage(self.tr("当前没有可插入的建议"), 3000)

    def _on_next_slot(self) -> None:
        if self.suggestions is not None and self.suggestions.next_slot():
            return
        # Without pending blanks of an insertion, find the next ×× in the text.
        from phrasebank.model import SLOT

        document = self.editor.document()
        found = document.find(SLOT, self.editor.textCursor())
        if found.isNull():
            found = document.find(SLOT, 0)
        if found.isNull():
            self.statusBar().showMessage(self.tr("没有待填的空位"), 3000)
            return
        self.editor.setTextCursor(found)

    # ------------------------------------------------------------------ view

    def _editor_font(self) -> QFont:
        font = QFont()
        families = [self.settings.font_family] if self.settings.font_family else []
        families += [f for f in CJK_FONT_FALLBACKS if f not in families]
        font.setFamilies(families)
        font.setPointSize(max(6, self.settings.font_size + self.settings.zoom))
        return font

    def _set_zoom(self, zoom: int) -> None:
        self.settings.zoom = zoom
        self.settings = self.settings.normalized()
        self.editor.setFont(self._editor_font())
        self._save_settings()

    def zoom_in(self) -> None:
        self._set_zoom(self.settings.zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self.settings.zoom - 1)

    def zoom_reset(self) -> None:
        self._set_zoom(0)

    def _on_toggle_word_wrap(self) -> None:
        self.settings.word_wrap = self.action_word_wrap.isChecked()
        self._apply_wrap()
        self._save_settings()

    def _apply_wrap(self) -> None:
        mode = (
            QPlainTextEdit.LineWrapMode.WidgetWidth
            if self.settings.word_wrap
            else QPlainTextEdit.LineWrapMode.NoWrap
        )
        self.editor.setLineWrapMode(mode)

    def _on_toggle_toolbar(self) -> None:
        self.settings.show_toolbar = self.action_show_toolbar.isChecked()
        self.toolbar.setVisible(self.settings.show_toolbar)
        self._save_settings()

    def _on_toggle_statusbar(self) -> None:
        self.settings.show_statusbar = self.action_show_statusbar.isChecked()
        self.statusBar().setVisible(self.settings.show_statusbar)
        self._save_settings()

    def _on_toggle_suggestion_panel(self) -> None:
        panel = getattr(self.suggestions, "panel", None)
        self.settings.show_suggestion_panel = self.action_show_suggestion_panel.isChecked()
        if panel is not None:
            panel.setVisible(self.settings.show_suggestion_panel)
        self._save_settings()

    def _on_panel_visibility(self, _visible: bool) -> None:
        panel = self.suggestions.panel
        # visibilityChanged also fires when the window is minimised or closed; only an
        # explicit close of the dock counts.
        if self.isVisible():
            shown = not panel.isHidden()
            if shown != self.action_show_suggestion_panel.isChecked():
                self.action_show_suggestion_panel.blockSignals(True)
                self.action_show_suggestion_panel.setChecked(shown)
                self.action_show_suggestion_panel.blockSignals(False)
                self.settings.show_suggestion_panel = shown

    def _on_settings(self) -> None:
        from editor.settings_dialog import SettingsDialog  # only when asked: faster start-up

        new, accepted = SettingsDialog.edit(self, self.settings)
        if accepted:
            self.apply_settings(new)

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` now (the UI language changes at the next start) and save them."""
        language_changed = settings.language != self.settings.language
        self.settings = settings.normalized()
        self._apply_settings_to_ui()
        self._save_settings()
        if language_changed:
            self._show_info(self.tr("界面语言"), self.tr("界面语言将在重新启动编辑器后切换。"))

    def _apply_settings_to_ui(self) -> None:
        s = self.settings
        self.editor.setFont(self._editor_font())
        self._apply_wrap()
        for action, value in (
            (self.action_word_wrap, s.word_wrap),
            (self.action_fullwidth_typing, s.fullwidth_punctuation),
            (self.action_keep_encoding, s.keep_original_encoding),
            (self.action_show_toolbar, s.show_toolbar),
            (self.action_show_statusbar, s.show_statusbar),
        ):
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)
        self.toolbar.setVisible(s.show_toolbar)
        self.statusBar().setVisible(s.show_statusbar)
        panel = getattr(self.suggestions, "panel", None)
        self.action_show_suggestion_panel.blockSignals(True)
        self.action_show_suggestion_panel.setChecked(panel is not None and s.show_suggestion_panel)
        self.action_show_suggestion_panel.blockSignals(False)
        if panel is not None:
            panel.setVisible(s.show_suggestion_panel)
        if self.suggestions is not None and hasattr(self.suggestions, "apply_settings"):
            self.suggestions.apply_settings(s)

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            log.warning("cannot save settings: %s", exc)
            self.statusBar().showMessage(self.tr("无法保存设置：%1").replace("%1", str(exc)), 5000)

    def _restore_window_state(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    # ------------------------------------------------------------------ status bar and title

    def _update_title(self) -> None:
        name = self.path.name if self.path is not None else self.tr("未命名")
        app_title = self.tr("讲稿编辑器")
        self.setWindowTitle(f"{name}[*] - {app_title}")
        self.setWindowModified(self.editor.document().isModified())
        self.encoding_label.setText(encoding_label(self.encoding))

    def _update_counts(self) -> None:
        cursor = self.editor.textCursor()
        total = count_nonspace(self.editor.toPlainText())
        if cursor.hasSelection():
            selected = count_nonspace(cursor.selectedText())
            text = (
                self.tr("字数：%1 / %2").replace("%1", f"{selected:,}").replace("%2", f"{total:,}")
            )
        else:
            text = self.tr("字数：%1").replace("%1", f"{total:,}")
        self.count_label.setText(text)

    def _update_position(self) -> None:
        cursor = self.editor.textCursor()
        line = cursor.blockNumber() + 1
        column = cursor.positionInBlock() + 1
        self.position_label.setText(
            self.tr("第 %1 行，第 %2 列").replace("%1", str(line)).replace("%2", str(column))
        )

    # ------------------------------------------------------------------ the phrase bank

    def _run(
        self,
        fn: Callable[[_JobSignals], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        job = _Job(fn)
        self._jobs.add(job)

        def done(result: object) -> None:
            self._jobs.discard(job)
            on_done(result)

        def failed(message: str) -> None:
            self._jobs.discard(job)
            on_error(message)

        job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if on_progress is not None:
            job.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        job.setAutoDelete(False)
        self._pool.start(job)

    def reload_bank(self) -> None:
        """(Re)open the user's bank and build its index on a worker thread."""
        self._bank_generation += 1
        generation = self._bank_generation
        self.bank_label.setText(self.tr("短语库：加载中…"))

        def load(_signals: _JobSignals) -> tuple[Any, int]:
            # Imported here, off the UI thread: the storage stack (sqlite-utils) takes ~0.2 s.
            from phrasebank import PhraseBank

            bank = PhraseBank.open(paths.ensure_user_bank())
            try:
                bank.build_index()
                return bank, len(bank)
            except BaseException:
                bank.close()
                raise

        def done(result: Any) -> None:
            bank, size = result
            if generation != self._bank_generation:
                bank.close()  # a newer load was asked for meanwhile
                return
            self._set_bank(bank, self.tr("短语库：%1 条").replace("%1", f"{size:,}"))

        def failed(message: str) -> None:
            if generation != self._bank_generation:
                return
            self.bank_error = message
            self._set_bank(None, self.tr("短语库：未加载"))
            self.bank_label.setToolTip(message)
            self.statusBar().showMessage(self.tr("短语库无法打开：%1").replace("%1", message), 8000)

        self._run(load, done, failed)

    def _set_bank(self, bank: Any, label: str) -> None:
        old, self.bank = self.bank, bank
        manager = self._bank_manager
        if manager is not None and bank is not None and shiboken6.isValid(manager):
            manager.set_bank(bank)
        if bank is not None:
            self.bank_error = None
            self.bank_label.setToolTip(str(getattr(bank, "path", "")))
        if self.suggestions is not None:
            self.suggestions.set_bank(bank)
        if old is not None and old is not bank:
            try:
                old.close()
            except Exception:  # pragma: no cover
                log.warning("closing the old bank failed", exc_info=True)
        self.bank_label.setText(label)
        self.bank_loaded.emit(bank)

    def _refresh_bank_size(self) -> None:
        if self.bank is not None:
            self.bank_label.setText(self.tr("短语库：%1 条").replace("%1", f"{len(self.bank):,}"))

    def _on_bank_stats(self) -> None:
        bank = self.bank
        if bank is None:
            self._show_info(self.tr("短语库统计"), self._bank_missing_message())
            return
        self._run(
            lambda _s: bank.stats(),
            lambda stats: self._show_info(self.tr("短语库统计"), self._format_stats(stats)),
            lambda message: self._show_error(self.tr("短语库统计"), message),
        )

    def _bank_missing_message(self) -> str:
        if self.bank_error:
            return self.tr("短语库未能打开：%1").replace("%1", self.bank_error)
        return self.tr("短语库尚未加载完成，请稍候再试。")

    def _format_stats(self, stats: dict[str, Any]) -> str:
        lines = [
            self.tr("条目：%1").replace("%1", f"{stats.get('total', 0):,}"),
            self.tr("来源讲稿：%1 篇").replace("%1", f"{stats.get('sources', 0):,}"),
        ]
        by_kind = stats.get("by_kind") or {}
        if by_kind:
            lines.append(self.tr("按类型：") + "，".join(f"{k} {v}" for k, v in by_kind.items()))
        by_status = stats.get("by_status") or {}
        if by_status.get("pending"):
            lines.append(self.tr("待审核：%1 条").replace("%1", str(by_status["pending"])))
        most_used = stats.get("most_used") or []
        if most_used:
            lines.append(self.tr("最常用："))
            lines += [f"  {text}（{uses}）" for text, uses in most_used[:5]]
        if self.bank is not None:
            lines.append(self.tr("文件：%1").replace("%1", str(getattr(self.bank, "path", ""))))
        return "\n".join(lines)

    def _on_open_data_folder(self) -> None:
        folder = paths.data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._open_folder(folder)

    def _on_import_speeches(self) -> None:
        if self.bank is None:
            self._show_info(self.tr("导入讲话稿"), self._bank_missing_message())
            return
        files = self._ask_import_paths()
        if files:
            self.import_speeches(files)

    def import_speeches(self, files: list[str]) -> bool:
        """Mine ``files`` into the bank in the background, with a cancellable progress dialog.

        New entries wait in the review queue (the bank manager's 待审核 tab), as they do when
        imported from the manager; entries the bank already has only gain counts and sources.
        """
        bank = self.bank
        if bank is None or self._mine_stop is not None:
            return False
        stop = threading.Event()
        self._mine_stop = stop
        progress = QProgressDialog(self.tr("正在导入讲话稿…"), self.tr("取消"), 0, 0, self)
        progress.setWindowTitle(self.tr("导入讲话稿"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(stop.set)
        self._progress = progress

        def work(signals: _JobSignals) -> Any:
            return bank.mine(
                files,
                on_progress=lambda done, total: signals.progress.emit(int(done), int(total)),
                should_stop=stop.is_set,
                status="pending",
            )

        def on_progress(done: int, total: int) -> None:
            if self._progress is not None and total > 0:
                self._progress.setMaximum(total)
                self._progress.setValue(min(done, total))

        def finish() -> None:
            self._mine_stop = None
            if self._progress is not None:
                self._progress.close()
                self._progress.deleteLater()
                self._progress = None

        def done(report: Any) -> None:
            finish()
            self._refresh_bank_size()
            summary = report.summary() if hasattr(report, "summary") else str(report)
            skipped = getattr(report, "skipped", [])
            details = "\n".join(f"{Path(p).name}：{why}" for p, why in skipped[:10])
            if getattr(report, "added", 0):
                summary += "\n" + self.tr(
                    "新挖掘的条目已放入“待审核”：请在 短语库 › 管理短语库 中接受或拒绝。"
                )
            self._show_info(self.tr("导入讲话稿"), summary + (f"\n\n{details}" if details else ""))
            if getattr(report, "added", 0):
                manager = self.show_bank_manager()
                if manager is not None:
                    manager.tabs.setCurrentWidget(manager.review)
            self.import_finished.emit(report)

        def failed(message: str) -> None:
            cancelled = stop.is_set()
            finish()
            if cancelled:
                self.statusBar().showMessage(self.tr("已取消导入，短语库未改动。"), 5000)
            else:
                self._show_error(
                    self.tr("导入讲话稿"), self.tr("导入失败：%1").replace("%1", message)
                )
            self.import_finished.emit(None)

        self._run(work, done, failed, on_progress)
        return True

    # ------------------------------------------------------------------ help

    def _on_about(self) -> None:
        from editor import __version__

        self._show_info(
            self.tr("关于"),
            self.tr(
                "讲稿编辑器 %1\n\n为起草领导讲话稿、工作报告提供规范表述联想的离线编辑器。所有文稿与短语库都只保存在本机。"
            ).replace("%1", __version__),
        )

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(command, shortcut) for every action with a shortcut, menu order."""
        rows = []
        for menu in (
            self.menu_file,
            self.menu_edit,
            self.menu_insert,
            self.menu_bank,
            self.menu_view,
            self.menu_help,
        ):
            for action in menu.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys:
                    rows.append((action.text().replace("&", ""), keys))
        return rows

    def _on_shortcuts(self) -> None:
        rows = [
            (self.tr("接受联想建议"), "Tab"),
            (self.tr("选择第 n 条建议"), "Alt+1…9"),
            (self.tr("关闭联想框"), "Esc"),
            *self.shortcut_table(),
        ]
        self._show_info(self.tr("快捷键"), "\n".join(f"{name}\t{keys}" for name, keys in rows))

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._maybe_save():
            event.ignore()
            return
        self.autosaver.discard()
        if self._mine_stop is not None:
            self._mine_stop.set()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self._save_settings()
        # Background jobs hold the bank; let them end before closing it.
        self._pool.waitForDone(5000)
        self._bank_generation += 1
        if self.bank is not None:
            bank, self.bank = self.bank, None
            if self.suggestions is not None:
                self.suggestions.set_bank(None)
            try:
                bank.close()
            except Exception:  # pragma: no cover
                log.warning("closing the bank failed", exc_info=True)
        event.accept()
