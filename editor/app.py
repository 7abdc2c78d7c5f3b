"""Start-up of the ``speech-editor`` GUI."""

from __future__ import annotations

import argparse
import logging
import sys

from editor import __version__


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="speech-editor",
        description="讲稿编辑器：起草讲话稿，随打随出规范表述。Speech editor.",
    )
    parser.add_argument("file", nargs="?", help="要打开的文稿（.txt、.md、.docx）")
    parser.add_argument("--version", action="version", version=f"speech-editor {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="输出调试日志")
    # Qt consumes its own options (-platform, -style …); leave unknown ones for it.
    args, _unknown = parser.parse_known_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from PySide6.QtWidgets import QApplication

    from editor.main_window import MainWindow

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("speech-editor")
    app.setApplicationDisplayName("讲稿编辑器")
    window = MainWindow()
    if args.file:
        window.open_path(args.file)
    window.show()
    code = app.exec()
    sys.exit(code)
