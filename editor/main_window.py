"""The main editor window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QPlainTextEdit


class MainWindow(QMainWindow):
    """Main window with the draft editor."""

    def __init__(self) -> None:
        super().__init__()
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("draftEditor")
        self.setCentralWidget(self.editor)
        self.setWindowTitle("讲稿编辑器")
        self.resize(1000, 720)
        self.path: Path | None = None

    def open_path(self, path: str | Path) -> bool:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self, "无法打开文件", f"无法打开“{p}”：{exc}")
            return False
        self.editor.setPlainText(text)
        self.path = p
        self.setWindowTitle(f"{p.name} - 讲稿编辑器")
        return True
