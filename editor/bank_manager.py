"""The phrase bank manager: browse, search, edit, review, deduplicate, import and share.

One window (object name ``phraseBankManager``) over a :class:`PhraseBank`:
- 全部条目: a lazy table (editor.bank_model) sorted and filtered by queries run in a worker,
  searched as you type (substring, fuzzy, pinyin initials through the bank's index), with the
  provenance of the selected entry beside it;
- 待审核: the review queue of mined entries (editor.review_queue);
- 近似重复: clusters of near-duplicates to merge (phrasebank.pack.near_duplicate_clusters);
- 统计: counts and charts (editor.bank_stats_view).

Every change goes on a QUndoStack. Anything slow (queries, mining, export, import, clustering,
statistics) runs on a QThreadPool and reports progress; a cancelled import leaves the bank as
it was. Dialogs expose classmethods returning ``(value, accepted)``; confirmations and file
choosers are small methods tests replace.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from rapidfuzz import fuzz

from editor.bank_jobs import (
    BankJob,
    JobRunner,
    LatestRunner,
    returns_none,
)
from editor.bank_model import (
    BANK_COLUMNS,
    ORIGIN_LABELS,
    BankTableModel,
    TableSelection,
    split_tags,
)
from editor.bank_stats_view import BankStatsView
from editor.review_queue import ProvenanceView, ReviewQueue, configure_table
from phrasebank import BankError, DuplicateError, Phrase, PhraseBank
from phrasebank.exchange import export_phrases, import_phrases
from phrasebank.model import FUNCTION_TAGS, KIND_LABELS, KINDS, ORIGINS, TOPIC_TAGS
from phrasebank.pack import (
    PACK_SUFFIX,
    capture,
    export_pack,
    import_pack,
    near_duplicate_clusters,
    remove_with_provenance,
    restore_with_provenance,
)

__all__ = [
    "BankManager",
    "DuplicatesPanel",
    "PhraseDialog",
    "Query",
    "TagDialog",
    "open_bank_manager",
    "similar_entries",
]

log = logging.getLogger(__name__)

SEARCH_LIMIT = 2000
NEAR_DUPLICATE = 90.0
SPEECH_FILTER = "讲稿 (*.txt *.md *.docx);;所有文件 (*)"
TABLE_FILTER = "表格 (*.csv *.json)"


# --- queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """What the table shows: a search text and filters, in one order."""

    text: str = ""
    kind: str | None = None
    function: str | None = None
    topic: str | None = None
    origin: str | None = None
    favourite: bool | None = None
    order_by: str = "freq"
    descending: bool = True
    # a search is shown by relevance until the writer clicks a header
    sorted_search: bool = False


def run_query(bank: PhraseBank, q: Query) -> array[int]:
    """Ids for ``q`` (worker thread): list_ids for browsing, the index for a search."""
    tags = [t for t in (q.function, q.topic) if t]
    first = tags[0] if tags else None
    if q.text.strip():
        phrases = bank.search(
            q.text,
            limit=SEARCH_LIMIT,
            kind=q.kind,
            tag=first,
            origin=q.origin,
            favourite=q.favourite,
        )
        if len(tags) > 1:
            phrases = [p for p in phrases if tags[1] in p.tags]
        if q.sorted_search:
            key = attrgetter(q.order_by)
            phrases.sort(
                key=lambda p: "、".join(key(p)) if isinstance(key(p), tuple) else key(p),
                reverse=q.descending,
            )
        return array("q", (p.id for p in phrases))
    ids = bank.list_ids(
        kind=q.kind,
        tag=first,
        origin=q.origin,
        favourite=q.favourite,
        order_by=q.order_by,
        descending=q.descending,
    )
    if len(tags) > 1:
        other = set(bank.list_ids(tag=tags[1], kind=q.kind, origin=q.origin))
        ids = [i for i in ids if i in other]
    return array("q", ids)


def similar_entries(
    bank: PhraseBank, text: str, *, exclude: int | None = None, threshold: float = NEAR_DUPLICATE
) -> list[tuple[Phrase, float]]:
    """Entries whose text is a near-duplicate of ``text`` (rapidfuzz ratio ≥ threshold).

    Candidates come from the bank's search (the index when it is ready) and from its
    full-text search on the first and last characters, so a slip anywhere is caught.
    """
    text = text.strip()
    candidates: dict[int, Phrase] = {}
    if bank.index_ready:
        for p in bank.search(text, limit=30):
            candidates[p.id] = p
    for piece in {text[:4], text[-4:]}:
        if len(piece) >= 2:
            for p in bank.search(piece, limit=60, status=None):
                if p.status != "rejected":
                    candidates.setdefault(p.id, p)
    out = []
    for p in candidates.values():
        if p.id == exclude or p.text == text:
            continue
        score = fuzz.ratio(text, p.text)
        if score >= threshold:
            out.append((p, score))
    out.sort(key=lambda x: -x[1])
    return out


# --- dialogs ----------------------------------------------------------------------------------


class PhraseDialog(QDialog):
    """Add or edit one entry: text, kind, function and topic tags, note, favourite."""

    def __init__(self, parent: QWidget | None = None, phrase: Phrase | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phraseDialog")
        self.setWindowTitle(
            QCoreApplication.translate("BankManager", "编辑短语")
            if phrase
            else QCoreApplication.translate("BankManager", "新增短语")
        )
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("phraseText")
        self.text_edit.setPlaceholderText(
            QCoreApplication.translate(
                "BankManager", "短语内容，空白处用 ×× 表示（如：为加快建设××作出新的更大贡献）"
            )
        )
        self.text_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(QCoreApplication.translate("BankManager", "自动判断"), None)
        for kind in KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)
        self.function_list = QListWidget(self)
        self.function_list.setFlow(QListWidget.Flow.LeftToRight)
        self.function_list.setWrapping(True)
        self.function_list.setFixedHeight(self.fontMetrics().height() * 5)
        for tag in FUNCTION_TAGS:
            item = QListWidgetItem(tag, self.function_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.topics_edit = QLineEdit(self)
        self.topics_edit.setPlaceholderText(
            QCoreApplication.translate("BankManager", "用顿号分隔，如：经济发展、营商环境")
        )
        self.note_edit = QLineEdit(self)
        self.favourite_box = QCheckBox(QCoreApplication.translate("BankManager", "收藏"), self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("phraseError")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BankManager", "内容"), self.text_edit)
        form.addRow(QCoreApplication.translate("BankManager", "类型"), self.kind_combo)
        form.addRow(QCoreApplication.translate("BankManager", "功能"), self.function_list)
        form.addRow(QCoreApplication.translate("BankManager", "主题"), self.topics_edit)
        form.addRow(QCoreApplication.translate("BankManager", "备注"), self.note_edit)
        form.addRow("", self.favourite_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, 360)
        if phrase is not None:
            self.text_edit.setPlainText(phrase.text)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(phrase.kind)))
            self.set_functions(phrase.functions)
            self.topics_edit.setText("、".join(phrase.topics))
            self.note_edit.setText(phrase.note)
            self.favourite_box.setChecked(phrase.favourite)

    def set_functions(self, tags: Iterable[str]) -> None:
        wanted = set(tags)
        for i in range(self.function_list.count()):
            item = self.function_list.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
            )

    def values(self) -> dict[str, Any]:
        functions = [
            self.function_list.item(i).text()
            for i in range(self.function_list.count())
            if self.function_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        topics = split_tags(self.topics_edit.text())
        functions += [t for t in topics if t in FUNCTION_TAGS and t not in functions]
        return {
            "text": self.text_edit.toPlainText().strip(),
            "kind": self.kind_combo.currentData(),
            "functions": tuple(functions),
            "topics": tuple(dict.fromkeys(t for t in topics if t not in FUNCTION_TAGS)),
            "note": self.note_edit.text().strip(),
            "favourite": self.favourite_box.isChecked(),
        }

    def accept(self) -> None:
        if not self.values()["text"]:
            self.error_label.setText(
                QCoreApplication.translate(
                    "BankManager", "短语内容不能为空。请输入要收入短语库的文字。"
                )
            )
            self.error_label.show()
            self.text_edit.setFocus()
            return
        super().accept()

    @classmethod
    def get_phrase(
        cls, parent: QWidget | None, phrase: Phrase | None = None
    ) -> tuple[dict[str, Any] | None, bool]:
        dialog = cls(parent, phrase)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values() if ok else None
        dialog.deleteLater()
        return values, ok


class TagDialog(QDialog):
    """Pick tags to add to (or take away from) several entries at once."""

    def __init__(self, parent: QWidget | None = None, *, remove: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle(
            QCoreApplication.translate("BankManager", "去掉标签")
            if remove
            else QCoreApplication.translate("BankManager", "添加标签")
        )
        self.tag_list = QListWidget(self)
        for tag in (*FUNCTION_TAGS, *TOPIC_TAGS):
            item = QListWidgetItem(tag, self.tag_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.extra_edit = QLineEdit(self)
        self.extra_edit.setPlaceholderText(
            QCoreApplication.translate("BankManager", "其他标签，用顿号分隔")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tag_list)
        layout.addWidget(self.extra_edit)
        layout.addWidget(buttons)

    def tags(self) -> list[str]:
        picked = [
            self.tag_list.item(i).text()
            for i in range(self.tag_list.count())
            if self.tag_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return list(dict.fromkeys(picked + split_tags(self.extra_edit.text())))

    @classmethod
    def get_tags(cls, parent: QWidget | None, *, remove: bool = False) -> tuple[list[str], bool]:
        dialog = cls(parent, remove=remove)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        tags = dialog.tags() if ok else []
        dialog.deleteLater()
        return tags, ok and bool(tags)


# --- undo -------------------------------------------------------------------------------------


class _Command(QUndoCommand):
    """A bank change already applied once; redo/undo re-apply or revert it."""

    def __init__(
        self,
        manager: BankManager,
        text: str,
        redo: Callable[[], Any],
        undo: Callable[[], Any],
    ) -> None:
        super().__init__(text)
        self._manager = manager
        self._redo = redo
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made (and checked) before the push
            self._first = False
            return
        self._manager.run_change(self.text(), self._redo)

    def undo(self) -> None:
        self._manager.run_change(self.text(), self._undo)


def _restore_fields(bank: PhraseBank, before: Iterable[Phrase]) -> None:
    """Put back what the writer can change on entries (text, tags, note, favourite, status)."""
    for p in before:
        if bank.get(p.id) is None:
            continue
        bank.update(
            p.id,
            text=p.text,
            kind=p.kind,
            functions=p.functions,
            topics=p.topics,
            variants=p.variants,
            note=p.note,
            favourite=p.favourite,
            status=p.status,
            quality=p.quality,
        )


# --- near-duplicate clusters ------------------------------------------------------------------


class DuplicatesPanel(QWidget):
    """Clusters of near-duplicate entries; pick the one to keep and merge the rest into it."""

    def __init__(self, manager: BankManager) -> None:
        super().__init__(manager)
        self.setObjectName("duplicatesPanel")
        self._manager = manager
        self.clusters: list[list[Phrase]] = []
        self.label = QLabel(
            QCoreApplication.translate(
                "BankManager",
                "查找文字几乎相同的条目（相似度 ≥ 90%），合并后保留双方的出处和使用次数。",
            ),
            self,
        )
        self.label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicateClusters")
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("BankManager", "短语"),
                QCoreApplication.translate("BankManager", "频次"),
                QCoreApplication.translate("BankManager", "使用"),
                QCoreApplication.translate("BankManager", "来源"),
            ]
        )
        self.tree.setColumnWidth(0, 420)
        self.tree.setUniformRowHeights(True)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        for action in (manager.action_find_duplicates, manager.action_merge_cluster):
            button = QPushButton(action.text(), self)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            button.setEnabled(action.isEnabled())
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.tree.currentItemChanged.connect(lambda *_: self._sync())
        self._sync()

    def set_clusters(self, clusters: list[list[Phrase]]) -> None:
        self.clusters = clusters
        self.tree.clear()
        for n, cluster in enumerate(clusters, start=1):
            group = QTreeWidgetItem(
                self.tree,
                [
                    QCoreApplication.translate("BankManager", "第 {n} 组（{k} 条）").format(
                        n=n, k=len(cluster)
                    )
                ],
            )
            group.setData(0, Qt.ItemDataRole.UserRole, n - 1)
            for p in cluster:
                item = QTreeWidgetItem(
                    group,
                    [
                        ("★ " if p.favourite else "") + p.text,
                        str(p.freq),
                        str(p.uses),
                        ORIGIN_LABELS.get(p.origin, p.origin),
                    ],
                )
                item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            group.setExpanded(True)
        first = self.tree.topLevelItem(0)
        first_entry = first.child(0) if first is not None else None
        if first_entry is not None:
            self.tree.setCurrentItem(first_entry)
        if clusters:
            self.label.setText(
                QCoreApplication.translate(
                    "BankManager",
                    "找到 {n} 组近似重复。选中要保留的一条，点“合并选中组”：其余条目并入它。",
                ).format(n=len(clusters))
            )
        else:
            self.label.setText(
                QCoreApplication.translate("BankManager", "没有发现近似重复的条目。")
            )
        self._sync()

    def _current_group(self) -> tuple[QTreeWidgetItem, QTreeWidgetItem] | None:
        """(group item, entry item to keep) under the cursor."""
        item = self.tree.currentItem()
        if item is None:
            return None
        parent = item.parent()
        if parent is None:
            keep = item.child(0)
            return (item, keep) if keep is not None else None
        return parent, item

    def current_merge(self) -> tuple[int, list[int]] | None:
        """(id to keep, ids to fold into it) for the cluster under the cursor."""
        found = self._current_group()
        if found is None:
            return None
        group, keep_item = found
        children = [group.child(i) for i in range(group.childCount())]
        others = [
            int(c.data(0, Qt.ItemDataRole.UserRole))
            for c in children
            if c is not None and c is not keep_item
        ]
        return int(keep_item.data(0, Qt.ItemDataRole.UserRole)), others

    def drop_current_group(self) -> None:
        found = self._current_group()
        if found is None:
            return
        self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(found[0]))
        self._sync()

    def _sync(self) -> None:
        self._manager.action_merge_cluster.setEnabled(self.tree.currentItem() is not None)


# --- the window -------------------------------------------------------------------------------


class BankManager(TableSelection, QMainWindow):
    """The phrase bank manager window (object name ``phraseBankManager``)."""

    SEARCH_DELAY_MS = 200

    def __init__(self, bank: PhraseBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phraseBankManager")
        self.setWindowTitle(QCoreApplication.translate("BankManager", "短语库管理"))
        self.resize(1100, 680)
        self.bank = bank
        self.undo_stack = QUndoStack(self)
        self.jobs = JobRunner(self)
        self.job: BankJob | None = None  # the long job shown in the progress bar
        self._query = Query()
        self._runner = LatestRunner(self)
        self._runner.ready.connect(self._on_ids)
        self._runner.failed.connect(
            lambda m: self.show_error(QCoreApplication.translate("BankManager", "查询短语库"), m)
        )
        self._pending_select: int | None = None
        self._stats_dirty = True

        self._make_actions()
        self._make_widgets()
        self._make_toolbar()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_filters_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())

        self._warm_index()
        # Setting the sort indicator with sorting enabled asks the model to sort, which runs
        # the first query.
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of("freq"), Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.review.refresh()

    # --- construction -------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(returns_none(slot))
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.action_add = a(
            QCoreApplication.translate("BankManager", "新增"),
            self.add_phrase_dialog,
            "Ctrl+N",
            QCoreApplication.translate("BankManager", "新增一条短语"),
        )
        self.action_edit = a(
            QCoreApplication.translate("BankManager", "编辑"),
            self._edit_current,
            "Ctrl+E",
            QCoreApplication.translate("BankManager", "编辑选中的短语"),
        )
        self.action_delete = a(
            QCoreApplication.translate("BankManager", "删除"),
            self.delete_selected,
            "Delete",
            QCoreApplication.translate("BankManager", "删除选中的短语（可撤销）"),
        )
        self.action_favourite = a(
            QCoreApplication.translate("BankManager", "收藏"),
            self.toggle_favourite,
            "Ctrl+D",
            QCoreApplication.translate("BankManager", "收藏或取消收藏选中的短语"),
        )
        self.action_tag = a(
            QCoreApplication.translate("BankManager", "加标签"),
            lambda: self.tag_selected(remove=False),
            "Ctrl+T",
            QCoreApplication.translate("BankManager", "给选中的短语添加标签"),
        )
        self.action_untag = a(
            QCoreApplication.translate("BankManager", "去标签"),
            lambda: self.tag_selected(remove=True),
            None,
            QCoreApplication.translate("BankManager", "去掉选中短语的标签"),
        )
        self.action_undo = self.undo_stack.createUndoAction(
            self, QCoreApplication.translate("BankManager", "撤销")
        )
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_redo = self.undo_stack.createRedoAction(
            self, QCoreApplication.translate("BankManager", "重做")
        )
        self.action_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.action_import_speeches = a(
            QCoreApplication.translate("BankManager", "导入讲稿…"),
            self._import_speech_files,
            None,
            QCoreApplication.translate("BankManager", "从讲稿文件（.txt .md .docx）挖掘短语"),
        )
        self.action_import_folder = a(
            QCoreApplication.translate("BankManager", "导入文件夹…"),
            self._import_speech_folder,
            None,
            QCoreApplication.translate("BankManager", "从一个文件夹里的所有讲稿挖掘短语"),
        )
        self.action_import_entries = a(
            QCoreApplication.translate("BankManager", "导入 CSV/JSON…"),
            self._import_entries,
            None,
            QCoreApplication.translate("BankManager", "导入表格中的短语"),
        )
        self.action_export_all = a(
            QCoreApplication.translate("BankManager", "导出全部…"),
            lambda: self._export(selection=False),
            None,
            QCoreApplication.translate("BankManager", "把整个短语库导出为 CSV 或 JSON"),
        )
        self.action_export_selection = a(
            QCoreApplication.translate("BankManager", "导出选中…"),
            lambda: self._export(selection=True),
            None,
            QCoreApplication.translate("BankManager", "把选中的短语导出为 CSV 或 JSON"),
        )
        self.action_export_pack = a(
            QCoreApplication.translate("BankManager", "导出短语包…"),
            self._export_pack,
            None,
            QCoreApplication.translate("BankManager", "打包短语库（含出处），分享给同事"),
        )
        self.action_import_pack = a(
            QCoreApplication.translate("BankManager", "导入短语包…"),
            self._import_pack,
            None,
            QCoreApplication.translate("BankManager", "合并同事分享的短语包；不会覆盖您自己的修改"),
        )
        self.action_find_duplicates = a(
            QCoreApplication.translate("BankManager", "查找近似重复"),
            self.find_duplicates,
            None,
            QCoreApplication.translate("BankManager", "查找文字几乎相同的条目"),
        )
        self.action_merge_cluster = a(
            QCoreApplication.translate("BankManager", "合并选中组"),
            self.merge_current_cluster,
            None,
            QCoreApplication.translate("BankManager", "把组内其他条目并入选中的条目"),
        )
        self.action_refresh = a(
            QCoreApplication.translate("BankManager", "刷新"),
            self.refresh,
            "F5",
            QCoreApplication.translate("BankManager", "重新读取短语库"),
        )
        self.action_focus_search = a(
            QCoreApplication.translate("BankManager", "搜索"), self._focus_search, "Ctrl+F"
        )
        self.addAction(self.action_focus_search)

    def _make_widgets(self) -> None:
        central = QWidget(self)
        self.search_edit = QLineEdit(central)
        self.search_edit.setObjectName("bankSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            QCoreApplication.translate(
                "BankManager", "搜索：文字、近似写法或拼音首字母（如 qmcyzd → 全面从严治党）"
            )
        )
        self.kind_filter = self._combo(
            QCoreApplication.translate("BankManager", "全部类型"),
            [(KIND_LABELS[k], k) for k in KINDS],
        )
        self.function_filter = self._combo(
            QCoreApplication.translate("BankManager", "全部功能"), [(t, t) for t in FUNCTION_TAGS]
        )
        self.topic_filter = self._combo(
            QCoreApplication.translate("BankManager", "全部主题"), [(t, t) for t in TOPIC_TAGS]
        )
        self.origin_filter = self._combo(
            QCoreApplication.translate("BankManager", "全部来源"),
            [(ORIGIN_LABELS.get(o, o), o) for o in ORIGINS],
        )
        self.favourite_filter = QCheckBox(
            QCoreApplication.translate("BankManager", "只看收藏"), central
        )
        self.favourite_filter.toggled.connect(self._on_filters_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for w in (self.kind_filter, self.function_filter, self.topic_filter, self.origin_filter):
            filters.addWidget(w)
        filters.addWidget(self.favourite_filter)

        self.model = BankTableModel(self.bank, BANK_COLUMNS, self)
        self.model.sort_requested.connect(self._on_sort)
        self.model.edit_requested.connect(self.on_edit_requested)
        self.table = QTableView(central)
        self.table.setObjectName("bankTable")
        configure_table(
            self.table,
            self.model,
            {
                "kind": 76,
                "functions": 120,
                "topics": 120,
                "freq": 56,
                "uses": 56,
                "origin": 56,
                "updated": 128,
            },
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_actions())
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.provenance = ProvenanceView(self.bank, central)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.addWidget(self.table)
        splitter.addWidget(self.provenance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 300])
        entries = QWidget(central)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(4, 4, 4, 4)
        entries_layout.addLayout(filters)
        entries_layout.addWidget(splitter, 1)

        self.review = ReviewQueue(self)
        self.review.count_changed.connect(self._on_review_count)
        self.duplicates = DuplicatesPanel(self)
        self.stats_view = BankStatsView(self.bank, self)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("bankTabs")
        self.tabs.addTab(entries, QCoreApplication.translate("BankManager", "全部条目"))
        self.tabs.addTab(self.review, QCoreApplication.translate("BankManager", "待审核"))
        self.tabs.addTab(self.duplicates, QCoreApplication.translate("BankManager", "近似重复"))
        self.tabs.addTab(self.stats_view, QCoreApplication.translate("BankManager", "统计"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        status = self.statusBar()
        self.count_label = QLabel(status)
        self.count_label.setObjectName("countLabel")
        status.addWidget(self.count_label, 1)
        self.job_label = QLabel(status)
        self.progress = QProgressBar(status)
        self.progress.setObjectName("jobProgress")
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(QCoreApplication.translate("BankManager", "取消"), status)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.clicked.connect(self.cancel_job)
        for widget in (self.job_label, self.progress, self.cancel_button):
            status.addPermanentWidget(widget)
            widget.hide()
        self._sync_actions()

    def _combo(self, all_label: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(all_label, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._on_filters_changed)
        return combo

    def _make_toolbar(self) -> None:
        bar = QToolBar(QCoreApplication.translate("BankManager", "短语库"), self)
        bar.setObjectName("bankToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (
            self.action_add,
            self.action_edit,
            self.action_delete,
            self.action_favourite,
            self.action_tag,
            self.action_untag,
            None,
            self.action_undo,
            self.action_redo,
            None,
        ):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        imports = QMenu(QCoreApplication.translate("BankManager", "导入"), self)
        imports.addActions(
            [
                self.action_import_speeches,
                self.action_import_folder,
                self.action_import_entries,
                self.action_import_pack,
            ]
        )
        exports = QMenu(QCoreApplication.translate("BankManager", "导出"), self)
        exports.addActions(
            [self.action_export_all, self.action_export_selection, self.action_export_pack]
        )
        for menu in (imports, exports):
            action = menu.menuAction()
            bar.addAction(action)
            button = bar.widgetForAction(action)
            if button is not None:
                button.setProperty("popupMode", 2)  # InstantPopup
        self.import_menu, self.export_menu = imports, exports
        self.addToolBar(bar)

    # --- hooks tests replace (no modal loops in tests) ----------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def ask_merge(self, text: str, existing: Phrase, *, exact: bool) -> str:
        """ "merge" (fold into ``existing``), "add" (keep both) or "cancel"."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("BankManager", "已有相同或相近的短语"))
        if exact:
            box.setText(
                QCoreApplication.translate(
                    "BankManager", "短语库里已有“{t}”。要把标签、备注合并到已有条目吗？"
                ).format(t=existing.text)
            )
        else:
            box.setText(
                QCoreApplication.translate(
                    "BankManager",
                    "“{new}”与已有的“{old}”几乎相同。\n合并到已有条目，还是仍然保留两条？",
                ).format(new=text, old=existing.text)
            )
        merge = box.addButton(
            QCoreApplication.translate("BankManager", "合并"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = (
            None
            if exact
            else box.addButton(
                QCoreApplication.translate("BankManager", "仍然保留"),
                QMessageBox.ButtonRole.YesRole,
            )
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return "merge"
        if keep is not None and clicked is keep:
            return "add"
        return "cancel"

    def ask_open_paths(self, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, title, "", filters)
        return paths

    def ask_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title)

    def ask_open_path(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, "", filters)
        return path

    def ask_save_path(self, title: str, filters: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, filters)
        return path

    # --- the bank -----------------------------------------------------------------------------

    def set_bank(self, bank: PhraseBank) -> None:
        """Show another bank (the main window reloaded it); the undo history is for the old one."""
        if bank is self.bank:
            return
        self.cancel_job()
        self.bank = bank
        self.undo_stack.clear()
        self.model.set_bank(bank)
        self.provenance.set_bank(bank)
        self.review.set_bank(bank)
        self.stats_view.set_bank(bank)
        self.duplicates.set_clusters([])
        self._warm_index()
        self.refresh()

    def _warm_index(self) -> None:
        if self.bank.index_ready:
            return
        bank = self.bank
        self.jobs.start(lambda _p, _s: bank.build_index(), name="index")

    def refresh(self) -> None:
        """Run the current query again (after a change that adds or reorders rows)."""
        self.model.invalidate()
        self._run_query()
        self.review.refresh()
        self._stats_dirty = True
        if self.tabs.currentWidget() is self.stats_view:
            self._refresh_stats()

    @property
    def loading(self) -> bool:
        """A query is under way (tests wait for this to turn False)."""
        return self._runner.pending or self.review.loading

    def _run_query(self) -> None:
        q, bank = self._query, self.bank
        self.count_label.setText(QCoreApplication.translate("BankManager", "正在查询…"))
        self._runner.submit(lambda: run_query(bank, q))

    def _on_filters_changed(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        self._query = Query(
            text=text,
            kind=self.kind_filter.currentData(),
            function=self.function_filter.currentData(),
            topic=self.topic_filter.currentData(),
            origin=self.origin_filter.currentData(),
            favourite=True if self.favourite_filter.isChecked() else None,
            order_by=self._query.order_by,
            descending=self._query.descending,
            sorted_search=False,
        )
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(not text)
        self._run_query()

    def _on_sort(self, field: str, descending: bool) -> None:
        q = self._query
        self._query = Query(
            **{
                **q.__dict__,
                "order_by": field,
                "descending": descending,
                "sorted_search": bool(q.text),
            }
        )
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self._run_query()

    def _on_ids(self, ids: array[int]) -> None:
        keep = self._pending_select if self._pending_select is not None else self.current_id()
        self._pending_select = None
        self.model.set_ids(ids)
        n = len(ids)
        if self._query.text:
            more = (
                QCoreApplication.translate("BankManager", "（仅显示前 {k} 条）").format(
                    k=SEARCH_LIMIT
                )
                if n >= SEARCH_LIMIT
                else ""
            )
            self.count_label.setText(
                QCoreApplication.translate("BankManager", "找到 {n} 条").format(n=f"{n:,}") + more
            )
        else:
            self.count_label.setText(
                QCoreApplication.translate("BankManager", "共 {n} 条").format(n=f"{n:,}")
            )
        row = -1
        if keep is not None and n <= 200_000:  # a linear scan; skip it on huge lists
            row = self.model.row_of(keep)
        if row < 0 and n:
            row = 0
        if row >= 0:
            self.select_rows([row])
        else:
            self.provenance.show_phrase(None)
        self._sync_actions()

    def _on_review_count(self, n: int) -> None:
        self.tabs.setTabText(
            1,
            QCoreApplication.translate("BankManager", "待审核（{n}）").format(n=f"{n:,}")
            if n
            else QCoreApplication.translate("BankManager", "待审核"),
        )

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.stats_view and self._stats_dirty:
            self._refresh_stats()

    def _refresh_stats(self) -> None:
        self._stats_dirty = False
        self.stats_view.refresh()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- selection ----------------------------------------------------------------------------

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        phrase = self.model.phrase_at(current.row()) if current.isValid() else None
        self.provenance.show_phrase(phrase)
        self._sync_actions()

    def _sync_actions(self) -> None:
        has = self.table.selectionModel().hasSelection() or self.current_id() is not None
        for action in (
            self.action_edit,
            self.action_delete,
            self.action_favourite,
            self.action_tag,
            self.action_untag,
            self.action_export_selection,
        ):
            action.setEnabled(has)
        writable = not self.bank.read_only
        for action in (
            self.action_add,
            self.action_import_speeches,
            self.action_import_folder,
            self.action_import_entries,
            self.action_import_pack,
        ):
            action.setEnabled(writable)

    def _targets(self) -> list[int]:
        ids = self.selected_ids()
        if not ids and self.current_id() is not None:
            ids = [self.current_id()]  # type: ignore[list-item]
        return ids

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addActions(
            [
                self.action_edit,
                self.action_favourite,
                self.action_tag,
                self.action_untag,
                self.action_export_selection,
                self.action_delete,
            ]
        )
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _on_double_click(self, index: QModelIndex) -> None:
        if not self.model.columns[index.column()].editable:
            self._edit_current()

    # --- changes (all undoable) ---------------------------------------------------------------

    def run_change(self, label: str, fn: Callable[[], Any]) -> bool:
        """Apply a bank change now; errors (a locked bank, a clash) are shown in Chinese."""
        try:
            fn()
        except DuplicateError as exc:
            self.show_error(
                label,
                str(exc)
                + QCoreApplication.translate("BankManager", "请改用其他文字，或与已有条目合并。"),
            )
            return False
        except (BankError, ValueError, KeyError) as exc:
            message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
            self.show_error(label, message)
            return False
        finally:
            self.after_change()
        return True

    def after_change(self) -> None:
        """Show what changed: repaint cached rows, rerun the query, mark statistics stale."""
        self.refresh()

    def _push(self, label: str, redo: Callable[[], Any], undo: Callable[[], Any]) -> None:
        self.undo_stack.push(_Command(self, label, redo, undo))

    def add_phrase_dialog(self) -> Phrase | None:
        values, ok = PhraseDialog.get_phrase(self)
        if not ok or values is None:
            return None
        return self.add_phrase(values)

    def add_phrase(self, values: dict[str, Any]) -> Phrase | None:
        """Add an entry; a duplicate or near-duplicate offers to merge instead."""
        label = QCoreApplication.translate("BankManager", "新增短语")
        text = str(values.get("text") or "").strip()
        if not text:
            self.show_error(
                label,
                QCoreApplication.translate(
                    "BankManager", "短语内容不能为空。请输入要收入短语库的文字。"
                ),
            )
            return None
        existing = self.bank.find(text)
        if existing is not None:
            if self.ask_merge(text, existing, exact=True) == "merge":
                self._merge_values_into(existing, values)
            return None
        similar = similar_entries(self.bank, text)
        if similar:
            choice = self.ask_merge(text, similar[0][0], exact=False)
            if choice == "merge":
                self._merge_values_into(similar[0][0], values)
                return None
            if choice != "add":
                return None
        added: list[Phrase] = []

        def do() -> None:
            added.append(
                self.bank.add(
                    text,
                    kind=values.get("kind") or None,
                    functions=values.get("functions", ()),
                    topics=values.get("topics", ()),
                    note=values.get("note", ""),
                    favourite=bool(values.get("favourite")),
                )
            )

        if not self.run_change(label, do):
            return None
        phrase = added[0]
        holder: list[Any] = [None]

        def undo() -> None:
            holder[0] = remove_with_provenance(self.bank, [phrase.id])

        def redo() -> None:
            restore_with_provenance(self.bank, holder[0])

        self._push(
            QCoreApplication.translate("BankManager", "新增“{t}”").format(t=phrase.text), redo, undo
        )
        self._pending_select = phrase.id
        self._clear_search_if_hidden(phrase)
        return phrase

    def _clear_search_if_hidden(self, phrase: Phrase) -> None:
        q = self._query
        if q.text or q.kind or q.function or q.topic or q.origin or q.favourite:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "BankManager", "已新增“{t}”；它可能不在当前的搜索或筛选结果中。"
                ).format(t=phrase.text),
                6000,
            )

    def _merge_values_into(self, existing: Phrase, values: dict[str, Any]) -> None:
        """Fold what the writer typed (tags, note, favourite) into an existing entry."""
        changes = {
            "functions": tuple(dict.fromkeys((*existing.functions, *values.get("functions", ())))),
            "topics": tuple(dict.fromkeys((*existing.topics, *values.get("topics", ())))),
            "favourite": existing.favourite or bool(values.get("favourite")),
            "note": existing.note or str(values.get("note") or ""),
        }
        self._pending_select = existing.id
        self._update(
            existing.id,
            changes,
            QCoreApplication.translate("BankManager", "合并到“{t}”").format(t=existing.text),
        )

    def _update(self, pid: int, changes: dict[str, Any], label: str) -> bool:
        before = self.bank.get(pid)
        if before is None:
            return False
        if not self.run_change(label, lambda: self.bank.update(pid, **changes)):
            return False
        self._push(
            label,
            lambda: self.bank.update(pid, **changes),
            lambda: _restore_fields(self.bank, [before]),
        )
        return True

    def _edit_current(self) -> None:
        pid = self.current_id()
        if pid is not None:
            self.edit_phrase(pid)

    def edit_phrase(self, pid: int) -> bool:
        phrase = self.bank.get(pid)
        if phrase is None:
            return False
        values, ok = PhraseDialog.get_phrase(self, phrase)
        if not ok or values is None:
            return False
        changes = {k: v for k, v in values.items() if k != "kind" or v}
        return self.apply_edit(pid, changes)

    def on_edit_requested(self, pid: int, changes: dict[str, Any]) -> None:
        """Slot for the models' inline edits."""
        self.apply_edit(pid, changes)

    def apply_edit(self, pid: int, changes: dict[str, Any]) -> bool:
        """Change an entry (from the dialog or an inline edit), refusing empty text and
        offering to merge when the new text duplicates another entry."""
        label = QCoreApplication.translate("BankManager", "编辑短语")
        current = self.bank.get(pid)
        if current is None:
            return False
        if "text" in changes:
            text = str(changes["text"]).strip()
            if not text:
                self.show_error(
                    label,
                    QCoreApplication.translate(
                        "BankManager", "短语内容不能为空。如要去掉这条短语，请用“删除”。"
                    ),
                )
                self.model.invalidate([pid])
                return False
            changes = {**changes, "text": text}
            if text != current.text:
                other = self.bank.find(text)
                similar = [other] if other is not None else []
                if not similar:
                    similar = [p for p, _ in similar_entries(self.bank, text, exclude=pid)]
                if similar:
                    choice = self.ask_merge(text, similar[0], exact=other is not None)
                    if choice == "merge":
                        return self.merge(similar[0].id, [pid])
                    if choice != "add" or other is not None:
                        self.model.invalidate([pid])
                        return False
        changes = {k: v for k, v in changes.items() if getattr(current, k, None) != v}
        if not changes:
            return False
        self._pending_select = pid
        return self._update(pid, changes, label)

    def delete_selected(self) -> bool:
        ids = self._targets()
        if not ids:
            return False
        first = self.model.phrase_at(self.model.row_of(ids[0]))
        what = (
            f"“{first.text}”"
            if len(ids) == 1 and first
            else QCoreApplication.translate("BankManager", "选中的 {n} 条短语").format(n=len(ids))
        )
        if not self.confirm(
            QCoreApplication.translate("BankManager", "删除短语"),
            QCoreApplication.translate(
                "BankManager",
                "确定删除{what}吗？它们的出处记录也会一并删除。可以用“撤销”（Ctrl+Z）恢复。",
            ).format(what=what),
        ):
            return False
        return self.delete_ids(ids)

    def delete_ids(self, ids: list[int]) -> bool:
        holder: list[Any] = [None]
        row = min((r for r in (self.model.row_of(i) for i in ids) if r >= 0), default=0)

        def do() -> None:
            holder[0] = remove_with_provenance(self.bank, ids)

        label = QCoreApplication.translate("BankManager", "删除 {n} 条短语").format(n=len(ids))
        if not self.run_change(label, do):
            return False
        self._push(label, do, lambda: restore_with_provenance(self.bank, holder[0]))
        self.model.remove_ids(ids)
        if self.model.rowCount():
            self._pending_select = self.model.id_at(min(row, self.model.rowCount() - 1))
        self.statusBar().showMessage(
            QCoreApplication.translate("BankManager", "已删除 {n} 条短语。按 Ctrl+Z 撤销。").format(
                n=len(ids)
            ),
            6000,
        )
        return True

    def _bulk(self, ids: list[int], label: str, fn: Callable[[], Any]) -> bool:
        before = list(self.bank.get_many(ids).values())
        if not self.run_change(label, fn):
            return False
        self._push(label, fn, lambda: _restore_fields(self.bank, before))
        return True

    def toggle_favourite(self) -> bool:
        ids = self._targets()
        if not ids:
            return False
        phrases = self.bank.get_many(ids)
        make = not all(p.favourite for p in phrases.values())

        def do() -> None:
            for pid in ids:
                self.bank.update(pid, favourite=make)

        label = (
            QCoreApplication.translate("BankManager", "收藏")
            if make
            else QCoreApplication.translate("BankManager", "取消收藏")
        )
        return self._bulk(ids, label, do)

    def tag_selected(self, *, remove: bool) -> bool:
        ids = self._targets()
        if not ids:
            return False
        tags, ok = TagDialog.get_tags(self, remove=remove)
        if not ok:
            return False
        return self.tag_ids(ids, tags, remove=remove)

    def tag_ids(self, ids: list[int], tags: list[str], *, remove: bool = False) -> bool:
        label = (
            QCoreApplication.translate("BankManager", "去掉标签：")
            if remove
            else QCoreApplication.translate("BankManager", "添加标签：")
        ) + "、".join(tags)
        return self._bulk(ids, label, lambda: self.bank.tag(ids, tags, remove=remove))

    def set_status(self, ids: list[int], status: str) -> bool:
        """Accept ("active") or reject entries of the review queue; undoable."""
        label = {
            "active": QCoreApplication.translate("BankManager", "接受"),
            "rejected": QCoreApplication.translate("BankManager", "拒绝"),
            "pending": QCoreApplication.translate("BankManager", "退回待审核"),
        }[status]
        label += QCoreApplication.translate("BankManager", " {n} 条").format(n=len(ids))
        return self._bulk(ids, label, lambda: self.bank.set_status(ids, status))

    def merge(self, keep_id: int, other_ids: list[int]) -> bool:
        """Fold ``other_ids`` into ``keep_id`` (provenance and uses of both are kept); undoable."""
        snapshot = capture(self.bank, [keep_id, *other_ids])
        keep = next((p for p in snapshot.phrases if p.id == keep_id), None)
        if keep is None:
            return False
        label = QCoreApplication.translate("BankManager", "合并到“{t}”").format(t=keep.text)

        def do() -> None:
            self.bank.merge(keep_id, other_ids)

        if not self.run_change(label, do):
            return False
        self._push(label, do, lambda: restore_with_provenance(self.bank, snapshot))
        self.model.remove_ids(other_ids)
        self._pending_select = keep_id
        return True

    # --- long jobs ----------------------------------------------------------------------------

    def start_job(
        self,
        title: str,
        fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        on_done: Callable[[Any], None],
        *,
        cancelled_message: str = "",
    ) -> BankJob | None:
        """Run a long core call with the progress bar and the cancel button."""
        if self.job is not None and not self.job.done:
            self.show_info(
                title,
                QCoreApplication.translate(
                    "BankManager", "“{t}”还在进行。请等它完成，或先取消。"
                ).format(t=self.job.name),
            )
            return None
        self.job_label.setText(title + "…")
        self.progress.setRange(0, 0)  # busy until the first progress report
        for w in (self.job_label, self.progress, self.cancel_button):
            w.show()
        self.cancel_button.setEnabled(True)

        def progress(done: int, total: int) -> None:
            if total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(done)

        def finished(result: Any) -> None:
            self._job_ended()
            on_done(result)

        def failed(message: str) -> None:
            self._job_ended()
            self.show_error(title, message)

        def cancelled() -> None:
            self._job_ended()
            self.statusBar().showMessage(
                cancelled_message or QCoreApplication.translate("BankManager", "已取消。"), 8000
            )

        self.job = self.jobs.start(
            fn,
            name=title,
            on_done=finished,
            on_failed=failed,
            on_progress=progress,
            on_cancelled=cancelled,
        )
        return self.job

    def _job_ended(self) -> None:
        for w in (self.job_label, self.progress, self.cancel_button):
            w.hide()
        self.job = None

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.job_label.setText(QCoreApplication.translate("BankManager", "正在取消…"))

    @property
    def job_running(self) -> bool:
        return self.job is not None

    def _import_speech_files(self) -> None:
        paths = self.ask_open_paths(
            QCoreApplication.translate("BankManager", "选择要导入的讲稿"), SPEECH_FILTER
        )
        if paths:
            self.import_speeches(paths)

    def _import_speech_folder(self) -> None:
        folder = self.ask_folder(QCoreApplication.translate("BankManager", "选择讲稿所在的文件夹"))
        if folder:
            self.import_speeches([folder])

    def import_speeches(self, paths: list[str]) -> BankJob | None:
        """Mine speeches in the background; new entries wait in the review queue."""
        bank = self.bank

        def work(progress: Callable[[int, int], None], stop: Callable[[], bool]) -> Any:
            return bank.mine(paths, on_progress=progress, should_stop=stop, status="pending")

        def done(report: Any) -> None:
            self.last_report = report
            lines = [report.summary()]
            if report.added:
                lines.append(
                    QCoreApplication.translate(
                        "BankManager", "新挖掘的短语已放入“待审核”，请逐条接受或拒绝。"
                    )
                )
            if report.updated:
                lines.append(
                    QCoreApplication.translate("BankManager", "已有的短语只增加了频次和出处。")
                )
            for path, reason in report.skipped[:8]:
                lines.append(f"· {Path(path).name}：{reason}")
            if len(report.skipped) > 8:
                lines.append(
                    QCoreApplication.translate("BankManager", "……另有 {n} 个文件被跳过。").format(
                        n=len(report.skipped) - 8
                    )
                )
            self.refresh()
            if report.added:
                self.tabs.setCurrentWidget(self.review)
            self.show_info(QCoreApplication.translate("BankManager", "导入讲稿"), "\n".join(lines))

        return self.start_job(
            QCoreApplication.translate("BankManager", "导入讲稿"),
            work,
            done,
            cancelled_message=QCoreApplication.translate(
                "BankManager", "已取消导入，短语库未改动。"
            ),
        )

    def _import_entries(self) -> None:
        path = self.ask_open_path(
            QCoreApplication.translate("BankManager", "导入短语（CSV/JSON）"), TABLE_FILTER
        )
        if path:
            self.import_entries(path)

    def import_entries(self, path: str) -> BankJob | None:
        bank = self.bank

        def done(report: Any) -> None:
            lines = [report.summary()]
            for line, reason in report.bad[:10]:
                lines.append(
                    QCoreApplication.translate("BankManager", "· 第 {n} 行：{r}").format(
                        n=line, r=reason
                    )
                )
            self.refresh()
            self.show_info(QCoreApplication.translate("BankManager", "导入短语"), "\n".join(lines))

        return self.start_job(
            QCoreApplication.translate("BankManager", "导入短语"),
            lambda _p, _s: import_phrases(bank, path),
            done,
        )

    def _export(self, *, selection: bool) -> None:
        ids = self._targets() if selection else None
        if selection and not ids:
            return
        path = self.ask_save_path(
            QCoreApplication.translate("BankManager", "导出短语"),
            "CSV (*.csv);;JSON (*.json)",
            "短语库.csv",
        )
        if path:
            self.export_entries(path, ids)

    def export_entries(self, path: str, ids: list[int] | None = None) -> BankJob | None:
        bank = self.bank
        if Path(path).suffix.lower() not in (".csv", ".json"):
            path += ".csv"

        def done(n: int) -> None:
            self.show_info(
                QCoreApplication.translate("BankManager", "导出短语"),
                QCoreApplication.translate("BankManager", "已导出 {n} 条短语到“{p}”。").format(
                    n=n, p=path
                ),
            )

        return self.start_job(
            QCoreApplication.translate("BankManager", "导出短语"),
            lambda _p, _s: export_phrases(bank, path, ids=ids),
            done,
        )

    def _export_pack(self) -> None:
        ids = self.selected_ids()
        whole = len(ids) <= 1
        path = self.ask_save_path(
            QCoreApplication.translate("BankManager", "导出短语包"),
            QCoreApplication.translate("BankManager", "短语包 (*{s})").format(s=PACK_SUFFIX),
            "短语包" + PACK_SUFFIX,
        )
        if path:
            self.export_pack(path, None if whole else ids)

    def export_pack(self, path: str, ids: list[int] | None = None) -> BankJob | None:
        bank = self.bank
        if not path.endswith(PACK_SUFFIX):
            path += PACK_SUFFIX

        def work(progress: Callable[[int, int], None], stop: Callable[[], bool]) -> int:
            return export_pack(bank, path, ids=ids, on_progress=progress, should_stop=stop)

        def done(n: int) -> None:
            self.show_info(
                QCoreApplication.translate("BankManager", "导出短语包"),
                QCoreApplication.translate(
                    "BankManager",
                    "已把 {n} 条短语（含出处）打包到“{p}”。把这个文件交给同事，用“导入短语包”合并。",
                ).format(n=n, p=path),
            )

        return self.start_job(
            QCoreApplication.translate("BankManager", "导出短语包"),
            work,
            done,
            cancelled_message=QCoreApplication.translate("BankManager", "已取消导出短语包。"),
        )

    def _import_pack(self) -> None:
        path = self.ask_open_path(
            QCoreApplication.translate("BankManager", "导入短语包"),
            QCoreApplication.translate("BankManager", "短语包 (*{s})").format(s=PACK_SUFFIX),
        )
        if path:
            self.import_pack(path)

    def import_pack(self, path: str) -> BankJob | None:
        bank = self.bank

        def work(progress: Callable[[int, int], None], stop: Callable[[], bool]) -> Any:
            return import_pack(bank, path, on_progress=progress, should_stop=stop)

        def done(report: Any) -> None:
            self.undo_stack.clear()  # a pack import is not on the undo stack
            self.refresh()
            self.show_info(
                QCoreApplication.translate("BankManager", "导入短语包"), report.summary()
            )

        return self.start_job(
            QCoreApplication.translate("BankManager", "导入短语包"),
            work,
            done,
            cancelled_message=QCoreApplication.translate(
                "BankManager", "已取消导入短语包，短语库未改动。"
            ),
        )

    def find_duplicates(self) -> BankJob | None:
        bank = self.bank
        self.tabs.setCurrentWidget(self.duplicates)

        def work(progress: Callable[[int, int], None], stop: Callable[[], bool]) -> Any:
            return near_duplicate_clusters(
                bank.phrases(), threshold=NEAR_DUPLICATE, on_progress=progress, should_stop=stop
            )

        return self.start_job(
            QCoreApplication.translate("BankManager", "查找近似重复"),
            work,
            self.duplicates.set_clusters,
        )

    def merge_current_cluster(self) -> bool:
        target = self.duplicates.current_merge()
        if target is None:
            return False
        keep, others = target
        if self.merge(keep, others):
            self.duplicates.drop_current_group()
            return True
        return False

    # --- window -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            if not self.confirm(
                QCoreApplication.translate("BankManager", "关闭短语库管理"),
                QCoreApplication.translate(
                    "BankManager", "“{t}”还在进行。关闭窗口会取消它，确定吗？"
                ).format(t=self.job.name),
            ):
                event.ignore()
                return
            self.cancel_job()
        super().closeEvent(event)


_manager: BankManager | None = None


def open_bank_manager(parent: QWidget | None, bank: PhraseBank) -> BankManager:
    """Show the bank manager for ``bank``: create it once, then raise the same window."""
    global _manager
    manager = _manager
    if manager is None or not shiboken6.isValid(manager):
        manager = BankManager(bank, parent)
        _manager = manager
    else:
        manager.set_bank(bank)
    manager.show()
    manager.raise_()
    manager.activateWindow()
    return manager
