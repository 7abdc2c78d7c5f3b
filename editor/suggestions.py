"""As-you-type suggestions: the controller that ties editor, popup, panel and bank together."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor.draft_edit import DraftEdit


class SuggestionController(QObject):
    """Queries the bank for the text before the caret and shows the answers."""

    def __init__(self, editor: DraftEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.bank: Any = None
        self.panel = QDockWidget("常用表述")
        self.panel.setObjectName("suggestionPanel")
        self.popup = QWidget(None, Qt.WindowType.ToolTip)
        self.popup.setObjectName("suggestionPopup")

    def set_bank(self, bank: Any) -> None:
        self.bank = bank

    def apply_settings(self, settings: Any) -> None:
        pass

    def accept_current(self) -> bool:
        return False

    def next_slot(self) -> bool:
        return False


def install_suggestions(
    window: QMainWindow, editor: DraftEdit, settings: Any
) -> SuggestionController:
    """Create the popup and the dockable panel for ``editor`` inside ``window``."""
    controller = SuggestionController(editor, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, controller.panel)
    controller.apply_settings(settings)
    return controller
