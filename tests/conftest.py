"""Test configuration shared by tests/phrasebank and tests/editor.

Qt runs offscreen; every test gets its own SPEECH_EDITOR_HOME so no test ever
touches a real profile.
"""

from __future__ import annotations

import os

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest


@pytest.fixture(autouse=True)
def speech_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A fresh user-data folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPEECH_EDITOR_HOME", str(home))
    return home
