"""Render screenshots of the editor's suggestion UI to PNG files.

    python scripts/screenshots.py [OUT_DIR]      (default: docs/screenshots/)

Writes: window_popup.png (the window with a draft and the popup open), popup_correction.png
(a correction offered for a slip), panel.png (the suggestion panel with sources) and
settings.png (the settings dialog, when editor/settings_dialog.py exists). Runs offscreen
with a CJK font, against a copy of the bundled default bank in a throw-away profile.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

DRAFT = (
    "同志们：\n"
    "今天，我们召开全县重大项目、重点工作推进会，主要任务是梳理盘点全县重大项目、"
    "重点工作推进情况，研究部署下一步工作。\n"
    "一、提高政治站位，切实增强抓项目促发展的责任感\n"
    "各级各部门要坚持以习近平新时代中国特色社会主义思想为指导，"
    "把项目建设作为推动高质量发展的重要抓手。\n"
    "二、突出工作重点，全力推动重大项目落地见效\n"
    "要紧盯年度目标任务，倒排工期、挂图作战，"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Render screenshots of the suggestion UI.")
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if "QT_QPA_PLATFORM" not in os.environ:
        # The offscreen screen is 800×600 by default: give it a desktop-sized one, so the
        # popup sits where it would on a real screen instead of being pushed in from the edge.
        screens = '{"screens": [{"name": "shot", "x": 0, "y": 0, "width": 1600, "height": 1000}]}'
        config = Path(tempfile.mkdtemp(prefix="qpa-")) / "screens.json"
        config.write_text(screens, encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    # A throw-away profile: never read or write the user's real bank or settings.
    os.environ.setdefault("SPEECH_EDITOR_HOME", tempfile.mkdtemp(prefix="shots-"))
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QPoint, QTimer
    from PySide6.QtGui import QFont, QPainter, QPixmap, QTextCursor
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    from tests.editor.typing import ime_commit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    font = QFont("WenQuanYi Micro Hei", 11)
    app.setFont(font)

    def wait_until(check: Callable[[], bool], timeout_ms: int = 15000) -> bool:
        """Run the event loop until ``check()`` holds (no processEvents loop, no sleeps)."""
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)

        def on_poll() -> None:
            if check():
                loop.quit()

        poll.timeout.connect(on_poll)
        QTimer.singleShot(timeout_ms, loop.quit)
        poll.start()
        if not check():
            loop.exec()
        poll.stop()
        return check()

    window, editor, controller = _make_window(QMainWindow)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    editor.setFocus()
    if not wait_until(lambda: controller.bank is not None):
        print("the bank did not load; screenshots would show no suggestions", file=sys.stderr)
        return 1
    editor.setFont(QFont("WenQuanYi Micro Hei", 13))
    controller.panel_delay_ms = 10

    def type_and_wait(text: str) -> bool:
        for ch in text:
            ime_commit(editor, ch)
        return wait_until(lambda: controller.popup.isVisible())

    structure = getattr(window, "structure", None)

    def settle_structure() -> None:
        """Let the outline and the wording check catch up with the draft (both debounced)."""
        if structure is None:
            return
        structure.outline_panel.refresh()
        wait_until(lambda: structure.highlighter.checker is not None)
        done: list[bool] = []
        structure.highlighter.checked.connect(lambda: done.append(True))
        structure.highlighter.check_now()
        wait_until(lambda: bool(done), 5000)

    def window_with_popups() -> QPixmap:
        shot = window.grab()
        painter = QPainter(shot)
        for top in (controller.popup,):
            if top.isVisible():
                at = top.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
                painter.drawPixmap(at, top.grab())
        painter.end()
        return shot

    saved: list[str] = []

    def save(pixmap: QPixmap, name: str) -> None:
        path = out / name
        pixmap.save(str(path))
        saved.append(str(path))

    # 1. The window with a draft and the popup open above the caret.
    editor.setPlainText(DRAFT)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    if type_and_wait("为加快建设"):
        controller.refresh_panel()
        wait_until(lambda: bool(controller.panel.suggestions()))
        wait_until(lambda: bool(controller.panel.occurrence_texts()), 3000)
        settle_structure()
        save(window_with_popups(), "window_popup.png")

        # 2. The panel on its own, with the sources of an entry that has them.
        panel = controller.panel
        for s in panel.suggestions():
            if controller.bank.occurrences(s.phrase_id, limit=1):
                panel.tree.setCurrentItem(panel.item_for(s.text))
                break
        wait_until(lambda: bool(panel.occurrence_texts()), 3000)
        save(panel.grab(), "panel.png")

    # 3. A correction: 从言 typed for 从严 (a homophone slip of the input method).
    editor.setPlainText(DRAFT)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    ime_commit(editor, "\n三、")
    if type_and_wait("坚定不移推进全面从言治党"):
        settle_structure()
        crop = window_with_popups()
        save(crop, "popup_correction.png")

    # 4. The settings dialog, if the window helper's module is there.
    dialog = _settings_dialog(window, QWidget)
    if dialog is not None:
        dialog.show()
        wait_until(lambda: dialog.isVisible())
        save(dialog.grab(), "settings.png")
        dialog.close()

    controller.hide_popup()
    for path in saved:
        print(path)
    window.close()
    if controller.bank is not None and not hasattr(window, "bank"):
        controller.bank.close()
    return 0


def _make_window(main_window_cls: type) -> tuple[Any, Any, Any]:
    """The real MainWindow when it integrates suggestions, else a minimal window."""
    try:
        from editor.main_window import MainWindow

        window = MainWindow()
        controller = getattr(window, "suggestions", None)
        if controller is not None:
            return window, window.editor, controller
        window.close()
    except Exception as exc:  # the window helper's module is missing or broken
        print(f"using a minimal window ({exc})", file=sys.stderr)
    from editor.draft_edit import DraftEdit
    from editor.suggestions import install_suggestions
    from phrasebank import PhraseBank, paths

    window = main_window_cls()
    editor = DraftEdit()
    window.setCentralWidget(editor)
    controller = install_suggestions(window, editor, None)
    bank = PhraseBank.open(paths.ensure_user_bank())
    bank.build_index()
    controller.set_bank(bank)
    return window, editor, controller


def _settings_dialog(parent: Any, _widget_cls: type) -> Any:
    try:
        from editor.settings import Settings
        from editor.settings_dialog import SettingsDialog
    except ImportError as exc:
        print(f"no settings dialog yet ({exc}); skipped", file=sys.stderr)
        return None
    return SettingsDialog(getattr(parent, "settings", Settings()), parent)


if __name__ == "__main__":
    raise SystemExit(main())
