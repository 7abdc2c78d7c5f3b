"""Start-up time of the editor window against an empty PySide6 window, in the same run.

Each sample is a fresh Python process (offscreen Qt) timed by this script from launch
until the child reports that its window is shown and the event loop is running. The
baseline child shows a bare QMainWindow with a QPlainTextEdit; the editor child shows
``editor.main_window.MainWindow`` (menus, settings, autosave check, suggestion panel; the
bank loads on a worker thread, so it is reported separately as "bank ready").

    python scripts/bench_startup.py [-n 15]

Prints medians and the ratio editor / baseline. Runs alternate so drift hits both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QPlainTextEdit(w))
w.show()
def shown():
    print("SHOWN", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

# The baseline plus ``import phrasebank`` (what ``import editor`` pulls in): separates the
# core's import cost from the window's own.
CORE = BASELINE.replace("app = QApplication([])", "app = QApplication([])\nimport phrasebank")

EDITOR = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.main_window import MainWindow
w = MainWindow()
w.show()
def shown():
    print("SHOWN", flush=True)
def bank(_b):
    print("BANK", flush=True)
    app.quit()
w.bank_loaded.connect(bank)
QTimer.singleShot(0, shown)
QTimer.singleShot(60000, app.quit)
app.exec()
w.autosaver.discard()
"""


def run(code: str, env: dict[str, str]) -> dict[str, float]:
    """Launch ``code``; seconds from launch to each line it prints."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - started
    proc.wait(timeout=120)
    if "SHOWN" not in marks:
        raise SystemExit(f"child failed (exit {proc.returncode})")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=11, help="samples of each (default 11)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="bench-home-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SPEECH_EDITOR_HOME=home)
    # An installed app has its byte code compiled; let the warm-up runs write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run(EDITOR, env)  # warm-up: byte-code caches, first copy of the default bank
    run(BASELINE, env)
    run(CORE, env)
    base, core, shown, bank = [], [], [], []
    for _ in range(args.n):
        base.append(run(BASELINE, env)["SHOWN"])
        core.append(run(CORE, env)["SHOWN"])
        marks = run(EDITOR, env)
        shown.append(marks["SHOWN"])
        if "BANK" in marks:
            bank.append(marks["BANK"])
    b, s = statistics.median(base), statistics.median(shown)
    print(f"samples: {args.n} each, offscreen, Python {sys.version.split()[0]}")
    print(f"empty QMainWindow + QPlainTextEdit shown: median {b * 1000:7.1f} ms")
    c = statistics.median(core)
    print(f"same, after `import phrasebank`:          median {c * 1000:7.1f} ms")
    print(f"speech-editor MainWindow shown:           median {s * 1000:7.1f} ms")
    print(f"ratio editor / empty window:              {s / b:.2f}x")
    print(f"ratio editor / empty window + core:       {s / c:.2f}x")
    if bank:
        k = statistics.median(bank)
        print(f"bank opened and indexed (worker thread):  median {k * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
