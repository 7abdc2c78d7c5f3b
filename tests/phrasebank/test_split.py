from __future__ import annotations

from phrasebank.split import split_clauses, split_paragraphs, split_sentences


def test_paragraphs_drop_blank_lines():
    assert split_paragraphs("同志们：\n\n  今天开会。\n") == ["同志们：", "今天开会。"]


def test_sentences_keep_end_marks_and_closing_quotes():
    text = "他说：“要抓落实。”大家同意！还有吗？最后一句"
    assert split_sentences(text) == ["他说：“要抓落实。”", "大家同意！", "还有吗？", "最后一句"]


def test_clauses_carry_their_delimiter_and_offset():
    clauses = split_clauses("早开工、早建设、早投产，确保见效。")
    assert [(c.text, c.end) for c in clauses] == [
        ("早开工", "、"),
        ("早建设", "、"),
        ("早投产", "，"),
        ("确保见效", "。"),
    ]
    assert clauses[1].start == 4
