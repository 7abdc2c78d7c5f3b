"""The issues panel: every non-standard wording of the document, one row each.

A dock (object name ``issuesPanel``) fed by :class:`editor.check_highlighter.CheckHighlighter`;
clicking a row selects that wording in the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.check_highlighter import CheckHighlighter

if TYPE_CHECKING:
    from phrasebank.check import Finding

__all__ = ["IssuesPanel"]

_ROLE = Qt.ItemDataRole.UserRole + 1


class IssuesPanel(QDockWidget):
    """Lists the highlighter's findings; a click selects the finding in the editor."""

    def __init__(self, highlighter: CheckHighlighter, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("规范表述检查"), parent)
        self.setObjectName("issuesPanel")
        self.highlighter = highlighter
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(self.tr("尚未检查"), body)
        self.summary.setObjectName("issuesSummary")
        self.list = QListWidget(body)
        self.list.setObjectName("issuesList")
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.setWidget(body)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        highlighter.findings_changed.connect(self.set_findings)

    def set_findings(self, findings: list[Finding]) -> None:
        self.list.clear()
        doc = self.highlighter.editor.document()
        for f in findings:
            span = self.highlighter.span_of(f)
            line = doc.findBlock(span[0]).blockNumber() + 1 if span else 0
            item = QListWidgetItem(f"第{line}行  {f.found} → {f.standard}\n{f.reason}")
            item.setData(_ROLE, f)
            item.setToolTip(self.highlighter.tooltip_for(f))
            self.list.addItem(item)
        if findings:
            self.summary.setText(self.tr("发现 %n 处可能不规范的表述", "", len(findings)))
        else:
            self.summary.setText(self.tr("未发现不规范表述"))

    def finding(self, row: int) -> Finding | None:
        item = self.list.item(row)
        return item.data(_ROLE) if item is not None else None

    def _on_item(self, item: QListWidgetItem) -> None:
        finding = item.data(_ROLE)
        if finding is not None:
            self.highlighter.select(finding)
