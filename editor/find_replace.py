"""Find and replace: a non-modal bar under the draft (objectName ``findReplace``).

Matching uses Python's ``re`` on the plain text (regular expressions, case option);
positions are converted to the document's UTF-16 positions so characters outside the
BMP (rare CJK Extension B characters) do not shift the selection. Replace all is one
undo step.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["FindReplaceBar", "SearchOptions", "compile_pattern", "replace_all_in_text"]


@dataclass(frozen=True, slots=True)
class SearchOptions:
    pattern: str
    regex: bool = False
    case_sensitive: bool = False


def compile_pattern(options: SearchOptions) -> re.Pattern[str]:
    """Compile the search; raises re.error for a bad regular expression."""
    flags = 0 if options.case_sensitive else re.IGNORECASE
    source = options.pattern if options.regex else re.escape(options.pattern)
    return re.compile(source, flags | re.MULTILINE)


def _expand(match: re.Match[str], replacement: str, regex: bool) -> str:
    return match.expand(replacement) if regex else replacement


def replace_all_in_text(text: str, options: SearchOptions, replacement: str) -> tuple[str, int]:
    """``text`` with every match replaced, and the number of replacements."""
    pattern = compile_pattern(options)
    if options.regex:
        return pattern.subn(replacement, text)
    return pattern.subn(lambda _m: replacement, text)


def _utf16_positions(text: str) -> list[int] | None:
    """Map from str index to UTF-16 position, or None when they are the same (all BMP)."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    out = [0]
    pos = 0
    for c in text:
        pos += 2 if ord(c) >= 0x10000 else 1
        out.append(pos)
    return out


class FindReplaceBar(QWidget):
    """Find/replace controls bound to one QPlainTextEdit."""

    message = Signal(str)  # status text ("找到 3 处" / "未找到")

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplace")
        self.editor = editor

        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText(self.tr("查找内容"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText(self.tr("替换为"))
        self.case_box = QCheckBox(self.tr("区分大小写"), self)
        self.regex_box = QCheckBox(self.tr("正则表达式"), self)
        self.status_label = QLabel(self)
        self.status_label.setMinimumWidth(120)

        prev_button = QPushButton(self.tr("上一个"), self)
        next_button = QPushButton(self.tr("下一个"), self)
        self.replace_button = QPushButton(self.tr("替换"), self)
        self.replace_all_button = QPushButton(self.tr("全部替换"), self)
        close_button = QToolButton(self)
        close_button.setText("×")
        close_button.setToolTip(self.tr("关闭查找栏 (Esc)"))
        close_button.setAutoRaise(True)

        find_row = QHBoxLayout()
        find_row.addWidget(QLabel(self.tr("查找："), self))
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(prev_button)
        find_row.addWidget(next_button)
        find_row.addWidget(self.case_box)
        find_row.addWidget(self.regex_box)
        find_row.addWidget(close_button)
        self._replace_row = QWidget(self)
        replace_row = QHBoxLayout(self._replace_row)
        replace_row.setContentsMargins(0, 0, 0, 0)
        replace_row.addWidget(QLabel(self.tr("替换："), self))
        replace_row.addWidget(self.replace_edit, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(find_row)
        layout.addWidget(self._replace_row)

        prev_button.clicked.connect(self._on_find_previous)
        next_button.clicked.connect(self._on_find_next)
        self.find_edit.returnPressed.connect(self._on_find_next)
        self.replace_edit.returnPressed.connect(self._on_replace)
        self.replace_button.clicked.connect(self._on_replace)
        self.replace_all_button.clicked.connect(self._on_replace_all)
        close_button.clicked.connect(self.close_bar)
        self.find_edit.textChanged.connect(lambda _t: self._set_status(""))

    # -- public API ------------------------------------------------------------------------

    def options(self) -> SearchOptions:
        return SearchOptions(
            pattern=self.find_edit.text(),
            regex=self.regex_box.isChecked(),
            case_sensitive=self.case_box.isChecked(),
        )

    def open_bar(self, *, replace: bool) -> None:
        """Show the bar (with the replace row when ``replace``), seeded with the selection."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self._replace_row.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def find_next(self, *, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; False if none."""
        pattern = self._pattern()
        if pattern is None:
            return False
        text = self.editor.toPlainText()
        mapping = _utf16_positions(text)
        cursor = self.editor.textCursor()
        start_q, end_q = cursor.selectionStart(), cursor.selectionEnd()
        start = self._to_index(mapping, start_q)
        end = self._to_index(mapping, end_q)
        matches = [m for m in pattern.finditer(text) if m.end() > m.start()]
        if not matches:
            self._set_status(self.tr("未找到"))
            return False
        if backward:
            before = [m for m in matches if m.start() < start]
            match = before[-1] if before else matches[-1]
        else:
            after = [m for m in matches if m.start() >= end]
            match = after[0] if after else matches[0]
        self._select(mapping, match.start(), match.end())
        self._set_status(self.tr("共 %n 处", "", len(matches)))
        return True

    def replace_current(self) -> bool:
        """Replace the selected match (if the selection is one) and find the next."""
        pattern = self._pattern()
        if pattern is None:
            return False
        cursor = self.editor.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n")
        match = pattern.fullmatch(selected) if cursor.hasSelection() else None
        if match is None:
            return self.find_next()
        opts = self.options()
        cursor.insertText(_expand(match, self.replace_edit.text(), opts.regex))
        self.editor.setTextCursor(cursor)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the count."""
        pattern = self._pattern()
        if pattern is None:
            return 0
        text = self.editor.toPlainText()
        mapping = _utf16_positions(text)
        matches = [m for m in pattern.finditer(text) if m.end() > m.start()]
        if not matches:
            self._set_status(self.tr("未找到"))
            return 0
        replacement = self.replace_edit.text()
        regex = self.options().regex
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for match in reversed(matches):
            cursor.setPosition(self._to_pos(mapping, match.start()))
            cursor.setPosition(self._to_pos(mapping, match.end()), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(_expand(match, replacement, regex))
        cursor.endEditBlock()
        self._set_status(self.tr("已替换 %n 处", "", len(matches)))
        return len(matches)

    # -- internals -------------------------------------------------------------------------

    def _pattern(self) -> re.Pattern[str] | None:
        opts = self.options()
        if not opts.pattern:
            self._set_status(self.tr("请输入查找内容"))
            return None
        try:
            return compile_pattern(opts)
        except re.error as exc:
            self._set_status(self.tr("正则表达式有误：%1").replace("%1", str(exc)))
            return None

    @staticmethod
    def _to_pos(mapping: list[int] | None, index: int) -> int:
        return index if mapping is None else mapping[index]

    @staticmethod
    def _to_index(mapping: list[int] | None, pos: int) -> int:
        if mapping is None:
            return pos
        return bisect.bisect_left(mapping, pos)

    def _select(self, mapping: list[int] | None, start: int, end: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(self._to_pos(mapping, start))
        cursor.setPosition(self._to_pos(mapping, end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        if text:
            self.message.emit(text)

    def _on_find_next(self) -> None:
        self.find_next()

    def _on_find_previous(self) -> None:
        self.find_next(backward=True)

    def _on_replace(self) -> None:
        self.replace_current()

    def _on_replace_all(self) -> None:
        self.replace_all()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Cancel):
            self.close_bar()
            return
        super().keyPressEvent(event)
