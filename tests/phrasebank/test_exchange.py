"""CSV/JSON export and import: validation, line numbers, spreadsheet safety."""

from __future__ import annotations

import csv
import json

import pytest

from phrasebank import PhraseBank
from phrasebank.exchange import export_phrases, import_phrases, parse_rows


@pytest.fixture
def bank(tmp_path):
    with PhraseBank.open(tmp_path / "bank.db") as b:
        yield b


def test_csv_needs_only_a_text_column_and_reports_bad_rows_by_line(bank, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        "text,kind,tags\n"
        "全面从严治党,formulation,党的建设|强调\n"
        ",clause,\n"  # line 3: empty text
        "有人抓、有人管、有人负责,排比,\n"  # Chinese kind label accepted
        "稳中求进,slogan,\n"  # line 5: unknown kind
        '=HYPERLINK("http://x"),,\n'  # line 6: a formula
        "一分部署，九分落实,,,多余\n",  # line 7: too many cells
        encoding="utf-8",
    )
    report = import_phrases(bank, src)
    assert report.added == 2
    assert [line for line, _ in report.bad] == [3, 5, 6, 7]
    assert "公式" in dict(report.bad)[6]
    p = bank.find("全面从严治党")
    assert p.origin == "imported"
    assert p.functions == ("强调",) and p.topics == ("党的建设",)
    assert bank.find("有人抓、有人管、有人负责").kind == "parallel"


def test_gbk_csv_from_a_chinese_spreadsheet_imports(bank, tmp_path):
    src = tmp_path / "wps.csv"
    src.write_bytes("text,note\n营商环境,来自表格\n".encode("gbk"))
    assert import_phrases(bank, src).added == 1
    assert bank.find("营商环境").note == "来自表格"


def test_header_without_text_column_is_refused_with_a_clear_message(bank, tmp_path):
    src = tmp_path / "bad.csv"
    src.write_text("content,kind\n高质量发展,formulation\n", encoding="utf-8")
    with pytest.raises(ValueError, match="text 列"):
        import_phrases(bank, src)
    assert len(bank) == 0


def test_json_list_of_objects_with_bad_items_numbered(bank, tmp_path):
    src = tmp_path / "in.json"
    src.write_text(
        json.dumps(
            [
                {"text": "高质量发展", "tags": ["经济发展"]},
                {"kind": "clause"},
                "字符串",
                {"text": "新发展理念"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    report = import_phrases(bank, src)
    assert report.added == 2
    assert [n for n, _ in report.bad] == [2, 3]


def test_broken_json_names_the_line(bank, tmp_path):
    src = tmp_path / "in.json"
    src.write_text('[{"text": "高质量发展"},\n{"text": }]', encoding="utf-8")
    with pytest.raises(ValueError, match="第 2 行"):
        import_phrases(bank, src)


def test_binary_file_is_refused(bank, tmp_path):
    src = tmp_path / "x.csv"
    src.write_bytes(b"\x00\x01\x02text\n")
    with pytest.raises(ValueError, match="不是文本文件"):
        import_phrases(bank, src)


def test_export_neutralises_formulas_and_round_trips(bank, tmp_path):
    bank.add("全面从严治党", tags=["党的建设"], note="=1+1", favourite=True)
    bank.add("有人抓、有人管、有人负责")
    out = tmp_path / "out.csv"
    assert export_phrases(bank, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["note"] == "'=1+1"
    with PhraseBank.open(tmp_path / "other.db") as other:
        report = import_phrases(other, out)
        assert report.added == 2 and not report.bad
        p = other.find("全面从严治党")
        assert p.note == "=1+1" and p.favourite and p.topics == ("党的建设",)


def test_json_export_of_a_selection(bank, tmp_path):
    a = bank.add("高质量发展")
    bank.add("新发展格局")
    out = tmp_path / "sel.json"
    assert export_phrases(bank, out, ids=[a.id]) == 1
    assert [r["text"] for r in json.loads(out.read_text(encoding="utf-8"))] == ["高质量发展"]


def test_failed_export_leaves_the_old_file(bank, tmp_path, monkeypatch):
    bank.add("高质量发展")
    out = tmp_path / "out.json"
    out.write_text("旧内容", encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("phrasebank.atomic.os.fsync", disk_full)
    with pytest.raises(OSError):
        export_phrases(bank, out)
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]  # no temp left


def test_parse_rows_rejects_unknown_file_types(tmp_path):
    src = tmp_path / "x.xlsx"
    src.write_bytes(b"PK")
    with pytest.raises(ValueError, match="不支持"):
        parse_rows(src)
