from __future__ import annotations

import json
import logging
import subprocess
import sys

from editor.settings import (
    MAX_RECENT_FILES,
    Settings,
    add_recent_file,
    load_settings,
    save_settings,
    settings_path,
)


def test_defaults():
    s = Settings()
    assert s.suggestions_enabled is True
    assert s.suggest_delay_ms == 120
    assert s.suggest_count == 5
    assert s.min_chars == 2
    assert s.fuzzy_strictness == 0.5
    assert s.font_size == 14
    assert s.language == "zh_CN"
    assert s.fullwidth_punctuation is False
    assert s.keep_original_encoding is False
    assert s.word_wrap is True
    assert s.recent_files == []


def test_missing_file_gives_defaults_and_creates_nothing(speech_home):
    assert load_settings() == Settings()
    assert not settings_path().exists()


def test_import_does_not_create_the_settings_file(speech_home):
    code = "import editor.settings, editor.main_window"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert not (speech_home / "config").exists()


def test_round_trip(speech_home):
    s = Settings(font_size=18, language="en", fuzzy_strictness=0.8, recent_files=["/a.txt"])
    save_settings(s)
    assert settings_path().is_relative_to(speech_home)
    assert load_settings() == s


def test_bad_json_gives_defaults_and_a_warning(caplog):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="editor.settings"):
        assert load_settings() == Settings()
    assert "not valid JSON" in caplog.text


def test_bad_values_fall_back_one_by_one(caplog):
    settings_path().parent.mkdir(parents=True)
    data = {
        "font_size": "big",
        "word_wrap": 1,
        "suggest_count": 500,
        "language": "fr",
        "recent_files": "x",
        "fuzzy_strictness": 3,
        "unknown": True,
        "min_chars": 3,
    }
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="editor.settings"):
        s = load_settings()
    assert s.font_size == 14
    assert s.word_wrap is True
    assert s.suggest_count == 9  # clamped to what Alt+1…9 can take
    assert s.language == "zh_CN"
    assert s.recent_files == []
    assert s.fuzzy_strictness == 1.0
    assert s.min_chars == 3
    assert "font_size" in caplog.text


def test_non_object_json_gives_defaults():
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == Settings()


def test_save_is_atomic_and_leaves_no_temp_files():
    save_settings(Settings())
    save_settings(Settings(font_size=20))
    files = sorted(p.name for p in settings_path().parent.iterdir())
    assert files == ["settings.json"]


def test_recent_files_most_recent_first_deduplicated_and_capped(tmp_path):
    s = Settings()
    for i in range(MAX_RECENT_FILES + 3):
        add_recent_file(s, tmp_path / f"{i}.txt")
    add_recent_file(s, tmp_path / "5.txt")
    assert len(s.recent_files) == MAX_RECENT_FILES
    assert s.recent_files[0] == str((tmp_path / "5.txt").resolve())
    assert len(set(s.recent_files)) == MAX_RECENT_FILES
