"""The review queue: mined entries wait here (status "pending") until the writer accepts,
rejects or edits them; and the provenance view both tabs use (where an entry was seen).

Every change goes through the manager, so it lands on the manager's undo stack.
"""

from __future__ import annotations

import html
from array import array
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.bank_jobs import LatestRunner
from editor.bank_model import REVIEW_COLUMNS, BankTableModel, TableSelection
from phrasebank import BankError, Phrase, PhraseBank

if TYPE_CHECKING:
    from editor.bank_manager import BankManager


__all__ = ["ProvenanceView", "ReviewQueue", "configure_table"]


def configure_table(view: QTableView, model: BankTableModel, widths: dict[str, int]) -> None:
    """Settings that keep a huge table fast: fixed row heights, no size-to-contents."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    for i, column in enumerate(model.columns):
        if column.field == "text":
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        else:
            view.setColumnWidth(i, widths.get(column.field, 80))


class ProvenanceView(QTextBrowser):
    """For one entry: the sentences where it occurs and the speech each comes from."""

    LIMIT = 50

    def __init__(self, bank: PhraseBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provenancePanel")
        self.setOpenLinks(False)
        self._bank = bank
        self.phrase_id: int | None = None
        self.shown: list[tuple[str, str]] = []  # (title, context) on display, for tests
        self.show_phrase(None)

    def set_bank(self, bank: PhraseBank) -> None:
        self._bank = bank
        self.show_phrase(None)

    def show_phrase(self, phrase: Phrase | None) -> None:
        self.phrase_id = phrase.id if phrase is not None else None
        self.shown = []
        if phrase is None:
            self.setHtml(
                f"<p style='color:#777'>{QCoreApplication.translate('ReviewQueue', '选中一条短语，这里显示它出自哪些讲稿。')}</p>"
            )
            return
        try:
            occurrences = self._bank.occurrences(phrase.id, limit=self.LIMIT)
        except BankError as exc:
            self.setPlainText(str(exc))
            return
        self.shown = [(o.title, o.context) for o in occurrences]
        parts = [f"<h4>{html.escape(phrase.text)}</h4>"]
        meta = QCoreApplication.translate(
            "ReviewQueue", "频次 {freq} · 出现在 {docs} 篇讲稿 · 使用 {uses} 次"
        ).format(freq=phrase.freq, docs=phrase.doc_freq, uses=phrase.uses)
        parts.append(f"<p style='color:#555'>{meta}</p>")
        if phrase.note:
            parts.append(
                f"<p>{QCoreApplication.translate('ReviewQueue', '备注：')}{html.escape(phrase.note)}</p>"
            )
        if phrase.variants:
            parts.append(
                f"<p>{QCoreApplication.translate('ReviewQueue', '易错写法：')}{html.escape('、'.join(phrase.variants))}</p>"
            )
        if not occurrences:
            parts.append(
                f"<p style='color:#777'>{QCoreApplication.translate('ReviewQueue', '没有出处记录（手工添加或从表格导入的条目）。')}</p>"
            )
        else:
            parts.append(
                f"<p><b>{QCoreApplication.translate('ReviewQueue', '出处')}</b>（{len(occurrences)}）</p><ol>"
            )
            needle = html.escape(phrase.text)
            for o in occurrences:
                context = html.escape(o.context).replace(needle, f"<b>{needle}</b>")
                title = html.escape(
                    o.title or QCoreApplication.translate("ReviewQueue", "（无标题）")
                )
                parts.append(f"<li>{context}<br><span style='color:#666'>——《{title}》</span></li>")
            parts.append("</ol>")
        self.setHtml("".join(parts))


class ReviewQueue(TableSelection, QWidget):
    """Pending entries from imported speeches, most widespread first."""

    count_changed = Signal(int)

    def __init__(self, manager: BankManager) -> None:
        super().__init__(manager)
        self.setObjectName("reviewQueue")
        self._manager = manager
        self.model = BankTableModel(manager.bank, REVIEW_COLUMNS, self)
        self.model.edit_requested.connect(manager.on_edit_requested)
        self.model.sort_requested.connect(self._on_sort)
        self._order = ("doc_freq", True)
        self._runner = LatestRunner(self)
        self._runner.ready.connect(self._on_ids)
        self._runner.failed.connect(
            lambda m: manager.show_error(QCoreApplication.translate("ReviewQueue", "待审核"), m)
        )

        self.action_accept = QAction(QCoreApplication.translate("ReviewQueue", "接受"), self)
        self.action_accept.setShortcut(QKeySequence("Ctrl+Return"))
        self.action_accept.setToolTip(
            QCoreApplication.translate("ReviewQueue", "把选中的条目收入短语库（Ctrl+Enter）")
        )
        self.action_accept.triggered.connect(lambda: self._set_selected("active"))
        self.action_reject = QAction(QCoreApplication.translate("ReviewQueue", "拒绝"), self)
        self.action_reject.setShortcut(QKeySequence("Ctrl+Backspace"))
        self.action_reject.setToolTip(
            QCoreApplication.translate("ReviewQueue", "不收入短语库；以后再导入也不会再出现")
        )
        self.action_reject.triggered.connect(lambda: self._set_selected("rejected"))
        self.action_edit = QAction(QCoreApplication.translate("ReviewQueue", "编辑…"), self)
        self.action_edit.triggered.connect(self._edit_current)
        self.action_accept_all = QAction(
            QCoreApplication.translate("ReviewQueue", "全部接受"), self
        )
        self.action_accept_all.triggered.connect(lambda: self._set_all("active"))
        self.action_reject_all = QAction(
            QCoreApplication.translate("ReviewQueue", "全部拒绝"), self
        )
        self.action_reject_all.triggered.connect(lambda: self._set_all("rejected"))
        for action in (self.action_accept, self.action_reject):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.table = QTableView(self)
        self.table.setObjectName("reviewTable")
        configure_table(
            self.table,
            self.model,
            {
                "kind": 72,
                "functions": 110,
                "topics": 110,
                "freq": 52,
                "doc_freq": 52,
                "quality": 52,
            },
        )
        self.table.setSortingEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.provenance = ProvenanceView(manager.bank, self)
        self.label = QLabel(self)
        self.label.setObjectName("reviewLabel")

        buttons = QHBoxLayout()
        buttons.addWidget(self.label, 1)
        self._actions = (
            self.action_accept,
            self.action_reject,
            self.action_edit,
            self.action_accept_all,
            self.action_reject_all,
        )
        for action in self._actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.provenance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._update_label()
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of("doc_freq"), Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)

    # --- loading ------------------------------------------------------------------------------

    def set_bank(self, bank: PhraseBank) -> None:
        self.model.set_bank(bank)
        self.provenance.set_bank(bank)
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._runner.pending

    def refresh(self) -> None:
        bank = self.model.bank
        field, descending = self._order

        def query() -> array[int]:
            return array(
                "q", bank.list_ids(status="pending", order_by=field, descending=descending)
            )

        self._runner.submit(query)

    def _on_sort(self, field: str, descending: bool) -> None:
        self._order = (field, descending)
        self.refresh()

    def _on_ids(self, ids: array[int]) -> None:
        keep = self.current_id()
        self.model.set_ids(ids)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and len(ids):
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.provenance.show_phrase(None)
        self._update_label()

    def _update_label(self) -> None:
        n = self.model.rowCount()
        if n:
            self.label.setText(
                QCoreApplication.translate(
                    "ReviewQueue",
                    "{n} 条新挖掘的短语等待审核：接受后收入短语库，拒绝的以后不再出现。",
                ).format(n=f"{n:,}")
            )
        else:
            self.label.setText(
                QCoreApplication.translate(
                    "ReviewQueue", "没有待审核的短语。导入讲稿后，新挖掘的短语会先出现在这里。"
                )
            )
        for action in self._actions:
            action.setEnabled(n > 0)
        self.count_changed.emit(n)

    # --- selection ----------------------------------------------------------------------------

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        phrase = self.model.phrase_at(current.row()) if current.isValid() else None
        self.provenance.show_phrase(phrase)

    # --- actions ------------------------------------------------------------------------------

    def _set_selected(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids and self.current_id() is not None:
            ids = [self.current_id()]  # type: ignore[list-item]
        if not ids:
            return
        first_row = min(self.model.row_of(i) for i in ids)
        if self._manager.set_status(ids, status):
            self.model.remove_ids(ids)
            if self.model.rowCount():
                self.select_rows([min(first_row, self.model.rowCount() - 1)])
            self._update_label()

    def _set_all(self, status: str) -> None:
        n = self.model.rowCount()
        if not n:
            return
        verb = (
            QCoreApplication.translate("ReviewQueue", "接受")
            if status == "active"
            else QCoreApplication.translate("ReviewQueue", "拒绝")
        )
        if not self._manager.confirm(
            QCoreApplication.translate("ReviewQueue", "待审核"),
            QCoreApplication.translate(
                "ReviewQueue", "确定{verb}全部 {n} 条待审核的短语吗？可以撤销。"
            ).format(verb=verb, n=n),
        ):
            return
        ids = list(self.model.ids())
        if self._manager.set_status(ids, status):
            self.model.set_ids([])
            self.provenance.show_phrase(None)
            self._update_label()

    def _edit_current(self) -> None:
        pid = self.current_id()
        if pid is not None:
            self._manager.edit_phrase(pid)
