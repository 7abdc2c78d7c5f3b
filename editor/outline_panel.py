"""The outline panel: the speech's title, headings and points as a tree; click to jump.

A dock (object name ``outlinePanel``). It follows the text: a short pause after an edit it
runs :func:`phrasebank.outline.detect_outline` again (a regular-expression pass per line,
cheap enough for the UI thread) and rebuilds the tree only when the outline changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QWidget

from phrasebank.outline import Heading, detect_outline

__all__ = ["OutlinePanel"]

_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_DELAY_MS = 500


class OutlinePanel(QDockWidget):
    """The outline of ``editor``'s text; clicking an entry moves the caret to it."""

    #: The outline was rebuilt (list of Heading).
    outline_changed = Signal(list)

    def __init__(
        self,
        editor: QPlainTextEdit,
        parent: QWidget | None = None,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
    ) -> None:
        super().__init__(self.tr("提纲"), parent)
        self.setObjectName("outlinePanel")
        self.editor = editor
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderHidden(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setWidget(self.tree)
        self._headings: list[Heading] = []
        self._built = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        editor.document().contentsChange.connect(self._on_contents_change)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.refresh()

    def headings(self) -> list[Heading]:
        return list(self._headings)

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        if removed or added:
            self._timer.start()

    def refresh(self) -> None:
        """Rebuild the tree from the current text (only if the outline changed)."""
        self._timer.stop()
        headings = detect_outline(self.editor.toPlainText())
        if self._built and headings == self._headings:
            return
        self._built = True
        self._headings = headings
        self.tree.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for h in headings:
            label = f"{h.marker}{h.title}" if h.kind != "title" else h.title
            while stack and stack[-1][0] >= h.level:
                stack.pop()
            item = QTreeWidgetItem([label])
            item.setData(0, _ROLE, h.line)
            item.setToolTip(0, label)
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append((h.level, item))
        self.tree.expandAll()
        self.outline_changed.emit(headings)

    def item_for_line(self, line: int) -> QTreeWidgetItem | None:
        """The tree item of the heading on ``line`` (tests, keyboard navigation)."""
        found: QTreeWidgetItem | None = None

        def walk(item: QTreeWidgetItem | None) -> None:
            nonlocal found
            if item is None:
                return
            if item.data(0, _ROLE) == line:
                found = item
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return found

    def jump_to_line(self, line: int) -> None:
        """Put the caret at the start of ``line`` and show it near the top."""
        block = self.editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line = item.data(0, _ROLE)
        if isinstance(line, int):
            self.jump_to_line(line)
