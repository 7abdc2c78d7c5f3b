"""Importing speeches into a bank: provenance, bad files, re-imports, cancel and failures."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner

from phrasebank import PhraseBank, paths
from phrasebank.cli import cli
from phrasebank.mine import MiningCancelled


def _seed(name: str) -> str:
    return paths.resource("seeds", name).read_text(encoding="utf-8")


@pytest.fixture
def speeches(tmp_path):
    """Two real speeches, one saved as GBK and one as .docx, plus junk the user may pick."""
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "经济工作会议.txt").write_bytes(_seed("000_35aa6958877d35eb.txt").encode("gb18030"))
    document = docx.Document()
    for line in _seed("001_089b812e5d7f50f1.txt").splitlines():
        document.add_paragraph(line)
    document.save(str(folder / "推进会.docx"))
    return folder


def _dump(bank: PhraseBank) -> list[tuple]:
    conn = bank._store.conn
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("phrases", "sources", "occurrences", "follows")
    ]


@pytest.fixture
def bank(tmp_path):
    with PhraseBank.open(tmp_path / "bank.db") as b:
        b.add("全面从严治党", origin="curated")
        yield b


def test_mining_a_folder_adds_entries_with_their_sources(bank, speeches):
    progress = []
    report = bank.mine([speeches], on_progress=lambda done, total: progress.append((done, total)))
    assert report.files == 2 and not report.skipped
    assert report.added >= 50
    assert progress[-1][0] == progress[-1][1] == 2
    titles = {s["title"] for s in bank.sources()}
    assert len(titles) == 2
    entry = bank.find("成绩不讲跑不了，问题不讲解决不了")
    assert entry is not None
    (occurrence,) = bank.occurrences(entry.id)
    assert entry.text in occurrence.context
    assert occurrence.title in titles


def test_bad_files_are_skipped_with_a_reason_and_the_rest_goes_in(bank, speeches):
    (speeches / "图片.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (speeches / "空.txt").write_bytes(b"")
    (speeches / "坏.docx").write_bytes(b"not a zip at all")
    report = bank.mine([speeches])
    assert report.files == 2
    skipped = {path.rsplit("/", 1)[-1]: reason for path, reason in report.skipped}
    assert set(skipped) == {"图片.txt", "空.txt", "坏.docx"}
    assert all(name in reason for name, reason in skipped.items())


def test_reimporting_the_same_files_changes_nothing(bank, speeches):
    bank.mine([speeches])
    before = _dump(bank)
    report = bank.mine([speeches])
    assert report.files == 0 and report.added == 0
    assert len(report.skipped) == 2
    assert _dump(bank) == before


def test_cancelling_leaves_the_bank_exactly_as_it_was(bank, speeches):
    before = _dump(bank)
    calls = []

    def stop_after_first_document() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(MiningCancelled):
        bank.mine([speeches], should_stop=stop_after_first_document)
    assert _dump(bank) == before


def test_a_failure_while_writing_rolls_the_whole_import_back(bank, speeches, monkeypatch):
    before = _dump(bank)
    real = bank._new_phrase
    count = []

    def fail_halfway(*args, **kwargs):
        count.append(1)
        if len(count) == 20:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(bank, "_new_phrase", fail_halfway)
    with pytest.raises(OSError):
        bank.mine([speeches])
    assert _dump(bank) == before
    assert bank.find("成绩不讲跑不了，问题不讲解决不了") is None


def test_review_queue_holds_new_entries_and_known_ones_only_gain_counts(bank, speeches):
    size = len(bank)
    report = bank.mine([speeches], status="pending")
    assert len(bank) == size  # nothing joins the bank before review
    assert bank.count(status="pending") == report.added
    curated = bank.find("全面从严治党")
    assert curated.status == "active"


def test_cli_mine_reports_as_json(tmp_path, speeches):
    db = tmp_path / "cli.db"
    out = CliRunner().invoke(cli, ["mine", str(speeches), "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["files"] == 2 and data["added"] > 0 and data["skipped"] == []
