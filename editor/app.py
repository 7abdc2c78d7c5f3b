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

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Qt sees its own options; our positional FILE is ignored by it.
        app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("speech-editor")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("讲稿编辑器")

    # Imported after the QApplication exists; the window installs the UI language itself.
    from editor.main_window import MainWindow

    window = MainWindow()
    window.show()
    if args.file:
        # After show(): an error message about the file then has a visible parent.
        window.open_path(args.file)
    code = app.exec()
    sys.exit(code)
