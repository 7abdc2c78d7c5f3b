"""The suggestion panel: more suggestions for the caret's context, grouped by rhetorical move.

A dock with two parts: a tree of suggestions grouped by function tag (开场, 部署任务 …, or by
kind when an entry has no function tag), and, for the highlighted entry, the sentences and
speeches where it was used. Neither part takes keyboard focus: the writer keeps typing in the
editor (and its input method stays on) while browsing with the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.suggestion_popup import marker_for
from phrasebank.model import FUNCTION_TAGS, KIND_LABELS, Occurrence, Suggestion

__all__ = ["SuggestionPanel", "group_for"]

_ROLE = Qt.ItemDataRole.UserRole


def _key(items: Sequence[Suggestion]) -> list[tuple[str, int, str]]:
    return [(s.text, s.phrase_id, s.how) for s in items]


def group_for(suggestion: Suggestion) -> str:
    """The group heading: the first function tag, else the kind's label."""
    for tag in suggestion.tags:
        if tag in FUNCTION_TAGS:
            return tag
    return KIND_LABELS.get(suggestion.kind, suggestion.kind or "其他")


class SuggestionPanel(QDockWidget):
    """Dock widget (objectName ``suggestionPanel``) listing suggestions and their sources."""

    #: The writer asked to insert this suggestion (double-click).
    insert_requested = Signal(object)
    #: The highlighted suggestion changed (None when the list is empty).
    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("表述参考", parent)
        self.setObjectName("suggestionPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.status = QLabel("输入文字后，这里列出可用的规范表述。", body)
        self.status.setObjectName("suggestionPanelStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.tree = QTreeWidget(splitter)
        self.tree.setObjectName("suggestionTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Never take focus from the editor (and never switch its input method off).
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.tree.setToolTip("双击插入到光标处")
        self.tree.currentItemChanged.connect(self._on_current_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_item_double_clicked)

        self.sources = QListWidget(splitter)
        self.sources.setObjectName("occurrenceList")
        self.sources.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sources.setWordWrap(True)
        self.sources.setAlternatingRowColors(True)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        body.setMinimumWidth(300)
        self.setWidget(body)
        self._suggestions: list[Suggestion] = []
        self._entries: list[QTreeWidgetItem] = []

    # -- suggestions ---------------------------------------------------------------------

    def set_suggestions(self, items: Sequence[Suggestion]) -> None:
        """Show ``items`` (ranked) grouped under their function or kind, groups by best rank."""
        items = list(items)
        if _key(items) == _key(self._suggestions) and items:
            return  # same list: keep the highlight, the sources and the scroll position
        self._suggestions = items
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._entries = []
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for s in self._suggestions:
            name = group_for(s)
            header = groups.get(name)
            if header is None:
                header = QTreeWidgetItem(self.tree, [name, ""])
                header.setFont(0, bold)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setFirstColumnSpanned(True)
                groups[name] = header
            item = QTreeWidgetItem(header, [s.text, marker_for(s)])
            self._entries.append(item)
            item.setData(0, _ROLE, s)
            item.setToolTip(0, s.text)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)
        if self._suggestions:
            self.status.setText(f"{len(self._suggestions)} 条表述，双击插入。")
        else:
            self.status.setText("没有与光标前文字相配的表述。")
        self.sources.clear()
        first = self._first_entry()
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.current_changed.emit(None)

    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def groups(self) -> dict[str, list[str]]:
        """Group heading → texts, in display order (for tests and accessibility)."""
        out: dict[str, list[str]] = {}
        for item in self._entries:
            parent = item.parent()
            if parent is not None:
                out.setdefault(parent.text(0), []).append(item.text(0))
        return out

    def item_for(self, text: str) -> QTreeWidgetItem | None:
        return next((item for item in self._entries if item.text(0) == text), None)

    def current(self) -> Suggestion | None:
        item = self.tree.currentItem()
        value = item.data(0, _ROLE) if item is not None else None
        return value if isinstance(value, Suggestion) else None

    def _first_entry(self) -> QTreeWidgetItem | None:
        return self._entries[0] if self._entries else None

    def _on_current_item_changed(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        self.sources.clear()
        value = item.data(0, _ROLE) if item is not None else None
        self.current_changed.emit(value if isinstance(value, Suggestion) else None)

    def _on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, _ROLE)
        if isinstance(value, Suggestion):
            self.insert_requested.emit(value)

    # -- occurrences ---------------------------------------------------------------------

    def set_occurrences(self, occurrences: Sequence[Occurrence]) -> None:
        """Show where the highlighted entry was used: the sentence, then the speech's title."""
        self.sources.clear()
        if not occurrences:
            QListWidgetItem("（没有出处记录）", self.sources)
            return
        for occ in occurrences:
            title = occ.title or f"文稿 {occ.source_id}"
            item = QListWidgetItem(f"{occ.context}\n——《{title}》", self.sources)
            item.setToolTip(f"《{title}》第 {occ.position} 字")

    def occurrence_texts(self) -> list[str]:
        return [self.sources.item(i).text() for i in range(self.sources.count())]
