"""Wiring of the checker and the speech structure into the main window.

:func:`install_structure` creates the underline highlighter, the issues and outline docks,
and the actions the window puts in its menus: 重新编号 (renumber every level), one 新建 action
per skeleton, and 立即检查. A skeleton action never touches files or the document: it emits
``skeleton_requested(text)`` and the window replaces or creates the document after its own
unsaved-changes check.

The checker is built in a worker from the curated list and the bank that ``bank_provider``
returns (call :meth:`StructureController.reload_checker` when the bank was loaded or edited).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from editor.check_highlighter import CheckHighlighter
from editor.issues_panel import IssuesPanel
from editor.outline_panel import OutlinePanel
from editor.workers import Dispatcher
from phrasebank.numbering import renumber_all
from phrasebank.skeletons import Skeleton, list_skeletons

__all__ = ["StructureController", "install_structure", "renumber_document"]

log = logging.getLogger(__name__)

# The shipped skeletons' names, for the translation tools (the menu shows them translated).
_SKELETON_NAMES = (
    QT_TRANSLATE_NOOP("Skeletons", "经济工作会议讲话"),
    QT_TRANSLATE_NOOP("Skeletons", "重点工作推进会讲话"),
    QT_TRANSLATE_NOOP("Skeletons", "动员部署会讲话"),
    QT_TRANSLATE_NOOP("Skeletons", "总结表彰会讲话"),
)


if TYPE_CHECKING:  # the checker stack loads on the worker that builds it, not at start-up
    from phrasebank.bank import PhraseBank
    from phrasebank.check import Checker


def _build_checker(bank: PhraseBank | None) -> Checker:
    from phrasebank.check import Checker

    return Checker.from_bank(bank)


def renumber_document(editor: QPlainTextEdit) -> int:
    """Renumber every level of ``editor``'s text in one undo step; returns lines changed.

    Only the lines whose numbering changes are rewritten, so the caret and the rest of the
    text stay where they were.
    """
    doc = editor.document()
    old_lines = editor.toPlainText().split("\n")
    new_lines = renumber_all("\n".join(old_lines)).split("\n")
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    if not changed:
        return 0
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for i in changed:
        block = doc.findBlockByNumber(i)
        line = QTextCursor(block)
        line.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        line.insertText(new_lines[i])
    cursor.endEditBlock()
    return len(changed)


class StructureController(QObject):
    """Owns the highlighter, the two docks and the structure actions of one window."""

    #: The writer chose a skeleton; the argument is the new document's text.
    skeleton_requested = Signal(str)
    #: A checker (re)built in the background is now in use.
    checker_ready = Signal()

    def __init__(
        self,
        window: QMainWindow,
        editor: QPlainTextEdit,
        bank_provider: Callable[[], PhraseBank | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.bank_provider = bank_provider
        self.highlighter = CheckHighlighter(editor, bank_provider=bank_provider, parent=self)
        self.issues_panel = IssuesPanel(self.highlighter, window)
        self.outline_panel = OutlinePanel(editor, window)

        self.renumber_action = QAction(self.tr("重新编号"), window)
        self.renumber_action.setObjectName("renumberAction")
        self.renumber_action.setStatusTip(
            self.tr("按顺序重排“一、（一）1.（1）”和“一是、第一，”等编号")
        )
        self.renumber_action.triggered.connect(self.renumber)

        self.check_now_action = QAction(self.tr("立即检查规范表述"), window)
        self.check_now_action.setObjectName("checkNowAction")
        self.check_now_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.check_now_action.triggered.connect(self.highlighter.check_now)

        self.skeletons: list[Skeleton] = list_skeletons()
        self.new_from_skeleton_actions: list[QAction] = []
        for sk in self.skeletons:
            name = QCoreApplication.translate("Skeletons", sk.name)
            action = QAction(name, window)
            action.setObjectName(f"skeletonAction{len(self.new_from_skeleton_actions)}")
            action.setStatusTip(self.tr("用“%1”的框架新建讲稿").replace("%1", name))
            action.triggered.connect(
                lambda _checked=False, text=sk.text: self.skeleton_requested.emit(text)
            )
            self.new_from_skeleton_actions.append(action)

        self._builder = Dispatcher(self)
        self._builder.finished.connect(self._on_checker_built)
        self._builder.failed.connect(self._on_checker_failed)
        self.reload_checker()

    def reload_checker(self) -> None:
        """Build a fresh checker (curated list + the bank) in the background."""
        self._builder.submit(_build_checker, self.bank_provider())

    def _on_checker_built(self, _job_id: int, checker: object) -> None:
        from phrasebank.check import Checker  # loaded by the worker already

        if isinstance(checker, Checker):
            self.highlighter.set_checker(checker)
            self.checker_ready.emit()

    def _on_checker_failed(self, _job_id: int, message: str) -> None:
        log.warning("could not build the wording checker: %s", message)

    def renumber(self) -> int:
        changed = renumber_document(self.editor)
        status = self.window.statusBar()
        if changed:
            status.showMessage(self.tr("已重新编号 %n 处", "", changed), 4000)
        else:
            status.showMessage(self.tr("编号无需调整"), 4000)
        return changed


def install_structure(
    window: QMainWindow,
    editor: QPlainTextEdit,
    bank_provider: Callable[[], PhraseBank | None],
) -> StructureController:
    """Create the checker underlines, the issues and outline docks and the structure actions.

    The docks are added on the left (outline) and at the bottom (issues); the window puts
    ``renumber_action``, ``new_from_skeleton_actions`` and ``check_now_action`` in its menus,
    the docks' ``toggleViewAction()`` in its view menu, and connects ``skeleton_requested``.
    """
    controller = StructureController(window, editor, bank_provider)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, controller.outline_panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, controller.issues_panel)
    return controller
