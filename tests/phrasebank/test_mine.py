"""The miner: shapes kept whole, junk kept out, provenance, tags, determinism, control."""

from __future__ import annotations

import re

import pytest
from rapidfuzz import fuzz

from phrasebank.mine import (
    MinedEntry,
    MineResult,
    MiningCancelled,
    default_tokenizer,
    mine_texts,
)
from phrasebank.model import FUNCTION_TAGS, KINDS, SLOT, TOPIC_TAGS
from phrasebank.tagging import FUNCTION_RULES, TOPIC_RULES

DOC_A = """同志们：
今天，我们召开全县重点工作推进会，主要任务是总结经验，分析形势，查找不足，研究部署下一步工作。
成绩不讲跑不了，问题不讲解决不了。当前，我们的工作还存在一些问题和薄弱环节。各相关部门要明确责任人，确保每一项工作都有人抓、有人管、有人负责。要持续优化营商环境，深化“放管服”改革，推动高质量发展，确保各项工作有序推进。
下面，我讲几点意见。
第一，要坚定信心，迎难而上。各级干部要攻坚克难、全力以赴，做到早开工、早建设、早投产。我们要以更加昂扬的精神状态、更加务实的工作作风、更加扎实的工作举措，为加快建设××作出新的更大贡献。
2023年5月，张建国同志在ABC公司调研时指出，全县生产总值同比增长8.5%，完成投资12亿元，详见www.example.com。
总之，一分部署，九分落实。让我们紧密团结在以习近平同志为核心的党中央周围，奋力谱写××高质量发展的新篇章！
谢谢大家。
"""

DOC_B = """同志们：
今天，我们召开全区经济工作会议，主要任务是分析形势，明确任务，动员全区上下真抓实干。
成绩不讲跑不了，问题不讲解决不了。一年来，全区上下持续优化营商环境，推动高质量发展，各项工作取得了明显成效。
下面，我再强调三点意见。
一是要强化责任落实。要确保每一项工作都有人抓、有人去负责，确保各项工作有序推进。
二是要改进工作作风。要想干事、能干事、干成事，以更加坚定的信心、更加扎实的行动，攻坚克难、真抓实干。
同志们，让我们以更加饱满的热情、更加务实的作风，为建设美好家园而努力奋斗！
谢谢大家。
"""


@pytest.fixture(scope="module")
def mined() -> MineResult:
    return mine_texts([DOC_A, DOC_B])


def by_text(result: MineResult) -> dict[str, MinedEntry]:
    return {e.text: e for e in result.entries}


def test_parallel_sets_are_kept_whole(mined: MineResult) -> None:
    entries = by_text(mined)
    assert entries["有人抓、有人管、有人负责"].kind == "parallel"
    assert entries["早开工、早建设、早投产"].kind == "parallel"
    assert entries["想干事、能干事、干成事"].kind == "parallel"
    assert (
        entries["以更加昂扬的精神状态、更加务实的工作作风、更加扎实的工作举措"].kind == "parallel"
    )
    # members never come out alone as their own parallel entry
    assert "有人管、有人负责" not in entries


def test_four_character_runs(mined: MineResult) -> None:
    entries = by_text(mined)
    assert entries["攻坚克难、全力以赴"].kind == "four_char"
    assert entries["总结经验，分析形势，查找不足"].kind == "four_char"
    assert entries["坚定信心，迎难而上"].kind == "four_char"


def test_clause_with_blank_becomes_template_keeping_the_slot(mined: MineResult) -> None:
    entries = by_text(mined)
    template = entries["为加快建设××作出新的更大贡献"]
    assert template.kind == "template"
    assert SLOT in template.text
    assert all("XX" not in e.text and "xx" not in e.text for e in mined.entries)


def test_recurring_stock_clause_across_documents(mined: MineResult) -> None:
    entries = by_text(mined)
    stock = entries["确保各项工作有序推进"]
    assert stock.doc_freq == 2
    pair = entries["成绩不讲跑不了，问题不讲解决不了"]
    assert pair.doc_freq == 2
    assert pair.kind in ("clause", "parallel")
    # its halves never occur alone, so they are not entries of their own
    assert "成绩不讲跑不了" not in entries and "问题不讲解决不了" not in entries
    assert "谢谢大家" not in entries


def test_openings_and_closings_are_tagged(mined: MineResult) -> None:
    entries = by_text(mined)
    salutation = entries["同志们："]
    assert salutation.kind == "opening" and "开场" in salutation.functions
    assert salutation.doc_freq == 2
    thanks = entries["谢谢大家。"]
    assert thanks.kind == "closing" and "结尾号召" in thanks.functions
    call = entries["让我们以更加饱满的热情、更加务实的作风，为建设美好家园而努力奋斗！"]
    assert call.kind == "closing" and "结尾号召" in call.functions
    assert any(e.kind == "opening" and e.text.startswith("今天，我们召开") for e in mined.entries)


def test_transitions_and_function_tags(mined: MineResult) -> None:
    entries = by_text(mined)
    assert "过渡承接" in entries["下面，我讲几点意见"].functions
    assert "过渡承接" in entries["总之"].functions
    assert "提出要求" in entries["确保各项工作有序推进"].functions
    business = [e for e in mined.entries if e.text.endswith("优化营商环境")]
    assert business and all("营商环境" in e.topics for e in business)


def test_numbers_dates_names_latin_never_become_entries(mined: MineResult) -> None:
    for e in mined.entries:
        assert not re.search(r"[0-9A-Za-z%.]", e.text), e.text
        for junk in ("张建国", "同比", "亿元", "年5月", "example"):
            assert junk not in e.text, e.text


def test_no_entry_is_cut_mid_word(mined: MineResult) -> None:
    docs = [DOC_A, DOC_B]
    tokenizer = default_tokenizer()
    bounds = []
    for doc in docs:
        cuts, at = {0}, 0
        for tok in tokenizer.lcut(doc):
            at += len(tok)
            cuts.add(at)
        bounds.append(cuts)
    for e in mined.entries:
        assert not ("营商环" in e.text and "营商环境" not in e.text), e.text
        for occ in e.occurrences:
            assert occ.position in bounds[occ.doc], (e.text, occ)
            assert occ.position + len(e.text) in bounds[occ.doc], (e.text, occ)


def test_provenance_points_at_the_text(mined: MineResult) -> None:
    docs = [DOC_A, DOC_B]
    assert mined.entries
    for e in mined.entries:
        assert e.occurrences and e.freq >= len(e.occurrences) >= 1
        assert e.doc_freq == len({o.doc for o in e.occurrences})
        for occ in e.occurrences:
            assert docs[occ.doc][occ.position : occ.position + len(e.text)] == e.text
            assert e.text in occ.context and len(occ.context) <= len(docs[occ.doc])
            assert "\n" not in occ.context


def test_entries_are_valid_and_sorted(mined: MineResult) -> None:
    for e in mined.entries:
        assert e.kind in KINDS
        assert set(e.functions) <= set(FUNCTION_TAGS) and set(e.topics) <= set(TOPIC_TAGS)
        assert 0.0 <= e.quality <= 1.0
        assert (SLOT in e.text) == (e.kind == "template") or e.kind in ("opening", "closing")
    keys = [(-e.quality, e.text) for e in mined.entries]
    assert keys == sorted(keys)
    assert len({e.text for e in mined.entries}) == len(mined.entries)


def test_tag_tables_use_the_model_vocabulary() -> None:
    assert {r.tag for r in FUNCTION_RULES} == set(FUNCTION_TAGS)
    assert set(TOPIC_RULES) == set(TOPIC_TAGS)


def test_near_duplicates_are_merged(mined: MineResult) -> None:
    entries = by_text(mined)
    # DOC_B's "有人抓、有人去负责" is a two-member variant; the three-member set stays one entry
    variants = [e for e in mined.entries if e.kind == "parallel" and e.text.startswith("有人抓")]
    texts = [e.text for e in variants]
    for a in texts:
        for b in texts:
            if a != b:
                assert fuzz.ratio(a, b) < 90, (a, b)
    doc_c = "我们要确保每一项工作都有人抓、有人管、有人负责。"
    doc_d = "我们要确保每一项工作都有人抓、有人管、有人去负责。"
    merged = by_text(mine_texts([doc_c, doc_d]))
    kept = [t for t in merged if t.startswith("有人抓")]
    assert len(kept) == 1, kept
    assert merged[kept[0]].freq == 2 and merged[kept[0]].doc_freq == 2
    assert "有人抓、有人管、有人负责" in entries


def test_known_wordings_are_not_readded_in_altered_form() -> None:
    text = "要坚持稳中求进的工作总基调，推动高质量发展。我们要坚持稳中求进的工作总基调，确保平稳。"
    plain = by_text(mine_texts([text, text.replace("确保平稳", "确保大局稳定")]))
    assert any("稳中求进的工作总基调" in t for t in plain)
    known = ["坚持稳中求进工作总基调", "稳中求进工作总基调"]
    result = mine_texts([text, text.replace("确保平稳", "确保大局稳定")], known=known)
    for e in result.entries:
        for k in known:
            assert e.text == k or fuzz.ratio(e.text, k) < 90, (e.text, k)


def test_follows_record_what_came_after_a_clause(mined: MineResult) -> None:
    follows = {(p, n): c for p, n, c in mined.follows}
    texts = {e.text for e in mined.entries}
    assert all(n in texts and p and c >= 1 for p, n, c in mined.follows)
    assert follows[("各相关部门要明确责任人", "有人抓、有人管、有人负责")] == 1
    assert ("同志们", next(t for t in texts if t.startswith("今天，我们召开全县"))) in follows


def test_same_input_same_output() -> None:
    first = mine_texts([DOC_A, DOC_B])
    second = mine_texts([DOC_A, DOC_B])
    assert first == second


def test_progress_is_reported_per_document() -> None:
    calls: list[tuple[int, int]] = []
    mine_texts([DOC_A, DOC_B, DOC_A], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_should_stop_cancels_promptly() -> None:
    seen: list[int] = []

    def stop() -> bool:
        return len(seen) >= 1

    with pytest.raises(MiningCancelled):
        mine_texts([DOC_A, DOC_B, DOC_A], on_progress=lambda d, t: seen.append(d), should_stop=stop)
    assert seen == [1]


def test_empty_input() -> None:
    assert mine_texts([]) == MineResult([], [])
    assert mine_texts(["", "\n\n"]).entries == []


def test_mining_the_cleaned_seeds() -> None:
    clean = pytest.importorskip("phrasebank.clean")
    from opencc import OpenCC

    from phrasebank.paths import resource

    texts = [
        clean.clean_text(p.read_text(encoding="utf-8"))
        for p in sorted(resource("seeds").iterdir(), key=lambda t: t.name)
        if p.name.endswith(".txt")
    ]
    result = mine_texts(texts)
    assert len(result.entries) >= 300
    t2s = OpenCC("t2s")
    emoji = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]")
    for e in result.entries:
        assert not re.search(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]", e.text), e.text
        assert "QQ" not in e.text and "http" not in e.text and "www" not in e.text
        assert not emoji.search(e.text), e.text
        assert t2s.convert(e.text) == e.text, e.text
    kinds = {e.kind for e in result.entries}
    assert {"formulation", "clause", "parallel", "four_char", "template"} <= kinds
    assert {"opening", "closing"} <= kinds
