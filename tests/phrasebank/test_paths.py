from __future__ import annotations

from phrasebank import paths


def test_override_moves_all_user_data(speech_home):
    for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir(), paths.autosave_dir()):
        assert speech_home in folder.parents
    assert speech_home in paths.user_bank_path().parents


def test_seed_corpus_ships_as_a_resource():
    seeds = [p for p in paths.resource("seeds").iterdir() if p.name.endswith(".txt")]
    assert len(seeds) >= 5
    assert all(p.read_bytes() for p in seeds)


def test_ensure_user_bank_creates_the_folder_and_never_writes_the_installed_copy(speech_home):
    bank = paths.ensure_user_bank()
    assert bank.parent.is_dir()
    assert speech_home in bank.parents
