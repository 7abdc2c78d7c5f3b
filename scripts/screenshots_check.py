"""Screenshots of the wording checker and the outline panel (offscreen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_check.py [OUT_DIR]

Writes ``check_underline.png`` (a red wavy underline with its tooltip, and the issues panel)
and ``outline_panel.png`` (the outline of a speech) into ``docs/screenshots`` by default.
The tooltip is a window of its own, so it is painted onto the window's picture where it
appears on screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtGui import QFont, QHelpEvent, QPainter, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from editor.draft_edit import DraftEdit
from editor.structure import install_structure

FONT = "WenQuanYi Micro Hei"

DRAFT = """在全区经济工作会议上的讲话
同志们：
今天，我们召开全区经济工作会议，主要任务是总结去年经济工作，部署今年工作。下面，我讲三点意见。
一、正确认识形势，坚定发展信心
（一）成绩来之不易。一年来，我们紧密团结在以习近平同志为核心党中央周围，牢记使命、不忘初心，推动高质量发屐。
（二）问题不容忽视。成绩不讲跑不了，问题不讲解决不了。
二、突出工作重点，推动高质量发展
（一）深化放管服改革。持续优化营商环境。
（二）抓好项目建设。一是加快前期工作。二是强化要素保障。
三、加强组织领导，狠抓工作落实
同志们，让我们坚定信心、真抓实干，为加快建设美丽幸福新家园作出新的更大贡献！"""


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 10000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def tooltip_widget() -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if w.inherits("QTipLabel") and w.isVisible():
            return w
    return None


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(QFont(FONT, 10))

    window = QMainWindow()
    window.setWindowTitle("讲稿编辑器")
    editor = DraftEdit()
    editor.setFont(QFont(FONT, 12))
    window.setCentralWidget(editor)
    controller = install_structure(window, editor, lambda: None)
    window.resize(1100, 720)
    window.show()
    wait_for(controller.checker_ready)
    editor.setPlainText(DRAFT)
    controller.highlighter.check_now()
    wait_for(controller.highlighter.checked)
    controller.outline_panel.refresh()
    wait(100)

    # Hover the first finding to show its tooltip.
    finding = controller.highlighter.findings()[0]
    start, end = controller.highlighter.span_of(finding)
    cursor = QTextCursor(editor.document())
    cursor.setPosition((start + end) // 2)
    editor.setTextCursor(cursor)
    pos = editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor.viewport(), event)
    wait(300)

    shot = window.grab()
    tip = tooltip_widget()
    if tip is not None:
        painter = QPainter(shot)
        painter.drawPixmap(tip.pos() - window.pos(), tip.grab())
        painter.end()
    shot.save(str(out / "check_underline.png"))

    outline_shot: QPixmap = controller.outline_panel.grab()
    outline_shot.save(str(out / "outline_panel.png"))
    print(f"wrote {out / 'check_underline.png'} and {out / 'outline_panel.png'}")
    controller.highlighter.dispatcher.wait()


if __name__ == "__main__":
    main()
