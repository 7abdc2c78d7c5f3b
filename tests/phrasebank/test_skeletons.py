"""New-document skeletons load, have the speech's structure and keep their blanks."""

from __future__ import annotations

from phrasebank.check import check_text
from phrasebank.model import SLOT
from phrasebank.outline import detect_outline
from phrasebank.skeletons import list_skeletons


def test_the_four_skeletons_load_in_order():
    names = [s.name for s in list_skeletons()]
    assert names == ["经济工作会议讲话", "重点工作推进会讲话", "动员部署会讲话", "总结表彰会讲话"]


def test_each_skeleton_has_the_genre_structure_and_slots():
    for sk in list_skeletons():
        lines = sk.text.split("\n")
        assert lines[1] == "同志们：", sk.name
        assert SLOT in sk.text
        assert "×××" not in sk.text.replace(SLOT * 2, SLOT)  # slots are whole markers
        outline = detect_outline(sk.text)
        assert outline[0].kind == "title" and outline[0].title.endswith("讲话"), sk.name
        assert [h.marker for h in outline if h.level == 1] == ["一、", "二、", "三、"], sk.name
        assert any("一是" in line or "一要" in line for line in lines), sk.name
        closing = [line for line in lines if line.startswith("同志们，")]
        assert closing and closing[-1].endswith(("！", "谢谢大家。")), sk.name
        assert sk.text.endswith("\n")


def test_skeletons_use_standard_wordings():
    for sk in list_skeletons():
        assert check_text(sk.text) == [], sk.name
