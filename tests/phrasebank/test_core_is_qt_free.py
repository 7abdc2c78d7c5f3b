"""The core must never load Qt or the editor: it runs in CLIs, workers and servers."""

from __future__ import annotations

import subprocess
import sys


def test_phrasebank_and_its_cli_do_not_load_qt_or_editor():
    code = (
        "import sys, phrasebank, phrasebank.cli, phrasebank.paths\n"
        "import pkgutil, importlib\n"
        "for m in pkgutil.iter_modules(phrasebank.__path__):\n"
        "    if not m.name.startswith('_'):\n"
        "        importlib.import_module('phrasebank.' + m.name)\n"
        "gui = ('PySide6', 'shiboken6', 'editor')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in gui)\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"phrasebank loaded GUI modules: {out.stdout.strip()}"
