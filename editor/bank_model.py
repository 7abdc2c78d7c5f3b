"""A lazy table model over a phrase bank.

The model keeps only the list of ids on display (an ``array`` of 8-byte ints: 8 MB for a
million entries) and fetches rows in pages with ``bank.get_many`` when the view asks for
them, keeping a bounded LRU cache. Sorting is not done here: ``sort()`` emits
``sort_requested`` and the owner asks ``bank.list_ids(order_by=...)`` in a worker, then hands
the new id list to :meth:`set_ids`. Edits are not written here either: ``setData`` emits
``edit_requested(id, changes)`` so the owner can put them on its undo stack.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from editor.bank_jobs import manager_pool
from phrasebank import BankError, Phrase, PhraseBank
from phrasebank.model import FUNCTION_TAGS, KIND_LABELS

__all__ = [
    "BANK_COLUMNS",
    "ID_ROLE",
    "ORIGIN_LABELS",
    "PHRASE_ROLE",
    "REVIEW_COLUMNS",
    "STATUS_LABELS",
    "BankTableModel",
    "Column",
    "split_tags",
]

log = logging.getLogger(__name__)

PHRASE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

ORIGIN_LABELS = {"mined": "挖掘", "curated": "精选", "user": "自建", "imported": "导入"}
STATUS_LABELS = {"active": "已入库", "pending": "待审核", "rejected": "已拒绝"}

_TAG_SPLIT = re.compile(r"[、，,；;|\s]+")


def split_tags(value: str) -> list[str]:
    """Tags typed in a cell or a field: 强调、党的建设 / 强调, 党的建设."""
    return [t for t in _TAG_SPLIT.split(str(value)) if t]


class Column:
    """One table column: its bank field (also the ``list_ids`` sort key) and header."""

    def __init__(self, field: str, title: str, *, editable: bool = False) -> None:
        self.field = field
        self.title = title
        self.editable = editable


BANK_COLUMNS: tuple[Column, ...] = (
    Column("text", "短语", editable=True),
    Column("kind", "类型"),
    Column("functions", "功能", editable=True),
    Column("topics", "主题", editable=True),
    Column("freq", "频次"),
    Column("uses", "使用"),
    Column("origin", "来源"),
    Column("updated", "更新时间"),
)

REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("text", "短语", editable=True),
    Column("kind", "类型"),
    Column("functions", "功能", editable=True),
    Column("topics", "主题", editable=True),
    Column("freq", "频次"),
    Column("doc_freq", "篇数"),
    Column("quality", "质量"),
)

_NUMERIC = {"freq", "uses", "doc_freq", "quality"}
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset(
    {_DISPLAY, _EDIT, _ALIGN, _FOREGROUND, _FONT, _TOOLTIP, PHRASE_ROLE, ID_ROLE}
    | {int(r) for r in (_DISPLAY, _EDIT, _ALIGN, _FOREGROUND, _FONT, _TOOLTIP)}
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FAVOURITE_COLOUR = QColor("#9a6700")
_ITALIC: list[QFont] = []  # made on first use: a QFont needs the application to exist


def _italic() -> QFont:
    if not _ITALIC:
        font = QFont()
        font.setItalic(True)
        _ITALIC.append(font)
    return _ITALIC[0]


_MISSING = object()


def _rows(
    page: list[int], got: dict[int, Phrase], fields: list[str]
) -> list[tuple[int, _Row | None]]:
    """Cache entries for a page: each phrase with its cells formatted (None: deleted)."""
    out: list[tuple[int, _Row | None]] = []
    for pid in page:
        phrase = got.get(pid)
        out.append(
            (pid, _Row(phrase, tuple(_format(phrase, f) for f in fields)) if phrase else None)
        )
    return out


class _PageRelay(QObject):
    """Carries pages read in a worker back to the UI thread (queued)."""

    loaded = Signal(int, int, object, object)  # generation, first row, ids, [(id, row)]


class _Row(NamedTuple):
    phrase: Phrase
    display: tuple[str, ...]  # formatted once per fetch, not on every paint


def _format(phrase: Phrase, field: str) -> str:
    if field == "text":
        return ("★ " if phrase.favourite else "") + phrase.text
    if field == "kind":
        return KIND_LABELS.get(phrase.kind, phrase.kind)
    if field in ("functions", "topics"):
        return "、".join(getattr(phrase, field))
    if field == "origin":
        return ORIGIN_LABELS.get(phrase.origin, phrase.origin)
    if field == "status":
        return STATUS_LABELS.get(phrase.status, phrase.status)
    if field in ("updated", "created"):
        stamp = getattr(phrase, field)
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else ""
    if field == "quality":
        return f"{phrase.quality:.2f}"
    return str(getattr(phrase, field))


class BankTableModel(QAbstractTableModel):
    """Rows are bank entries, identified by id; row data is fetched a page at a time."""

    PAGE = 100
    CACHE_ROWS = 4000

    sort_requested = Signal(str, bool)  # field, descending
    edit_requested = Signal(int, dict)  # phrase id, changes for bank.update

    def __init__(
        self,
        bank: PhraseBank,
        columns: Sequence[Column] = BANK_COLUMNS,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._bank = bank
        self._columns = tuple(columns)
        self._ids: array[int] = array("q")
        self._cache: OrderedDict[int, _Row | None] = OrderedDict()
        self._generation = 0  # bumped whenever cached rows may be out of date
        self._in_flight: set[int] = set()
        self._relay = _PageRelay()
        self._relay.loaded.connect(self._on_page)
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        self._flags = [
            base | Qt.ItemFlag.ItemIsEditable if c.editable else base for c in self._columns
        ]
        self.fetches = 0  # get_many calls (tests and the benchmark read it)

    # --- the id list --------------------------------------------------------------------------

    @property
    def bank(self) -> PhraseBank:
        return self._bank

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_bank(self, bank: PhraseBank) -> None:
        self.beginResetModel()
        self._bank = bank
        self._ids = array("q")
        self._cache.clear()
        self._generation += 1
        self._in_flight.clear()
        self.endResetModel()

    def set_ids(self, ids: Iterable[int]) -> None:
        """Show these entries in this order (the result of a sort, filter or search)."""
        new = ids if isinstance(ids, array) else array("q", ids)
        self.beginResetModel()
        self._ids = new
        self._generation += 1
        self._in_flight.clear()
        self.endResetModel()

    def ids(self) -> array[int]:
        return self._ids

    def id_at(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, phrase_id: int) -> int:
        """Row of an id, or -1 (a linear scan: call from a worker for huge lists)."""
        try:
            return self._ids.index(int(phrase_id))
        except ValueError:
            return -1

    def phrase_at(self, row: int) -> Phrase | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._phrase(row)

    def field_of(self, column: int) -> str:
        return self._columns[column].field

    def column_of(self, field: str) -> int:
        for i, c in enumerate(self._columns):
            if c.field == field:
                return i
        return -1

    # --- cache --------------------------------------------------------------------------------

    def _row(self, row: int) -> _Row | None:
        # FIFO rather than LRU: a move_to_end on every data() call costs more than the
        # occasional re-fetch of a page that was evicted while still on screen.
        pid = self._ids[row]
        cached = self._cache.get(pid, _MISSING)
        if cached is _MISSING:
            self._fetch_page(row)
            cached = self._cache.get(pid)
        return cached  # type: ignore[return-value]

    def _row_for_paint(self, row: int) -> _Row | None:
        """Like :meth:`_row`, but a miss asks a worker for the page and paints blanks until
        it arrives, so painting never waits for SQLite."""
        pid = self._ids[row]
        cached = self._cache.get(pid, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        start = (row // self.PAGE) * self.PAGE
        if start not in self._in_flight:
            self._in_flight.add(start)
            page = [int(i) for i in self._ids[start : start + self.PAGE]]
            bank, generation, relay = self._bank, self._generation, self._relay
            fields = [c.field for c in self._columns]

            def load() -> None:
                try:
                    got = bank.get_many(page)
                except BankError as exc:
                    log.warning("could not read rows: %s", exc)
                    got = {}
                rows = _rows(page, got, fields)  # formatted here, not on the UI thread
                with contextlib.suppress(RuntimeError):  # the model went away meanwhile
                    relay.loaded.emit(generation, start, page, rows)

            manager_pool().start(load)
        return None

    def _on_page(
        self, generation: int, start: int, page: list[int], rows: list[tuple[int, _Row | None]]
    ) -> None:
        self._in_flight.discard(start)
        if generation != self._generation:
            return  # the ids changed or rows were edited since: this page may be stale
        self._store_rows(rows)
        if self._ids:
            last = min(start + len(page), len(self._ids)) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(self._columns) - 1))

    def _phrase(self, row: int) -> Phrase | None:
        cached = self._row(row)
        return cached.phrase if cached is not None else None

    def _fetch_page(self, row: int) -> None:
        start = (row // self.PAGE) * self.PAGE
        page = [int(i) for i in self._ids[start : start + self.PAGE] if i not in self._cache]
        try:
            got = self._bank.get_many(page)
        except BankError as exc:  # closed or unreadable: show blanks rather than crash paint
            log.warning("could not read rows: %s", exc)
            return
        self.fetches += 1
        self._store_page(page, got)

    def _store_page(self, page: list[int], got: dict[int, Phrase]) -> None:
        self._store_rows(_rows(page, got, [c.field for c in self._columns]))

    def _store_rows(self, rows: list[tuple[int, _Row | None]]) -> None:
        for pid, row in rows:
            self._cache[pid] = row
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    def invalidate(self, ids: Iterable[int] | None = None) -> None:
        """Forget cached rows (all, or these ids) and repaint them on the next look."""
        self._generation += 1
        self._in_flight.clear()
        if ids is None:
            self._cache.clear()
        else:
            for pid in ids:
                self._cache.pop(int(pid), None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def remove_ids(self, ids: Iterable[int]) -> None:
        """Take rows out in place (after a delete, an accept, a merge) without a requery."""
        gone = {int(i) for i in ids}
        if not gone:
            return
        self._generation += 1
        self._in_flight.clear()
        rows = [r for r, pid in enumerate(self._ids) if pid in gone]
        for row in reversed(rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        for pid in gone:
            self._cache.pop(pid, None)

    # --- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
                return self._columns[section].title
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        # Called ~1 000 times per repaint: unhandled roles leave before any lookup.
        if role not in _ROLES or not index.isValid():
            return None
        cached = self._row(index.row())
        column = index.column()
        if role == _DISPLAY:
            if cached is None:
                return "（已删除）" if column == 0 else ""
            return cached.display[column]
        if cached is None:
            return None
        phrase = cached.phrase
        field = self._columns[column].field
        if role == _ALIGN:
            return _RIGHT if field in _NUMERIC else None
        if role == _FOREGROUND:
            return _FAVOURITE_COLOUR if field == "text" and phrase.favourite else None
        if role == _FONT:
            return _italic() if field == "kind" and phrase.kind == "template" else None
        if role == _EDIT:
            return phrase.text if field == "text" else cached.display[column]
        if role == PHRASE_ROLE:
            return phrase
        if role == ID_ROLE:
            return phrase.id
        if role == _TOOLTIP and field == "text":
            tip = phrase.text
            if phrase.note:
                tip += f"\n备注：{phrase.note}"
            if phrase.variants:
                tip += "\n易错写法：" + "、".join(phrase.variants)
            return tip
        return None

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: Any) -> None:
        """All roles a delegate paints with, in one call per cell instead of one per role.

        Qt's item delegates ask through multiData(); each call from C++ into Python is the
        expensive part of painting a Python model, so this halves the cost of a repaint.
        """
        if not index.isValid():
            return
        cached = self._row_for_paint(index.row())
        column = index.column()
        field = self._columns[column].field
        phrase = cached.phrase if cached is not None else None
        # Qt reuses the span between cells: every role must be set or cleared.
        for slot in roleDataSpan:
            role = slot.role()
            value: Any = None
            if role == _DISPLAY:
                value = cached.display[column] if cached is not None else ""
            elif phrase is None:
                pass
            elif role == _ALIGN:
                value = _RIGHT if field in _NUMERIC else None
            elif role == _FOREGROUND:
                value = _FAVOURITE_COLOUR if column == 0 and phrase.favourite else None
            elif role == _FONT:
                value = _italic() if field == "kind" and phrase.kind == "template" else None
            elif role in _ROLES:
                value = self.data(index, role)
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._flags[index.column()]

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        phrase = self._phrase(index.row())
        if phrase is None:
            return False
        field = self._columns[index.column()].field
        if field == "text":
            changes: dict[str, Any] = {"text": str(value)}
        elif field in ("functions", "topics"):
            tags = split_tags(str(value))
            # A function tag typed in the topic column (or the reverse) goes where it belongs.
            functions = [t for t in tags if t in FUNCTION_TAGS]
            topics = [t for t in tags if t not in FUNCTION_TAGS]
            if field == "functions":
                changes = {"functions": functions, "topics": [*phrase.topics, *topics]}
            else:
                changes = {"topics": topics, "functions": [*phrase.functions, *functions]}
            changes = {k: tuple(dict.fromkeys(v)) for k, v in changes.items()}
        else:
            return False
        self.edit_requested.emit(phrase.id, changes)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns):
            self.sort_requested.emit(
                self._columns[column].field, order == Qt.SortOrder.DescendingOrder
            )


class TableSelection:
    """Selection helpers for a widget that shows a :class:`BankTableModel` in ``self.table``.

    Shared by the manager's entry table and the review queue. The widget provides
    ``table`` (a QTableView), ``model`` (the BankTableModel) and ``_on_current(current,
    previous)``, which shows the current entry's details.
    """

    table: Any
    model: BankTableModel

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        raise NotImplementedError

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.id_at(index.row())

    def select_rows(self, rows: list[int]) -> None:
        """Select whole rows, make the first current, scroll to it and show its details."""
        sel = self.table.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in rows:
            sel.select(self.model.index(r, 0), flags)
        if rows:
            first = self.model.index(rows[0], 0)
            sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)
            self._on_current(first, QModelIndex())
