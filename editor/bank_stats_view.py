"""Statistics of the phrase bank: counts by kind and tag (bar charts drawn with QPainter),
the most used entries and what was added recently. ``bank.stats()`` reads the whole bank,
so it runs in a worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.bank_jobs import LatestRunner
from editor.bank_model import ORIGIN_LABELS, STATUS_LABELS
from phrasebank import PhraseBank

__all__ = ["BankStatsView", "BarChart"]


class BarChart(QWidget):
    """Horizontal bars with a label and a count on each: reads better than a table for
    comparing a dozen counts."""

    BAR = QColor("#c0392b")  # the red of official documents, muted
    TRACK = QColor("#f1e4e2")

    def __init__(self, parent: QWidget | None = None, *, max_bars: int = 12) -> None:
        super().__init__(parent)
        self.max_bars = max_bars
        self.items: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, items: Sequence[tuple[str, int]]) -> None:
        self.items = sorted(items, key=lambda kv: -kv[1])[: self.max_bars]
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        rows = max(1, len(self.items))
        return QSize(320, rows * self._row_height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        if not self.items:
            painter.setPen(QColor("#777"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("BankStatsView", "暂无数据"),
            )
            return
        label_w = min(max(fm.horizontalAdvance(k) for k, _ in self.items) + 12, self.width() // 3)
        count_w = fm.horizontalAdvance(f"{max(v for _, v in self.items):,}") + 10
        bar_w = max(10, self.width() - label_w - count_w - 8)
        top = max(v for _, v in self.items) or 1
        h = self._row_height()
        for i, (label, value) in enumerate(self.items):
            y = 4 + i * h
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_w - 8, h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8),
            )
            track = QRectF(label_w, y + 4, bar_w, h - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.TRACK)
            painter.drawRoundedRect(track, 3, 3)
            painter.setBrush(self.BAR)
            painter.drawRoundedRect(
                QRectF(label_w, y + 4, max(2.0, bar_w * value / top), h - 8), 3, 3
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(label_w + bar_w + 6, y, count_w, h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,}",
            )


class BankStatsView(QScrollArea):
    """The 统计 tab. Call :meth:`refresh` when it becomes visible or the bank changed."""

    def __init__(self, bank: PhraseBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bankStats")
        self._bank = bank
        self.stats: dict[str, Any] | None = None
        self._runner = LatestRunner(self)
        self._runner.ready.connect(self.show_stats)
        self._runner.failed.connect(self._on_failed)

        body = QWidget(self)
        self.summary = QLabel(QCoreApplication.translate("BankStatsView", "正在统计…"), body)
        self.summary.setObjectName("statsSummary")
        self.summary.setWordWrap(True)
        self.by_kind = BarChart(body)
        self.by_function = BarChart(body)
        self.by_topic = BarChart(body)
        self.most_used = QTableWidget(0, 2, body)
        self.most_used.setObjectName("mostUsed")
        self.most_used.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BankStatsView", "短语"),
                QCoreApplication.translate("BankStatsView", "使用次数"),
            ]
        )
        self.most_used.verticalHeader().setVisible(False)
        self.most_used.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.most_used.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.recent = QListWidget(body)
        self.recent.setObjectName("recentlyAdded")

        grid = QGridLayout(body)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        for (row, col), title, widget in (
            ((1, 0), QCoreApplication.translate("BankStatsView", "按类型"), self.by_kind),
            ((1, 1), QCoreApplication.translate("BankStatsView", "按功能"), self.by_function),
            ((2, 0), QCoreApplication.translate("BankStatsView", "按主题"), self.by_topic),
            ((2, 1), QCoreApplication.translate("BankStatsView", "最常用"), self.most_used),
            ((3, 0), QCoreApplication.translate("BankStatsView", "最近新增"), self.recent),
        ):
            box = QGroupBox(title, body)
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
            if isinstance(widget, BarChart):
                inner.addStretch(1)
            grid.addWidget(box, row, col)
        grid.setRowStretch(4, 1)
        self.setWidget(body)
        self.setWidgetResizable(True)

    def set_bank(self, bank: PhraseBank) -> None:
        self._bank = bank
        self.stats = None

    @property
    def loading(self) -> bool:
        return self._runner.pending

    def refresh(self) -> None:
        self.summary.setText(QCoreApplication.translate("BankStatsView", "正在统计…"))
        self._runner.submit(self._bank.stats)

    def _on_failed(self, message: str) -> None:
        self.summary.setText(QCoreApplication.translate("BankStatsView", "统计失败：") + message)

    def show_stats(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        status = stats.get("by_status", {})
        origins = "、".join(
            f"{ORIGIN_LABELS.get(k, k)} {v:,}" for k, v in stats.get("by_origin", {}).items()
        )
        text = QCoreApplication.translate("BankStatsView", "共 {total} 条已入库短语").format(
            total=f"{stats['total']:,}"
        )
        extra = [
            f"{STATUS_LABELS[k]} {status[k]:,}" for k in ("pending", "rejected") if status.get(k)
        ]
        if extra:
            text += "（" + "，".join(extra) + "）"
        text += QCoreApplication.translate(
            "BankStatsView", "；来自 {n} 篇讲稿，{occ} 处出处。"
        ).format(n=f"{stats.get('sources', 0):,}", occ=f"{stats.get('occurrences', 0):,}")
        if origins:
            text += QCoreApplication.translate("BankStatsView", "来源：") + origins + "。"
        self.summary.setText(text)
        self.by_kind.set_data(list(stats.get("by_kind", {}).items()))
        self.by_function.set_data(list(stats.get("by_function", {}).items()))
        self.by_topic.set_data(list(stats.get("by_topic", {}).items()))
        used = stats.get("most_used", [])
        self.most_used.setRowCount(len(used))
        for row, (text_, uses) in enumerate(used):
            self.most_used.setItem(row, 0, QTableWidgetItem(text_))
            count = QTableWidgetItem(f"{uses:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.most_used.setItem(row, 1, count)
        self.recent.clear()
        self.recent.addItems(stats.get("recent", []))
