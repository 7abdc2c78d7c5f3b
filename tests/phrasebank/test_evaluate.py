"""Keystroke-savings simulation, upper bound, naive baseline, leave-one-out report."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from phrasebank.evaluate import (
    clause_bank,
    format_report,
    leave_one_out,
    naive_baseline_suggest,
    run_eval,
    simulate,
    upper_bound,
)
from phrasebank.model import Suggestion


def _s(text: str, replace: int) -> Suggestion:
    return Suggestion(text=text, replace=replace, score=1.0, phrase_id=1, kind="clause")


def test_simulate_counts_keys_by_hand() -> None:
    target = "我们要全面从严治党。"  # 10 characters

    def suggest(before: str) -> list[Suggestion]:
        # Offers the formulation once 全 is typed; a wrong one and a useless one besides.
        if before.endswith("全"):
            return [_s("全面深化改革", 1), _s("全面从严治党", 1), _s("全", 1)]
        return []

    result = simulate(target, suggest)
    # 我 们 要 全 (4 keys), accept → 我们要全面从严治党 (1 key), 。 (1 key)
    assert result.keys == 6
    assert result.accepted == 1
    assert result.gained == 5
    assert result.ksr == pytest.approx(1 - 6 / 10)
    assert result.mean_accepted == 5


def test_simulate_takes_the_longest_correct_prefix_and_ignores_k_beyond() -> None:
    target = "早开工、早建设、早投产"

    def suggest(before: str) -> list[Suggestion]:
        if before == "早":
            return [_s("早开工", 1), _s("早开工、早建设", 1), _s("早开工、早建设、早投产", 1)]
        return []

    assert simulate(target, suggest).keys == 2  # 早 + accept the whole set
    assert simulate(target, suggest, k=2).keys == 2 + 4  # sees only the first two: 早开工、早建设
    assert simulate(target, suggest, k=1).keys == 2 + 8  # 早开工, then types the rest


def test_one_character_gain_is_not_taken() -> None:
    target = "同志们："
    # Accepting would add only the next character: no saving, the writer just types it.
    result = simulate(
        target, lambda before: [_s(target[len(before)], 0)] if len(before) < 4 else []
    )
    assert (result.keys, result.accepted) == (4, 0)


def test_continuation_after_acceptance_is_taken_too() -> None:
    target = "成绩不讲跑不了，问题不讲解决不了。"

    def suggest(before: str) -> list[Suggestion]:
        if before == "成":
            return [_s("成绩不讲跑不了，", 1)]
        if before.endswith("，"):
            return [_s("问题不讲解决不了", 0)]
        return []

    result = simulate(target, suggest)
    assert (result.keys, result.accepted) == (4, 2)  # 成, accept, accept, 。


def test_wrong_suggestions_never_change_the_draft() -> None:
    target = "加强党的建设"
    result = simulate(target, lambda before: [_s("加强党的领导", len(before))])
    assert result.keys == len(target)
    assert result.ksr == 0


def test_upper_bound_is_the_covered_share() -> None:
    target = "全面从严治党，推动高质量发展。"  # 15 characters
    bound = upper_bound(target, ["全面从严治党", "高质量发展", "不在其中", "的", "质量发展"])
    assert bound == pytest.approx(11 / 15)
    assert upper_bound(target, []) == 0
    assert upper_bound("", ["全面"]) == 0


def test_naive_baseline_completes_clause_prefixes_only() -> None:
    suggest = naive_baseline_suggest(
        ["全面从严治党", "全面深化改革", "全面深化改革", "推动高质量发展"]
    )
    found = suggest("我们要，全面")
    assert [s.text for s in found] == ["全面深化改革", "全面从严治党"]  # most frequent first
    assert all(s.replace == 2 for s in found)
    assert suggest("坚持全面") == []  # not at a clause start
    assert suggest("我们要，") == []
    assert suggest("全面从严治党") == []  # already typed


DOCS = [
    (
        "甲",
        "同志们：\n今天召开会议，全面从严治党，推动高质量发展。成绩不讲跑不了，问题不讲解决不了。",
    ),
    (
        "乙",
        "同志们：\n全面从严治党，推动高质量发展。我们要再接再厉。成绩不讲跑不了，问题不讲解决不了。",
    ),
    ("丙", "同志们：\n成绩不讲跑不了，问题不讲解决不了。全面从严治党，推动高质量发展。"),
]


def test_leave_one_out_with_a_clause_bank() -> None:
    report = leave_one_out(DOCS, clause_bank)
    assert [d.title for d in report.docs] == ["甲", "乙", "丙"]
    for d in report.docs:
        assert d.ours.chars == len(dict(DOCS)[d.title])
        assert 0 < d.ours.ksr <= d.bound
        assert d.ours.ksr >= d.naive.ksr  # same clauses, plus continuation
        assert not math.isnan(d.bound)
    assert report.ours.chars == sum(len(t) for _, t in DOCS)
    table = format_report(report)
    assert "overall" in table and "naive" in table and "甲" in table


class _NoTexts:
    def suggest(self, before: str, *, limit: int = 5) -> Sequence[Suggestion]:
        return []


def test_bank_without_texts_reports_no_bound() -> None:
    report = leave_one_out(DOCS[:2], lambda docs: _NoTexts())
    assert math.isnan(report.docs[0].bound)
    assert report.docs[0].ours.ksr == 0
    assert "-" in format_report(report)


def test_run_eval_reads_a_folder(tmp_path: Path) -> None:
    for title, text in DOCS:
        (tmp_path / f"{title}.txt").write_text(text, encoding="utf-8")
    table = run_eval([tmp_path])
    assert table.count("│") >= 3 * 4
    with pytest.raises(ValueError, match="至少需要两篇"):
        run_eval([tmp_path / "甲.txt"])
