"""The standard-wording checker: what it flags, what it must never flag, and the CLI."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from phrasebank import paths
from phrasebank.bank import PhraseBank
from phrasebank.check import Checker, Finding, check_text, default_checker
from phrasebank.check_cli import check_command
from phrasebank.clean import clean_text
from phrasebank.curated import CuratedEntry
from phrasebank.model import Phrase


def entry(text: str, **kw) -> CuratedEntry:
    return CuratedEntry(text=text, **kw)


@pytest.fixture(scope="module")
def small() -> Checker:
    """A checker over a few hand-picked standards, independent of the shipped list."""
    return Checker(
        [
            entry("高质量发展"),
            entry("推动高质量发展"),
            entry("以习近平同志为核心的党中央"),
            entry("不忘初心、牢记使命"),
            entry("“放管服”改革"),
            entry("稳中求进工作总基调"),
            entry("推进国家治理体系和治理能力现代化"),
            entry("人民至上"),
            entry("人民当家作主", wrong=("人民当家做主",)),
            entry(
                "中央全面深化改革委员会",
                deprecated=("中央全面深化改革领导小组",),
                reason="2018年领导小组改为委员会",
            ),
            entry(
                "作出",
                wrong=("做出",),
                context="做出了?(?:重要|重大|新的)*(?:决定|部署|贡献)",
                reason="带抽象宾语时用“作出”",
            ),
        ]
    )


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# -- each kind of near miss --------------------------------------------------------------


def test_look_alike_character(small):
    text = "全力推动高质量发屐。"
    f = only(small.check(text))
    assert (f.found, f.standard) == ("推动高质量发屐", "推动高质量发展")
    assert text[f.start : f.end] == f.found
    assert f.kind == "typo" and "发屐→发展" in f.reason


def test_homophone(small):
    f = only(small.check("要推进国家治理体系和治理能力现代华。"))
    assert f.standard == "推进国家治理体系和治理能力现代化"
    assert "代华→代化" in f.reason


def test_missing_character(small):
    text = "紧密团结在以习近平同志为核心党中央周围"
    f = only(small.check(text))
    assert f.found == "以习近平同志为核心党中央"
    assert f.standard == "以习近平同志为核心的党中央"
    assert (f.start, f.end) == (5, 17)
    assert "漏字“的”" in f.reason


def test_extra_character(small):
    f = only(small.check("坚持稳中求进的工作总基调。"))
    assert f.found == "稳中求进的工作总基调"
    assert f.standard == "稳中求进工作总基调"
    assert "多字“的”" in f.reason


def test_swapped_parts(small):
    f = only(small.check("我们要牢记使命、不忘初心，"))
    assert (f.found, f.standard, f.kind) == ("牢记使命、不忘初心", "不忘初心、牢记使命", "order")
    assert f.reason == "顺序颠倒"


def test_wrong_punctuation_inside_the_wording(small):
    f = only(small.check("始终不忘初心，牢记使命。"))
    assert (f.found, f.kind) == ("不忘初心，牢记使命", "punctuation")
    assert f.reason == "标点应为顿号"


def test_missing_quotation_marks(small):
    f = only(small.check("深化放管服改革，"))
    assert (f.found, f.standard, f.kind) == ("放管服改革", "“放管服”改革", "quotes")


def test_deprecated_wording(small):
    f = only(small.check("中央全面深化改革领导小组会议"))
    assert f.kind == "deprecated"
    assert f.standard == "中央全面深化改革委员会"
    assert f.reason.startswith("已停用的旧提法")
    assert "委员会" in f.reason


def test_listed_wrong_variant(small):
    f = only(small.check("保证人民当家做主。"))
    assert (f.found, f.standard, f.kind) == ("人民当家做主", "人民当家作主", "wrong")


def test_rule_that_depends_on_the_neighbours(small):
    f = only(small.check("为全市发展做出了重要贡献。"))
    assert (f.found, f.standard) == ("做出", "作出")
    assert small.check("她给孩子做出一件新衣服。") == []


def test_offsets_across_lines_and_in_order(small):
    text = "同志们：\n推动高质量发屐。\n\n牢记使命、不忘初心。"
    findings = small.check(text)
    assert [f.found for f in findings] == ["推动高质量发屐", "牢记使命、不忘初心"]
    for f in findings:
        assert text[f.start : f.end] == f.found


# -- what must never be flagged ----------------------------------------------------------


def test_correct_standard_wordings_are_not_flagged(small):
    text = (
        "紧密团结在以习近平同志为核心的党中央周围，不忘初心、牢记使命，"
        "坚持稳中求进工作总基调，深化“放管服”改革，推动高质量发展，"
        "推进国家治理体系和治理能力现代化，坚持人民至上，作出新的部署。"
    )
    assert small.check(text) == []


def test_nested_single_quotes_count_as_quotes(small):
    assert small.check("要深化‘放管服’改革") == []


def test_text_without_formulations(small):
    assert small.check("今天天气很好，我们去公园散步，顺便买了三斤苹果。") == []
    assert small.check("") == []


def test_near_miss_that_is_another_known_entry_is_not_flagged():
    # 人民之上 sounds like 人民至上, but "凌驾于人民之上" is a phrase of its own.
    standards = [entry("人民至上")]
    bare = Checker(standards)
    assert only(bare.check("不能凌驾于人民之上")).standard == "人民至上"
    mined = Phrase(id=1, text="凌驾于人民之上", kind="clause", quality=0.3, origin="mined")
    with_bank = Checker(standards, phrases=[mined])
    assert with_bank.check("不能凌驾于人民之上") == []


def test_different_phrases_sharing_most_characters_are_not_flagged(small):
    # Missing first/last characters, a different word, or a non-homophone are other phrases.
    assert small.check("产品质量发展迅速") == []  # not 高质量发展 missing 高
    assert small.check("高质量发挥作用") == []  # 挥 is neither a homophone nor a look-alike
    assert small.check("黄河流域生态保护典范和高质量发展样板") == []
    # a short wording with a character inserted is another phrase, not a slip
    short = Checker([entry("改善民生")])
    assert short.check("切实改善农民生产生活条件") == []
    assert only(short.check("切实改善民声")).standard == "改善民生"


def test_allowed_wording_is_never_flagged_again(small):
    checker = Checker([entry("不忘初心、牢记使命"), entry("高质量发展")])
    text = "牢记使命、不忘初心；高质量发屐"
    assert len(checker.check(text)) == 2  # also fills the line cache
    checker.allow("牢记使命、不忘初心")
    checker.allow("高质量发屐")
    assert checker.check(text) == []
    assert "高质量发屐" in checker.allowed


def test_shipped_list_on_correct_text():
    text = (
        "让我们更加紧密地团结在以习近平同志为核心的党中央周围，坚持以习近平新时代中国特色社会主义思想为指导，"
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”，完整、准确、全面贯彻新发展理念，"
        "深化“放管服”改革，持续优化营商环境，推动高质量发展。"
    )
    assert check_text(text) == []
    slip = only(check_text(text.replace("核心的党中央", "核心党中央")))
    assert "以习近平同志为核心的党中央" in slip.standard
    assert "漏字“的”" in slip.reason


def test_published_seed_speeches_raise_no_false_alarms():
    checker = default_checker()
    findings = []
    for item in sorted(paths.resource("seeds").iterdir(), key=lambda t: t.name):
        if item.name.endswith(".txt"):
            with resources.as_file(item) as real:
                text = clean_text(Path(real).read_text(encoding="utf-8"))
            findings += checker.check(text)
    # The only findings are the real ones: 扫黑除恶专项斗争, a wording retired after 2020.
    assert {f.found for f in findings} <= {"扫黑除恶专项斗争"}
    assert all(f.kind == "deprecated" for f in findings)


# -- the bank as a source ------------------------------------------------------------------


def test_checker_from_bank_uses_variants_user_entries_and_quality():
    bank = PhraseBank.memory()
    try:
        bank.add("营造风清气正的政治生态", origin="user", variants=["营造风清气正的政治环境"])
        bank.add("一体推进三不腐", origin="user")
        bank.add("全面推进城乡融合", origin="mined", kind="formulation", quality=0.95)
        bank.add("全面推进城市更新", origin="mined", kind="formulation", quality=0.2)
        checker = Checker.from_bank(bank, entries=[])
    finally:
        bank.close()
    f = only(checker.check("要营造风清气正的政治环境。"))
    assert f.standard == "营造风清气正的政治生态"
    assert only(checker.check("一体推进三不付")).standard == "一体推进三不腐"
    assert only(checker.check("全面推进城相融合")).standard == "全面推进城乡融合"
    assert checker.check("全面推进城市更心") == []  # low-quality mined entry: not a standard


# -- robustness ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(["高质量发屐", "不忘初心，牢记使命", "放管服改革", "\n", "“", "××"]),
        ),
        max_size=12,
    )
)
def test_any_text_gives_consistent_findings(parts):
    text = "".join(parts)
    findings = check_text(text)
    ends = -1
    for f in findings:
        assert text[f.start : f.end] == f.found
        assert f.start >= ends  # in order, never overlapping
        ends = f.end
        assert f.found != f.standard


# -- the command line ------------------------------------------------------------------


def _run(*args: str):
    return CliRunner().invoke(check_command, list(args), catch_exceptions=False)


def test_cli_lists_findings_with_line_and_column(tmp_path):
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们：\n我们要紧密团结在以习近平同志为核心党中央周围。\n", encoding="utf-8")
    result = _run(str(draft))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2:9  以习近平同志为核心党中央 → 以习近平同志为核心的党中央  （疑似漏字“的”）"
    ]


def test_cli_json_offsets_match_the_file_text_in_any_encoding(tmp_path):
    text = "一、提高认识\r\n深化放管服改革，推动高质量发屐。\r\n"
    draft = tmp_path / "gbk.txt"
    draft.write_bytes(text.encode("gb18030"))
    result = _run(str(draft), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [d["found"] for d in data] == ["放管服改革", "推动高质量发屐"]
    decoded = text.replace("\r\n", "\n")  # the reader unifies line breaks, nothing else
    for d in data:
        assert decoded[d["start"] : d["end"]] == d["found"]
        assert {"standard", "reason", "line", "column"} <= set(d)
    assert data[0]["line"] == 2 and data[0]["column"] == 3


def test_cli_clean_file_exits_zero(tmp_path):
    draft = tmp_path / "ok.txt"
    draft.write_text("推动高质量发展，深化“放管服”改革。", encoding="utf-8")
    result = _run(str(draft))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert _run(str(draft), "--json").stdout.strip() == "[]"


def test_cli_unreadable_file_exits_two_with_a_message(tmp_path):
    result = _run(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "找不到文件" in result.output
    binary = tmp_path / "x.pdf"
    binary.write_bytes(b"%PDF-1.4")
    assert _run(str(binary)).exit_code == 2


def test_cli_uses_the_bank_given_with_db(tmp_path):
    db = tmp_path / "bank.db"
    with PhraseBank.open(db) as bank:
        bank.add("一体推进三不腐", origin="user")
    draft = tmp_path / "d.txt"
    draft.write_text("一体推进三不付", encoding="utf-8")
    assert _run(str(draft)).exit_code == 0  # the user's own (empty) bank does not know it
    result = _run(str(draft), "--db", str(db))
    assert result.exit_code == 1
    assert "一体推进三不腐" in result.stdout
    assert _run(str(draft), "--db", str(tmp_path / "nope.db")).exit_code == 2
