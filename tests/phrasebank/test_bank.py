"""The PhraseBank API: add, edit, remove, tag, record use, statistics."""

from __future__ import annotations

import pytest

from phrasebank import SLOT, DuplicateError, PhraseBank
from phrasebank.bank import infer_kind


@pytest.fixture
def bank(tmp_path):
    with PhraseBank.open(tmp_path / "bank.db") as b:
        yield b


def test_add_get_find(bank):
    p = bank.add("全面从严治党", tags=["党的建设", "强调"], note="常用")
    assert p.id > 0
    assert bank.get(p.id) == bank.find("全面从严治党")
    got = bank.get(p.id)
    assert got.topics == ("党的建设",)
    assert got.functions == ("强调",)
    assert got.origin == "user"
    assert got.note == "常用"
    assert len(bank) == 1


def test_empty_or_blank_text_is_refused(bank):
    for text in ("", "   ", "\x00\n"):
        with pytest.raises(ValueError, match="不能为空"):
            bank.add(text)
    assert len(bank) == 0


def test_duplicate_is_reported_with_the_existing_entry(bank):
    first = bank.add("营商环境")
    with pytest.raises(DuplicateError) as err:
        bank.add("  营商环境 ")
    assert err.value.existing.id == first.id
    assert len(bank) == 1


def test_unknown_kind_is_refused(bank):
    with pytest.raises(ValueError, match="类型"):
        bank.add("稳中求进", kind="slogan")


def test_update_fields_and_refuse_taking_another_entrys_text(bank):
    a = bank.add("高质量发展")
    b = bank.add("新发展理念")
    a2 = bank.update(a.id, text="推动高质量发展", favourite=True, note="改")
    assert a2.text == "推动高质量发展" and a2.favourite and a2.note == "改"
    assert bank.find("高质量发展") is None
    with pytest.raises(DuplicateError):
        bank.update(b.id, text="推动高质量发展")
    with pytest.raises(KeyError):
        bank.update(99999, note="x")


def test_remove_several_and_restore(bank):
    ids = [bank.add(t).id for t in ("早开工", "早建设", "早投产")]
    removed = bank.remove(ids[:2])
    assert [p.text for p in removed] == ["早开工", "早建设"]
    assert len(bank) == 1
    bank.restore(removed)
    assert len(bank) == 3
    assert bank.get(ids[0]).text == "早开工"


def test_tag_and_untag_in_bulk(bank):
    ids = [bank.add(t).id for t in ("优化营商环境", "深化“放管服”改革")]
    assert bank.tag(ids, ["营商环境", "部署任务"]) == 2
    assert all("营商环境" in bank.get(i).topics for i in ids)
    assert all("部署任务" in bank.get(i).functions for i in ids)
    assert bank.tag(ids, ["营商环境"]) == 0  # already there
    assert bank.tag(ids, ["营商环境"], remove=True) == 2
    assert all("营商环境" not in bank.get(i).topics for i in ids)


def test_record_use_counts_and_timestamps(bank):
    p = bank.add("真抓实干")
    bank.record_use(p.id)
    bank.record_use(p.id)
    got = bank.get(p.id)
    assert got.uses == 2
    assert got.last_used is not None


def test_add_many_merges_existing_texts_in_one_go(bank):
    from phrasebank.model import Phrase

    bank.add("稳中求进", tags=["经济发展"])
    added, updated = bank.add_many(
        [
            Phrase(id=0, text="稳中求进", topics=("改革创新",), origin="imported"),
            Phrase(id=0, text="攻坚克难", kind="four_char", origin="imported"),
        ]
    )
    assert (added, updated) == (1, 1)
    assert bank.find("稳中求进").topics == ("经济发展", "改革创新")
    assert bank.find("攻坚克难").origin == "imported"


def test_stats_counts_by_kind_tag_and_origin(bank):
    bank.add("为加快建设××作出新的更大贡献", tags=["结尾号召"])
    bank.add("有人抓、有人管、有人负责", tags=["提出要求"])
    p = bank.add("高质量发展")
    bank.record_use(p.id)
    stats = bank.stats()
    assert stats["total"] == 3
    assert stats["by_kind"] == {"模板": 1, "排比": 1, "规范表述": 1}
    assert stats["by_function"] == {"结尾号召": 1, "提出要求": 1}
    assert stats["by_origin"] == {"user": 3}
    assert stats["most_used"] == [("高质量发展", 1)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"奋力谱写{SLOT}高质量发展的新篇章", "template"),
        ("有人抓、有人管、有人负责", "parallel"),
        ("攻坚克难、全力以赴", "four_char"),
        ("营商环境", "formulation"),
        ("成绩不讲跑不了，问题不讲解决不了", "clause"),
    ],
)
def test_infer_kind(text, kind):
    assert infer_kind(text) == kind


def test_merge_keeps_provenance_uses_and_variants(bank):
    keep = bank.add("优化营商环境", tags=["营商环境"])
    other = bank.add("优化营商坏境", tags=["部署任务"])  # a typo'd near-duplicate
    bank.record_use(other.id)
    bank.record_use(keep.id)
    with bank._store.transaction() as db:
        src = db.table("sources").insert({"title": "讲话", "sha256": "x", "size": 1}).last_pk
        db.table("occurrences").insert(
            {"phrase_id": other.id, "source_id": src, "position": 3, "context": "要优化营商坏境。"}
        )
    merged = bank.merge(keep.id, [other.id])
    assert merged.text == "优化营商环境"
    assert merged.uses == 2
    assert "优化营商坏境" in merged.variants
    assert merged.functions == ("部署任务",) and merged.topics == ("营商环境",)
    assert bank.get(other.id) is None
    assert [o.context for o in bank.occurrences(keep.id)] == ["要优化营商坏境。"]


def test_list_ids_filters_and_sorts_for_lazy_tables(bank):
    a = bank.add("高质量发展", tags=["经济发展"])
    b = bank.add("有人抓、有人管、有人负责", favourite=True)
    c = bank.add("新发展格局", tags=["经济发展"])
    bank.record_use(c.id)
    assert bank.list_ids(tag="经济发展") == [a.id, c.id]
    assert bank.list_ids(order_by="uses", descending=True)[0] == c.id
    assert bank.list_ids(favourite=True) == [b.id]
    assert bank.list_ids(kind="parallel") == [b.id]
    assert set(bank.get_many([a.id, b.id, 999])) == {a.id, b.id}
    with pytest.raises(ValueError):
        bank.list_ids(order_by="text; DROP TABLE phrases")


def test_review_queue_status_changes(bank):
    p = bank.add("一分部署，九分落实", status="pending")
    assert len(bank) == 0  # pending entries are not in the bank yet
    assert bank.count(status="pending") == 1
    assert bank.set_status([p.id], "active") == 1
    assert len(bank) == 1
    assert bank.set_status([p.id], "active") == 0


def test_suggest_offers_the_next_heading_number_at_a_line_start(bank):
    bank.add("切实提高认识")
    text = "同志们：\n一、切实提高认识\n要抓好落实。\n"
    got = bank.suggest(text)
    assert got[0].text == "二、"
    assert got[0].replace == 0
    bank.record_use(got[0].phrase_id)  # a generated suggestion: nothing to count, no error


def test_suggest_lifts_closings_in_the_last_section(bank):
    closing = bank.add("让我们奋力谱写新篇章", kind="closing", tags=["结尾号召"], quality=0.7)
    clause = bank.add("让我们看看数据", kind="clause", quality=0.8)
    body = "一、抓发展\n要抓发展。\n二、抓落实\n要抓落实。\n三、转作风\n"
    # Without a position the better-rated clause leads ...
    assert bank.suggest(body + "让我们")[0].phrase_id == clause.id
    # ... in the last main section the closing is lifted above it ...
    assert bank.suggest(body + "让我们", after="")[0].phrase_id == closing.id
    # ... and in the opening (sections still to come after the caret) it is not.
    opening = "同志们：\n今天开会。\n让我们"
    assert bank.suggest(opening, after="\n" + body)[0].phrase_id == clause.id
