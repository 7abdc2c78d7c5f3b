"""The draft editor: a QPlainTextEdit that stays friendly to Chinese input methods."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget


class DraftEdit(QPlainTextEdit):
    """Plain-text editor for the speech draft (objectName ``draftEditor``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
