"""The phrasebank command line, driven as a user would."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from phrasebank import PhraseBank
from phrasebank.cli import cli


@pytest.fixture
def run(tmp_path):
    db = tmp_path / "bank.db"
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [*args, "--db", str(db)], input=input, catch_exceptions=False)

    invoke.db = db
    return invoke


def test_every_command_is_listed_and_documented():
    result = CliRunner().invoke(cli, ["--help"])
    for name, command in cli.commands.items():
        assert name in result.output
        assert command.help, f"command {name} has no help text"


def test_add_edit_tag_remove_cycle(run):
    out = run("add", "全面从严治党", "-t", "党的建设", "--json")
    assert out.exit_code == 0, out.output
    pid = json.loads(out.output)["id"]
    assert run("edit", str(pid), "--note", "规范表述").exit_code == 0
    assert run("tag", str(pid), "--add", "强调").exit_code == 0
    p = PhraseBank.open(run.db).get(pid)
    assert p.note == "规范表述" and p.functions == ("强调",) and p.topics == ("党的建设",)
    out = run("remove", str(pid), input="n\n")
    assert out.exit_code != 0  # declined
    assert run("remove", str(pid), "--yes").exit_code == 0
    assert PhraseBank.open(run.db).get(pid) is None


def test_duplicate_and_empty_add_give_messages_not_tracebacks(run):
    run("add", "营商环境")
    out = run("add", "营商环境")
    assert out.exit_code == 1
    assert "已有" in out.output
    out = run("add", "  ")
    assert out.exit_code == 1
    assert "不能为空" in out.output


def test_bank_that_is_not_sqlite_gets_a_clear_message(tmp_path):
    bad = tmp_path / "bank.db"
    bad.write_bytes(b"hello, not a database at all")
    out = CliRunner().invoke(cli, ["stats", "--db", str(bad)])
    assert out.exit_code == 1
    assert "不是有效的短语库" in out.output
    assert "Traceback" not in out.output


def test_import_reports_bad_lines_and_export_round_trips(run, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("text,tags\n高质量发展,经济发展\n,民生\n新发展理念,\n", encoding="utf-8")
    out = run("import", str(src), "--json")
    data = json.loads(out.output)
    assert data["added"] == 2
    assert data["bad"] == [{"line": 3, "reason": "text 为空"}]
    dest = tmp_path / "out.json"
    assert run("export", str(dest)).exit_code == 0
    assert {r["text"] for r in json.loads(dest.read_text(encoding="utf-8"))} == {
        "高质量发展",
        "新发展理念",
    }


def test_stats_json(run):
    run("add", "有人抓、有人管、有人负责", "-t", "提出要求")
    data = json.loads(run("stats", "--json").output)
    assert data["total"] == 1
    assert data["by_kind"] == {"排比": 1}
    assert data["by_function"] == {"提出要求": 1}


def test_default_bank_is_the_users_bank_under_the_override(speech_home):
    out = CliRunner().invoke(cli, ["add", "本单位自拟的一句新表述"])
    assert out.exit_code == 0, out.output
    assert (speech_home / "data" / "bank.db").exists()
