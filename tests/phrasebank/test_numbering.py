"""Numbering help: Chinese numerals, the next number at the caret, renumbering."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phrasebank.numbering import (
    from_chinese,
    next_number,
    numbering_suggestions,
    renumber,
    renumber_all,
    renumber_points,
    to_chinese,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_chinese_numerals(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


@given(st.integers(min_value=1, max_value=99))
def test_numerals_round_trip(n):
    assert from_chinese(to_chinese(n)) == n


def test_not_numerals():
    assert from_chinese("") is None
    assert from_chinese("第一") is None
    assert from_chinese("十十") is None
    with pytest.raises(ValueError):
        to_chinese(0)
    with pytest.raises(ValueError):
        to_chinese(100)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("主要体现在：一是经济下行压力大。", "二是"),
        ("一是要讲政治。内容。二是要讲大局。", "三是"),
        ("一要抓项目。", "二要"),
        ("第一，精神再振作。内容……\n", "第二，"),
        ("第一句话，成绩可圈可点\n正文。\n", "第二句话，"),
        ("首先，要提高认识。", "其次，"),
        ("一、切实提高认识\n正文。\n", "二、"),
        ("一、总体要求\n（一）目标\n（二）任务\n正文。\n", "（三）"),
        ("（一）目标\n1.完善制度。\n2.加强监督。\n", "3."),
        ("1、经济发展\n", "2、"),
        ("（1）建立台账\n", "（2）"),
        ("①每月报送\n", "②"),
        ("十九、第十九项\n", "二十、"),
        ("二十、第二十项\n", "二十一、"),
        ("（十九）x\n", "（二十）"),
    ],
)
def test_next_number(before, expected):
    assert next_number(before) == expected


def test_no_number_where_none_belongs():
    assert next_number("") is None
    assert next_number("今天天气很好。") is None  # no enumeration in this paragraph
    assert next_number("一是经济下行压力大，") is None  # not at a sentence start
    assert next_number("同志们：\n今天我们开会。\n") is None
    assert next_number("首先，a。其次，b。再次，c。最后，d。") is None


def test_suggestions_offer_the_levels_above():
    before = "一、提高认识\n（一）统一思想\n1.学习\n2.研讨\n"
    got = numbering_suggestions(before)
    assert [s.text for s in got] == ["3.", "（二）", "二、"]
    assert all((s.kind, s.how, s.replace, s.phrase_id) == ("clause", "continue", 0, 0) for s in got)
    assert got[0].score > got[1].score > got[2].score


def test_renumber_one_level_restarts_under_each_parent():
    text = "一、甲\n（一）a\n（三）b\n三、乙\n（二）c\n（五）d\n正文（七）不动。"
    assert (
        renumber(text, 2) == "一、甲\n（一）a\n（二）b\n三、乙\n（一）c\n（二）d\n正文（七）不动。"
    )
    assert renumber(text, 1).split("\n")[3] == "二、乙"


def test_renumber_keeps_styles_and_goes_past_ten():
    text = "\n".join(f"{n}. 第{n}项" for n in (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14))
    lines = renumber(text, 3).split("\n")
    assert [line.split(".")[0] for line in lines] == [str(n) for n in range(1, 12)]
    assert lines[2] == "3. 第5项"
    chinese = "\n".join(f"{to_chinese(n)}、x" for n in [1, *range(3, 23)])
    assert renumber(chinese, 1).split("\n")[-1] == "二十一、x"
    assert renumber("(2)半角\n（3）全角", 4) == "(1)半角\n（2）全角"


def test_renumber_points_in_paragraphs_and_across_them():
    text = "第一，甲。\n第三，乙。一是x。三是y。四是z。\n一、标题\n第三，丙。\n一是p。\n三是q。"
    assert renumber_points(text) == (
        "第一，甲。\n第二，乙。一是x。二是y。三是z。\n一、标题\n第一，丙。\n一是p。\n二是q。"
    )


def test_renumber_all_fixes_every_level():
    text = "二、甲\n（二）a\n2.x\n五、乙\n（三）b\n一是m。三是n。"
    assert renumber_all(text) == "一、甲\n（一）a\n1.x\n二、乙\n（一）b\n一是m。二是n。"


def test_renumber_leaves_prose_alone():
    text = "一是一，二是二，这是原则。\n1.5亿元已到位。"
    assert renumber_all(text) == text
