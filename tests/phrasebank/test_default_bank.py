"""The bundled default bank: clean, big enough, reproducible, and never written."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from importlib import resources

import opencc
import pytest

from phrasebank import PhraseBank, paths
from phrasebank.clean import is_furniture_line
from phrasebank.default_bank import build_default_bank

# Anything of the web pages the seeds were copied from, or of the annotated Traditional seed.
DIRT = [
    (re.compile(r"https?:|www\.|\.com|\.cn\b", re.I), "URL"),
    (re.compile(r"QQ|qq|[1-9]\d{5,}"), "QQ or long number"),
    (re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]"), "pinyin annotation"),
    (re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]"), "emoji"),
    (re.compile(r"[A-Za-z]"), "latin letters"),
    (
        re.compile(r"预览|阅读已结束|用户上传|客服|下载|收益|版权|首页|讲话范文|导语|来源于网友"),
        "furniture",
    ),
]


def _shipped_rows(columns: str = "text, kind, origin") -> list[tuple]:
    with resources.as_file(paths.resource(paths.DEFAULT_BANK_RESOURCE)) as p:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute(f"SELECT {columns} FROM phrases ORDER BY id").fetchall()
        finally:
            conn.close()


def test_default_bank_holds_mined_entries_and_the_curated_list():
    rows = _shipped_rows()
    origins = [origin for _text, _kind, origin in rows]
    assert origins.count("mined") >= 300
    assert origins.count("curated") >= 150


def test_no_entry_carries_dirt_from_the_web_copies():
    t2s = opencc.OpenCC("t2s")
    problems = []
    for text, _kind, _origin in _shipped_rows():
        for pattern, what in DIRT:
            if pattern.search(text):
                problems.append((text, what))
        if t2s.convert(text) != text:
            problems.append((text, "Traditional characters"))
        if is_furniture_line(text):
            problems.append((text, "furniture line"))
    assert problems == []


def test_shipped_bank_is_reproducible_from_the_repository(tmp_path):
    """Rebuilding from resources/ gives exactly the shipped entries (run build-default if not)."""
    out = tmp_path / "rebuilt.db"
    build_default_bank(out)
    conn = sqlite3.connect(out)
    columns = "id, text, kind, functions, topics, freq, doc_freq, round(quality, 6), origin"
    rebuilt = conn.execute(f"SELECT {columns} FROM phrases ORDER BY id").fetchall()
    conn.close()
    assert rebuilt == _shipped_rows(columns), (
        "resources/default_bank.db is stale: run build-default"
    )


def test_first_use_copies_the_default_bank_and_leaves_the_installed_copy_alone(speech_home):
    installed = paths.resource(paths.DEFAULT_BANK_RESOURCE)
    before = hashlib.sha256(installed.read_bytes()).hexdigest()
    user_bank = paths.ensure_user_bank()
    assert speech_home in user_bank.parents
    with PhraseBank.open(user_bank) as bank:
        assert len(bank) >= 450
        bank.add("我的新表述")  # the user's copy takes writes
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("query", ["qmcyzd", "以习近平同志为核心", "营商环境"])
def test_default_bank_answers_search(speech_home, query):
    with PhraseBank.open(paths.ensure_user_bank()) as bank:
        assert bank.search(query, limit=5)
