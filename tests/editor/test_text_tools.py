from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.text_tools import (
    count_chars,
    count_nonspace,
    fullwidth_at,
    is_cjk,
    to_fullwidth_punctuation,
)


def test_count_counts_chinese_characters_and_other_visible_characters():
    count = count_chars("同志们：\n今天 我们召开 2024 年 work 会议。")
    # 同志们：(4) 今天(2) 我们召开(4) 2024(4) 年(1) work(4) 会议。(3)
    assert count.total == 22
    assert count.cjk == 12
    assert count.other == 10


def test_count_ignores_all_whitespace():
    assert count_chars(" \t\n\u3000\u2029").total == 0
    assert count_chars("").total == 0


def test_fullwidth_inside_chinese_text():
    text, n = to_fullwidth_punctuation("同志们,今天:我们;是吗?好!")
    assert text == "同志们，今天：我们；是吗？好！"
    assert n == 5


def test_fullwidth_leaves_numbers_alone():
    source = "全年完成3,000万元,会议10:30开始"
    text, _ = to_fullwidth_punctuation(source)
    assert "3,000" in text
    assert "10:30" in text
    assert "万元，会议" in text


def test_fullwidth_leaves_latin_text_alone():
    source = "Hello, world: a;b? yes! http://example.com/?q=1"
    assert to_fullwidth_punctuation(source) == (source, 0)


def test_fullwidth_when_chinese_on_only_one_side():
    assert to_fullwidth_punctuation("abc,中文")[0] == "abc，中文"
    assert to_fullwidth_punctuation("中文,abc")[0] == "中文，abc"
    assert to_fullwidth_punctuation("共计:3")[0] == "共计：3"


def test_fullwidth_at_end_of_text_after_chinese():
    assert fullwidth_at("同志们,", 3) == "，"
    assert fullwidth_at("10,", 2) is None


@given(st.text())
def test_conversion_keeps_length_and_only_touches_the_five_marks(text):
    converted, n = to_fullwidth_punctuation(text)
    assert len(converted) == len(text)
    diffs = [(a, b) for a, b in zip(text, converted, strict=True) if a != b]
    assert len(diffs) == n
    assert all(a in ",:;?!" and b in "，：；？！" for a, b in diffs)


@given(st.text(alphabet="0123456789,:;?!中文 ab"))
def test_digits_on_both_sides_never_convert(text):
    converted, _ = to_fullwidth_punctuation(text)
    for i in range(1, len(text) - 1):
        if text[i] in ",:" and text[i - 1].isdigit() and text[i + 1].isdigit():
            assert converted[i] == text[i]


@given(st.text())
def test_fast_counts_agree_with_the_definition(text):
    count = count_chars(text)
    assert count.total == count_nonspace(text) == sum(1 for c in text if not c.isspace())
    assert count.cjk == sum(1 for c in text if is_cjk(c))
