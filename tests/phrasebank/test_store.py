"""The bank file: schema, transactions, and clear errors for bad files."""

from __future__ import annotations

import os
import sqlite3

import pytest

from phrasebank import BankError, Phrase, PhraseBank
from phrasebank.store import SCHEMA_VERSION, Store


def test_new_bank_has_current_schema_wal_and_trigram_index(tmp_path):
    path = tmp_path / "bank.db"
    bank = PhraseBank.open(path)
    bank.add("全面从严治党")
    bank.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'phrases_fts'").fetchone()[0]
    assert "trigram" in sql
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
        "phrases",
        "sources",
        "occurrences",
        "follows",
    }


def test_reopening_keeps_entries_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "bank.db"
    with PhraseBank.open(path) as bank:
        bank.add("营商环境", tags=["营商环境"])
    with PhraseBank.open(path) as bank:
        assert bank.find("营商环境") is not None
        assert len(bank) == 1


def test_not_a_sqlite_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(BankError) as err:
        PhraseBank.open(path)
    assert "notes.db" in str(err.value)
    assert "不是有效的短语库" in str(err.value)
    assert path.read_text(encoding="utf-8") == "这不是数据库"  # untouched


def test_a_folder_is_not_a_bank(tmp_path):
    with pytest.raises(BankError, match="文件夹"):
        PhraseBank.open(tmp_path)


def test_missing_bank_without_create(tmp_path):
    with pytest.raises(BankError, match="找不到"):
        PhraseBank.open(tmp_path / "none.db", create=False)


def test_bank_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "bank.db"
    PhraseBank.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(BankError, match="升级"):
        PhraseBank.open(path)


def test_read_only_bank_opens_for_reading_and_refuses_writes(tmp_path, monkeypatch):
    path = tmp_path / "bank.db"
    with PhraseBank.open(path) as bank:
        bank.add("高质量发展")
    # CI runs as root, which ignores file modes: make the file look read-only to the store.
    monkeypatch.setattr("phrasebank.store.os.access", lambda p, mode: mode != os.W_OK)
    with PhraseBank.open(path) as bank:
        assert bank.read_only
        assert bank.find("高质量发展") is not None
        with pytest.raises(BankError, match="只读"):
            bank.add("新发展格局")
        with pytest.raises(BankError, match="只读"):
            bank.record_use(bank.find("高质量发展").id)


def test_locked_bank_gets_a_clear_message_and_loses_nothing(tmp_path):
    path = tmp_path / "bank.db"
    PhraseBank.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        bank = PhraseBank.open(path, timeout=0.2)
        with pytest.raises(BankError, match="占用"):
            bank.add("稳中求进")
    finally:
        other.execute("ROLLBACK")
        other.close()
    bank.add("稳中求进")
    assert bank.find("稳中求进") is not None
    bank.close()


def test_failed_transaction_leaves_the_bank_as_it_was(tmp_path):
    store = Store.open(tmp_path / "bank.db")
    with store.transaction() as db:
        db.table("phrases").insert({"text": "保留", "kind": "clause", "origin": "user"})
    with pytest.raises(KeyboardInterrupt), store.transaction() as db:
        db.table("phrases").insert({"text": "中途", "kind": "clause", "origin": "user"})
        raise KeyboardInterrupt  # an import interrupted half-way
    texts = [r[0] for r in store.query("SELECT text FROM phrases")]
    assert texts == ["保留"]
    store.close()


def test_fulltext_search_finds_chinese_substrings(tmp_path):
    with PhraseBank.open(tmp_path / "bank.db") as bank:
        a = bank.add("以习近平同志为核心的党中央")
        bank.add("营商环境")
        ids = bank._store.search_ids("同志为核心")
        assert ids == [a.id]
        assert bank._store.search_ids("营商") == [bank.find("营商环境").id]  # 2 chars: LIKE


def test_closing_while_a_worker_queries_is_safe_and_the_worker_is_told(tmp_path):
    """The editor closes its bank while background jobs may still read it."""
    import threading

    bank = PhraseBank.open(tmp_path / "bank.db")
    bank.add_many([Phrase(id=0, text=f"表述{i}") for i in range(300)])
    started, errors = threading.Event(), []

    def worker() -> None:
        try:
            while True:
                bank.phrases()
                started.set()
        except BankError as exc:
            errors.append(str(exc))

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(10)
    bank.close()  # from another thread, mid-query: must neither crash nor hang
    thread.join(10)
    assert not thread.is_alive()
    assert errors and "关闭" in errors[0]
