"""Outline detection on the seed speeches and on small samples; section of the caret; rerank."""

from __future__ import annotations

import pytest

from phrasebank import paths
from phrasebank.clean import clean_text
from phrasebank.model import Suggestion
from phrasebank.outline import SECTION_BOOST, detect_outline, rerank, section_of


def seed(prefix: str) -> str:
    item = next(t for t in paths.resource("seeds").iterdir() if t.name.startswith(prefix))
    return clean_text(item.read_text(encoding="utf-8"))


def test_seed_with_chinese_and_bracketed_headings():
    outline = detect_outline(seed("002_"))
    assert outline[0].kind == "title" and outline[0].title == "市区经济工作会议讲话"
    tops = [(h.marker, h.title) for h in outline if h.level == 1]
    assert [m for m, _ in tops] == ["一、", "二、", "三、", "四、"]
    assert tops[1][1] == "深化对区情的再认识，强化能快则快的发展意识"
    subs = [h for h in outline if h.level == 2]
    assert [h.marker for h in subs[:4]] == ["（一）", "（二）", "（三）", "（四）"]
    assert subs[0].title == "大力弘扬精神"  # cut at the first sentence end
    assert len(subs) == 14
    # the closing 最后，预祝… is a transition, not a list item
    assert all(h.kind != "point" for h in outline)


def test_seed_built_on_ordinal_points():
    outline = detect_outline(seed("000_"))
    assert [h.marker for h in outline] == [f"第{n}，" for n in "一二三四五六七八"]
    assert {h.level for h in outline} == {1}
    assert outline[0].title == "精神再振作" and outline[7].title == "安全再加强"
    text = seed("000_")
    for h in outline:
        assert text[h.start :].startswith(h.marker)
        assert text.split("\n")[h.line].startswith(h.marker)


def test_seed_with_sentence_headings_and_arabic_items():
    outline = detect_outline(seed("003_"))
    assert outline[0].title == "在全区产业发展现场观摩总结会上的讲话"
    points = [h for h in outline if h.marker.endswith("句话，")]
    assert [h.level for h in points] == [1, 1, 1]
    assert points[0].title.startswith("成绩可圈可点")
    nested = next(h for h in outline if h.marker == "二要")
    assert nested.level == 2 and nested.title == "紧跟走势"
    items = [h for h in outline if h.level == 3]
    assert [h.marker for h in items] == [f"{n}、" for n in range(1, 9)]
    assert items[3].title == "“双招双引”要全力以赴"


def test_seed_with_title_and_three_sections():
    outline = detect_outline(seed("004_"))
    assert [(h.level, h.title) for h in outline] == [
        (0, "区长在全区统筹推进重点工作会议上的讲话"),
        (1, "切实提高认识"),
        (1, "精准把握重点"),
        (1, "全力抓好落实"),
    ]


def test_seed_without_headings_has_an_empty_outline():
    # 001 enumerates only inside paragraphs (…。一是…二是…), which is prose.
    assert detect_outline(seed("001_")) == []


def test_all_numbering_levels_and_no_false_headings():
    text = "\n".join(
        [
            "在全市安全生产工作会议上的讲话",
            "同志们：",
            "一、总体要求",
            "（一）目标。今年要实现……",
            "1.完善制度。",
            "（1）建立台账",
            "①每月报送",
            "1.5亿元的投资已经到位。",
            "第一次会议在三月召开。",
        ]
    )
    outline = detect_outline(text)
    assert [(h.level, h.marker, h.title) for h in outline] == [
        (0, "", "在全市安全生产工作会议上的讲话"),
        (1, "一、", "总体要求"),
        (2, "（一）", "目标"),
        (3, "1.", "完善制度"),
        (4, "（1）", "建立台账"),
        (5, "①", "每月报送"),
    ]
    assert [h.line for h in outline] == [0, 2, 3, 4, 5, 6]


def test_speech_title_found_after_a_header_line():
    outline = detect_outline("内部资料，注意保存。\n在全县“三农”工作会议上的讲话\n同志们：\n")
    assert outline[0].kind == "title" and outline[0].line == 1


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # one letter per line: o = opening, b = body, c = closing
        ("000_", "obbbbbbbcc"),
        ("001_", "ooobbbbbcc"),
        ("004_", "ooobbbbccc"),
    ],
)
def test_section_of_each_paragraph_of_the_seeds(prefix, expected):
    text = seed(prefix)
    got = []
    pos = 0
    for line in text.split("\n"):
        got.append(section_of(text, pos)[0])
        pos += len(line) + 1
    assert "".join(got) == expected


def test_section_of_a_draft_being_started():
    assert section_of("", 0) == "opening"
    draft = "同志们：\n今天，我们召开全区经济工作会议。"
    assert section_of(draft, len(draft)) == "opening"


def sug(text: str, score: float, kind: str = "clause", tags=()) -> Suggestion:
    return Suggestion(text=text, replace=0, score=score, phrase_id=1, kind=kind, tags=tags)


def test_rerank_lifts_what_fits_the_section_without_filtering():
    items = [
        sug("下面，我讲几点意见", 1.0),
        sug("今天，我们召开××会议", 0.9, kind="opening"),
        sug("谢谢大家。", 0.85, kind="closing"),
        sug("让我们紧密团结在…", 0.82, tags=("结尾号召",)),
    ]
    opening = rerank(items, "opening")
    assert [s.text for s in opening][:2] == ["今天，我们召开××会议", "下面，我讲几点意见"]
    assert opening[0].score == pytest.approx(0.9 * SECTION_BOOST)
    closing = rerank(items, "closing")
    assert [s.text for s in closing] == [
        "谢谢大家。",
        "让我们紧密团结在…",
        "下面，我讲几点意见",
        "今天，我们召开××会议",
    ]
    assert rerank(items, "body") == items
    # a modest factor: a much better match still wins
    assert rerank([sug("a", 2.0), sug("b", 1.0, kind="closing")], "closing")[0].text == "a"
