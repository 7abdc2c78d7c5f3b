"""The suggestion popup shown at the caret.

It must never get in the way of the input method (see notes/ime.md): it is a frameless
tool-tip window shown without activation and it never takes keyboard focus. The editor keeps
focus and forwards navigation and accept keys to it while it is visible. It is painted by
hand instead of using an item view, because item views switch input methods off when they get
focus and bring selection behaviour we do not want here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QWidget

from phrasebank.model import KIND_LABELS, Suggestion

__all__ = ["MARKERS", "SuggestionPopup", "marker_for"]

#: Short markers shown next to each suggestion (two characters at most, so they line up).
MARKERS: dict[str, str] = {
    "formulation": "规范",
    "clause": "句式",
    "parallel": "排比",
    "four_char": "四字",
    "template": "模板",
    "opening": "开头",
    "closing": "结尾",
}
_HOW_MARKERS = {"correct": "纠正"}

_MARKER_COLOURS = {
    "规范": "#b3261e",
    "纠正": "#c05800",
    "排比": "#6a4fb3",
    "模板": "#1f6fb2",
    "句式": "#2e7d32",
    "四字": "#00796b",
    "开头": "#5d6b7a",
    "结尾": "#5d6b7a",
}

MAX_ROWS = 9
#: Gap between the caret line and the popup, in pixels.
GAP = 4


def marker_for(suggestion: Suggestion) -> str:
    """The short label for a suggestion: 纠正 for corrections, else its kind (规范, 排比 …)."""
    if suggestion.how in _HOW_MARKERS:
        return _HOW_MARKERS[suggestion.how]
    if suggestion.kind in MARKERS:
        return MARKERS[suggestion.kind]
    return KIND_LABELS.get(suggestion.kind, suggestion.kind)[:2]


class SuggestionPopup(QWidget):
    """Ranked suggestions near the caret; row ``i`` is taken with Alt+``i+1`` or a click."""

    #: A row was clicked.
    clicked = Signal(int)
    #: The highlighted row changed.
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self.setObjectName("suggestionPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_X11DoNotAcceptFocus, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("候选表述")
        self._items: list[Suggestion] = []
        self._current = 0
        #: Where the popup went the last time it was placed: "above" or "below" the caret.
        self.placement = ""
        self._hint = "Tab 插入 · Alt+数字 选择 · Esc 关闭"
        self._metrics_cache: tuple[QFontMetrics, QFontMetrics, int] | None = None

    # -- content -------------------------------------------------------------------------

    def set_suggestions(self, items: Sequence[Suggestion]) -> None:
        self._items = list(items)[:MAX_ROWS]
        self._current = 0
        self.resize(self.sizeHint())
        self.update()

    def suggestions(self) -> list[Suggestion]:
        return list(self._items)

    def count(self) -> int:
        return len(self._items)

    def current_row(self) -> int:
        return self._current if self._items else -1

    def current(self) -> Suggestion | None:
        return self._items[self._current] if self._items else None

    def set_current_row(self, row: int) -> None:
        if not self._items:
            return
        row = max(0, min(row, len(self._items) - 1))
        if row != self._current:
            self._current = row
            self.update()
            self.current_changed.emit(row)

    def move_current(self, delta: int) -> None:
        """Move the highlight by ``delta`` rows, wrapping around."""
        if self._items:
            self.set_current_row((self._current + delta) % len(self._items))

    def item_text(self, row: int) -> str:
        """What row ``row`` shows, as plain text (number, phrase, marker) for tests and a11y."""
        s = self._items[row]
        return f"{row + 1} {s.text} {marker_for(s)}"

    # -- geometry ------------------------------------------------------------------------

    def _metrics(self) -> tuple[QFontMetrics, QFontMetrics, int]:
        # Cached: painting asks for these once per row, and the popup repaints often.
        if self._metrics_cache is None:
            fm = QFontMetrics(self.font())
            sfm = QFontMetrics(self._small_font())
            self._metrics_cache = (fm, sfm, max(fm.height(), sfm.height()) + 8)
        return self._metrics_cache

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.8, 7.0))
        return small

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._metrics_cache = None
        super().changeEvent(event)

    def _max_text_width(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry().width() if screen else 1000
        return max(200, min(560, avail // 2))

    def sizeHint(self) -> QSize:
        fm, sfm, row_h = self._metrics()
        text_w = max((fm.horizontalAdvance(s.text) for s in self._items), default=120)
        text_w = min(text_w, self._max_text_width())
        num_w = fm.horizontalAdvance("9") + 12
        marker_w = sfm.horizontalAdvance("规范") + 14
        width = max(
            10 + num_w + text_w + 12 + marker_w + 10, sfm.horizontalAdvance(self._hint) + 20
        )
        height = 4 + row_h * len(self._items) + sfm.height() + 8
        return QSize(width, height)

    def row_rect(self, row: int) -> QRect:
        _fm, _sfm, row_h = self._metrics()
        return QRect(2, 2 + row * row_h, self.width() - 4, row_h)

    def place(self, caret: QRect) -> None:
        """Move next to ``caret`` (global coordinates), preferring above the caret line.

        Input methods open their candidate window just below the caret, so the popup goes
        above the line when there is room; near the top of the screen it goes below (it is
        hidden while the input method composes, so the two are never shown together).
        """
        size = self.sizeHint()
        self.resize(size)
        screen = QGuiApplication.screenAt(caret.center()) or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen else QRect(0, 0, 1 << 15, 1 << 15)
        x = caret.left() - 12
        x = max(avail.left(), min(x, avail.right() - size.width() + 1))
        y = caret.top() - GAP - size.height()
        if y >= avail.top():
            self.placement = "above"
        else:
            y = caret.bottom() + 1 + GAP
            self.placement = "below"
        self.move(QPoint(x, y))

    # -- painting and mouse --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        fm, sfm, row_h = self._metrics()
        pal = self.palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        small = self._small_font()
        num_w = fm.horizontalAdvance("9") + 12
        marker_w = sfm.horizontalAdvance("规范") + 14
        for row, s in enumerate(self._items):
            r = self.row_rect(row)
            selected = row == self._current
            if selected:
                p.fillRect(r, pal.color(QPalette.ColorRole.Highlight))
            fg = pal.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
            p.setFont(small)
            p.setPen(fg if selected else pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(
                QRect(r.left() + 8, r.top(), num_w, r.height()),
                Qt.AlignmentFlag.AlignVCenter,
                str(row + 1),
            )
            p.setFont(self.font())
            p.setPen(fg)
            text_rect = QRect(
                r.left() + 8 + num_w, r.top(), r.width() - 8 - num_w - marker_w - 12, r.height()
            )
            elided = fm.elidedText(s.text, Qt.TextElideMode.ElideRight, text_rect.width())
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, elided)
            label = marker_for(s)
            badge = QRect(r.right() - marker_w - 6, r.top() + 4, marker_w, r.height() - 8)
            colour = QColor(_MARKER_COLOURS.get(label, "#5d6b7a"))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#ffffff") if selected else colour)
            p.drawRoundedRect(badge, 3, 3)
            p.setFont(small)
            p.setPen(colour if selected else QColor("#ffffff"))
            p.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        hint_rect = QRect(8, 4 + row_h * len(self._items), self.width() - 16, sfm.height() + 4)
        p.setFont(small)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(hint_rect, Qt.AlignmentFlag.AlignVCenter, self._hint)
        p.end()

    def row_at(self, pos: QPoint) -> int:
        for row in range(len(self._items)):
            if self.row_rect(row).contains(pos):
                return row
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row >= 0:
            self.set_current_row(row)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.set_current_row(row)
            self.clicked.emit(row)
        event.accept()
