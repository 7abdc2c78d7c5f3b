"""The phrase bank manager: what a writer does with their bank, action by action."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit

from editor import bank_manager as bm
from editor.bank_jobs import manager_pool
from editor.bank_manager import BankManager, PhraseDialog, TagDialog, open_bank_manager
from editor.bank_model import BankTableModel
from phrasebank import PhraseBank
from tests.editor.typing import type_text

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "seeds"

ENTRIES = [
    # text, kind, tags, freq
    ("全面从严治党", "formulation", ["党的建设", "强调"], 30),
    ("推动高质量发展", "formulation", ["经济发展", "部署任务"], 25),
    ("优化营商环境", "formulation", ["营商环境", "部署任务"], 20),
    ("有人抓、有人管、有人负责", "parallel", ["提出要求"], 12),
    ("攻坚克难、全力以赴", "four_char", ["结尾号召"], 8),
    ("为加快建设××作出新的更大贡献", "template", ["结尾号召"], 5),
    ("坚持以人民为中心的发展思想", "formulation", ["民生"], 15),
    ("下面，我讲几点意见", "clause", ["过渡承接"], 9),
]


def seed(bank: PhraseBank) -> dict[str, int]:
    ids = {}
    for text, kind, tags, freq in ENTRIES:
        ids[text] = bank.add(text, kind=kind, tags=tags).id
        with bank._store.transaction() as db:
            db.execute("UPDATE phrases SET freq = ? WHERE id = ?", (freq, ids[text]))
    return ids


def dump(bank: PhraseBank) -> dict:
    """Everything an import could change: entries (all fields), sources, provenance."""
    return {
        "phrases": [dataclasses.astuple(p) for p in bank.phrases(status=None)],
        "sources": bank.sources(),
        "occurrences": bank._store.query("SELECT * FROM occurrences ORDER BY id"),
        "follows": sorted(bank.follows()),
    }


class Recorder:
    """Stands in for the message boxes and file choosers."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirms: list[str] = []
        self.confirm_answer = True
        self.merge_answer = "merge"
        self.merge_asks: list[tuple[str, str, bool]] = []

    def install(self, m: BankManager) -> None:
        m.show_error = lambda t, x: self.errors.append((t, x))  # type: ignore[method-assign]
        m.show_info = lambda t, x: self.infos.append((t, x))  # type: ignore[method-assign]

        def confirm(title: str, text: str) -> bool:
            self.confirms.append(text)
            return self.confirm_answer

        def ask_merge(text, existing, *, exact):
            self.merge_asks.append((text, existing.text, exact))
            return self.merge_answer

        m.confirm = confirm  # type: ignore[method-assign]
        m.ask_merge = ask_merge  # type: ignore[method-assign]


@pytest.fixture
def bank(tmp_path):
    b = PhraseBank.open(tmp_path / "bank.db")
    yield b
    b.close()


def make_manager(qtbot, bank: PhraseBank) -> tuple[BankManager, Recorder]:
    m = BankManager(bank)
    qtbot.addWidget(m)
    rec = Recorder()
    rec.install(m)
    wait_loaded(qtbot, m)
    return m, rec


@pytest.fixture
def manager(qtbot, bank):
    seed(bank)
    m, rec = make_manager(qtbot, bank)
    yield m, rec
    m.jobs.cancel_all()
    manager_pool().waitForDone(10000)  # the window is gone by now (pytest-qt closes it first)


def wait_loaded(qtbot, m: BankManager) -> None:
    qtbot.waitUntil(lambda: not m.loading, timeout=10000)


def wait_job(qtbot, m: BankManager) -> None:
    qtbot.waitUntil(lambda: m.job is None, timeout=60000)
    wait_loaded(qtbot, m)


def texts(m: BankManager) -> list[str]:
    return [m.model.phrase_at(r).text for r in range(m.model.rowCount())]


def select_texts(m: BankManager, *wanted: str) -> None:
    rows = [texts(m).index(t) for t in wanted]
    m.select_rows(rows)


# --- opening, the lazy table, sorting -----------------------------------------------------------


def test_opens_with_every_entry_most_frequent_first(manager):
    m, _ = manager
    assert m.objectName() == "phraseBankManager"
    headers = [m.model.headerData(i, Qt.Orientation.Horizontal, 0) for i in range(8)]
    assert headers == ["短语", "类型", "功能", "主题", "频次", "使用", "来源", "更新时间"]
    assert texts(m)[:3] == ["全面从严治党", "推动高质量发展", "优化营商环境"]
    assert m.model.rowCount() == len(ENTRIES)
    assert m.count_label.text() == "共 8 条"
    row = texts(m).index("有人抓、有人管、有人负责")
    shown = [m.model.index(row, c).data() for c in range(7)]
    assert shown == ["有人抓、有人管、有人负责", "排比", "提出要求", "", "12", "0", "自建"]


@pytest.mark.parametrize(
    "field", ["text", "kind", "functions", "topics", "freq", "uses", "origin", "updated"]
)
def test_every_column_sorts_both_ways_through_the_bank(qtbot, manager, field):
    m, _ = manager
    column = m.model.column_of(field)
    for order, descending in (
        (Qt.SortOrder.AscendingOrder, False),
        (Qt.SortOrder.DescendingOrder, True),
    ):
        m.table.sortByColumn(column, order)
        wait_loaded(qtbot, m)
        assert list(m.model.ids()) == m.bank.list_ids(order_by=field, descending=descending)


def test_sort_runs_in_a_worker_and_only_the_newest_answer_is_shown(qtbot, manager):
    m, _ = manager
    before = m._runner.dropped
    m.table.sortByColumn(m.model.column_of("text"), Qt.SortOrder.AscendingOrder)
    m.table.sortByColumn(m.model.column_of("freq"), Qt.SortOrder.AscendingOrder)
    assert m.loading  # nothing happened on the UI thread yet
    wait_loaded(qtbot, m)
    assert list(m.model.ids()) == m.bank.list_ids(order_by="freq")
    assert m._runner.dropped >= before


def test_model_fetches_pages_lazily_and_keeps_a_bounded_cache(qtbot, bank):
    from phrasebank.model import Phrase

    bank.add_many([Phrase(id=0, text=f"第{i}项重点工作任务", kind="clause") for i in range(3000)])
    model = BankTableModel(bank)
    model.CACHE_ROWS = 500
    model.set_ids(bank.list_ids())
    assert model.rowCount() == 3000 and model.cached_rows == 0  # opening reads no rows
    assert model.index(2500, 0).data() == "第2500项重点工作任务"
    assert model.fetches == 1 and model.cached_rows == model.PAGE
    assert model.index(2501, 3).data() == ""  # same page: no new query
    assert model.fetches == 1
    for row in range(0, 3000, 37):
        model.index(row, 0).data()
    assert model.cached_rows <= 500
    assert model.index(0, 0).data() == "第0项重点工作任务"


def test_table_scrolls_a_big_bank_reading_only_what_is_visible(qtbot, bank):
    from phrasebank.model import Phrase

    bank.add_many([Phrase(id=0, text=f"第{i}条规范表述", kind="clause") for i in range(20000)])
    m, _ = make_manager(qtbot, bank)
    m.show()
    assert m.model.rowCount() == 20000
    m.table.scrollToBottom()
    m.table.viewport().repaint()
    assert m.model.cached_rows <= 3 * m.model.PAGE
    m.jobs.wait()


# --- search and filters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("qmcyzd", "全面从严治党"),  # pinyin initials
        ("营商", "优化营商环境"),  # substring
        ("全面从严治档", "全面从严治党"),  # fuzzy: a wrong character
        ("坚持以人民为中心发展思想", "坚持以人民为中心的发展思想"),  # fuzzy: a missing one
    ],
)
def test_search_as_you_type(qtbot, manager, typed, found):
    m, _ = manager
    m.search_edit.setFocus()
    type_text(m.search_edit, typed)
    qtbot.waitUntil(lambda: m.count_label.text().startswith("找到"), timeout=5000)
    assert texts(m)[:1] == [found]
    m.search_edit.clear()
    qtbot.waitUntil(lambda: m.model.rowCount() == len(ENTRIES), timeout=5000)


def test_search_is_debounced_one_query_for_a_burst_of_keys(qtbot, manager):
    m, _ = manager
    before = m._runner._latest
    type_text(m.search_edit, "qmcyzd")
    assert m._runner._latest == before  # nothing yet while typing
    qtbot.waitUntil(lambda: texts(m) == ["全面从严治党"], timeout=5000)
    assert m._runner._latest == before + 1


def test_filters_by_kind_function_topic_origin_and_favourite(qtbot, manager):
    m, _ = manager

    def pick(combo, value):
        combo.setCurrentIndex(combo.findData(value))
        wait_loaded(qtbot, m)

    pick(m.kind_filter, "formulation")
    assert set(texts(m)) == {
        "全面从严治党",
        "推动高质量发展",
        "优化营商环境",
        "坚持以人民为中心的发展思想",
    }
    pick(m.function_filter, "部署任务")
    assert set(texts(m)) == {"推动高质量发展", "优化营商环境"}
    pick(m.topic_filter, "营商环境")  # both tags at once
    assert texts(m) == ["优化营商环境"]
    pick(m.kind_filter, None)
    pick(m.function_filter, None)
    pick(m.topic_filter, None)
    pick(m.origin_filter, "mined")
    assert texts(m) == []
    pick(m.origin_filter, None)
    m.bank.update(m.bank.find("下面，我讲几点意见").id, favourite=True)
    m.favourite_filter.setChecked(True)
    wait_loaded(qtbot, m)
    assert texts(m) == ["下面，我讲几点意见"]
    # filters also narrow a search
    m.favourite_filter.setChecked(False)
    pick(m.kind_filter, "four_char")
    m.search_edit.setText("全力")
    qtbot.waitUntil(lambda: texts(m) == ["攻坚克难、全力以赴"], timeout=5000)


# --- add, edit, delete, undo ------------------------------------------------------------------


def test_add_through_the_dialog_then_undo_and_redo(qtbot, manager, monkeypatch):
    m, _ = manager
    values = {
        "text": "一分部署，九分落实",
        "kind": None,
        "functions": ("提出要求",),
        "topics": ("作风建设",),
        "note": "常用",
        "favourite": True,
    }
    monkeypatch.setattr(
        PhraseDialog, "get_phrase", classmethod(lambda cls, parent, phrase=None: (values, True))
    )
    m.action_add.trigger()
    wait_loaded(qtbot, m)
    p = m.bank.find("一分部署，九分落实")
    assert (
        p.functions == ("提出要求",)
        and p.topics == ("作风建设",)
        and p.favourite
        and p.note == "常用"
    )
    assert m.current_id() == p.id  # the new entry is selected
    m.action_undo.trigger()
    wait_loaded(qtbot, m)
    assert m.bank.find("一分部署，九分落实") is None and "一分部署，九分落实" not in texts(m)
    m.action_redo.trigger()
    wait_loaded(qtbot, m)
    assert m.bank.get(p.id).text == "一分部署，九分落实"


def test_empty_text_is_refused_with_a_message(qtbot, manager, monkeypatch):
    m, rec = manager
    monkeypatch.setattr(
        PhraseDialog,
        "get_phrase",
        classmethod(lambda cls, parent, phrase=None: ({"text": "  "}, True)),
    )
    m.action_add.trigger()
    assert len(m.bank) == len(ENTRIES)
    assert rec.errors and "不能为空" in rec.errors[-1][1]


def test_the_dialog_itself_will_not_close_on_empty_text(qtbot):
    dialog = PhraseDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "不能为空" in dialog.error_label.text()
    dialog.text_edit.setPlainText("全面从严治党")
    dialog.set_functions(["强调"])
    dialog.topics_edit.setText("党的建设、提出要求")
    dialog.accept()
    assert not dialog.isVisible()
    v = dialog.values()
    assert v["text"] == "全面从严治党" and v["kind"] is None
    assert v["functions"] == ("强调", "提出要求") and v["topics"] == ("党的建设",)


def test_exact_duplicate_offers_to_merge_into_the_existing_entry(qtbot, manager):
    m, rec = manager
    existing = m.bank.find("全面从严治党")
    m.add_phrase({"text": "全面从严治党", "topics": ("作风建设",), "note": "新备注"})
    wait_loaded(qtbot, m)
    assert rec.merge_asks == [("全面从严治党", "全面从严治党", True)]
    got = m.bank.get(existing.id)
    assert got.topics == ("党的建设", "作风建设") and got.note == "新备注"
    assert len(m.bank) == len(ENTRIES)
    m.action_undo.trigger()
    assert m.bank.get(existing.id).topics == ("党的建设",)


@pytest.mark.parametrize(("answer", "count"), [("merge", 8), ("add", 9), ("cancel", 8)])
def test_near_duplicate_offers_to_merge(qtbot, manager, answer, count):
    m, rec = manager
    rec.merge_answer = answer
    m.add_phrase({"text": "坚持以人民为中心发展思想", "topics": ("社会治理",)})
    wait_loaded(qtbot, m)
    assert rec.merge_asks == [("坚持以人民为中心发展思想", "坚持以人民为中心的发展思想", False)]
    assert len(m.bank) == count
    merged_topic = "社会治理" in m.bank.find("坚持以人民为中心的发展思想").topics
    assert merged_topic == (answer == "merge")


def test_inline_edit_of_text_and_tags_is_undoable(qtbot, manager):
    m, rec = manager
    row = texts(m).index("优化营商环境")
    pid = m.model.id_at(row)
    assert m.model.flags(m.model.index(row, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not m.model.flags(m.model.index(row, 4)) & Qt.ItemFlag.ItemIsEditable
    m.model.setData(m.model.index(row, 0), "持续优化营商环境")
    wait_loaded(qtbot, m)
    assert m.bank.get(pid).text == "持续优化营商环境"
    assert m.model.index(m.model.row_of(pid), 0).data() == "持续优化营商环境"
    m.model.setData(m.model.index(m.model.row_of(pid), 3), "营商环境、改革创新、强调")
    wait_loaded(qtbot, m)
    got = m.bank.get(pid)
    assert got.topics == ("营商环境", "改革创新") and got.functions == ("部署任务", "强调")
    m.action_undo.trigger()
    m.action_undo.trigger()
    wait_loaded(qtbot, m)
    got = m.bank.get(pid)
    assert (
        got.text == "优化营商环境"
        and got.topics == ("营商环境",)
        and got.functions == ("部署任务",)
    )
    # empty text is refused, nothing changes
    m.model.setData(m.model.index(m.model.row_of(pid), 0), "   ")
    assert m.bank.get(pid).text == "优化营商环境" and "不能为空" in rec.errors[-1][1]


def test_inline_edit_through_the_table_editor(qtbot, manager):
    m, rec = manager
    m.show()
    row = texts(m).index("全面从严治党")
    index = m.model.index(row, 0)
    m.table.setCurrentIndex(index)
    m.table.edit(index)
    editor = m.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "全面从严治党"
    editor.setText("坚定不移全面从严治党")
    m.table.commitData(editor)  # what the delegate does on Return
    m.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    wait_loaded(qtbot, m)
    assert m.bank.get(m.model.id_at(row)).text == "坚定不移全面从严治党"
    assert rec.errors == []


def test_edit_in_the_dialog(qtbot, manager, monkeypatch):
    m, _ = manager
    select_texts(m, "下面，我讲几点意见")
    pid = m.current_id()
    seen = []

    def fake(cls, parent, phrase=None):
        seen.append(phrase.text)
        return {
            "text": "下面，我再讲几点意见",
            "kind": "clause",
            "functions": ("过渡承接",),
            "topics": (),
            "note": "会议收尾用",
            "favourite": True,
        }, True

    monkeypatch.setattr(PhraseDialog, "get_phrase", classmethod(fake))
    m.action_edit.trigger()
    wait_loaded(qtbot, m)
    assert seen == ["下面，我讲几点意见"]
    got = m.bank.get(pid)
    assert got.text == "下面，我再讲几点意见" and got.note == "会议收尾用" and got.favourite
    assert m.model.index(m.model.row_of(pid), 0).data().startswith("★ ")  # favourites carry a star
    m.action_undo.trigger()
    got = m.bank.get(pid)
    assert (got.text, got.note, got.favourite) == ("下面，我讲几点意见", "", False)


def test_editing_into_another_entrys_text_offers_a_merge(qtbot, manager):
    m, rec = manager
    keep = m.bank.find("全面从严治党")
    other = m.bank.add("全面从严治党。")
    m.bank.record_use(other.id)
    m.apply_edit(other.id, {"text": "全面从严治党"})
    wait_loaded(qtbot, m)
    assert rec.merge_asks[-1][2] is True
    assert m.bank.get(other.id) is None and m.bank.get(keep.id).uses == 1
    m.action_undo.trigger()
    assert m.bank.get(other.id).uses == 1 and m.bank.get(keep.id).uses == 0


def test_delete_several_after_confirmation_and_undo(qtbot, manager):
    m, rec = manager
    bank = m.bank
    # provenance comes back too
    pid = bank.find("推动高质量发展").id
    with bank._store.transaction() as db:
        sid = (
            db.table("sources")
            .insert(
                {
                    "title": "经济工作会议讲话",
                    "path": "",
                    "sha256": "x",
                    "size": 1,
                    "imported_at": 0,
                }
            )
            .last_pk
        )
        db.table("occurrences").insert(
            {
                "phrase_id": pid,
                "source_id": sid,
                "position": 0,
                "context": "坚定不移推动高质量发展。",
            }
        )
    before = dump(bank)
    select_texts(m, "推动高质量发展", "优化营商环境", "攻坚克难、全力以赴")
    rec.confirm_answer = False
    m.action_delete.trigger()
    assert "3 条" in rec.confirms[-1] and dump(bank) == before
    rec.confirm_answer = True
    m.action_delete.trigger()
    wait_loaded(qtbot, m)
    assert len(bank) == len(ENTRIES) - 3
    assert "推动高质量发展" not in texts(m) and m.model.rowCount() == len(ENTRIES) - 3
    m.action_undo.trigger()
    wait_loaded(qtbot, m)
    assert dump(bank)["phrases"] == before["phrases"]
    assert dump(bank)["occurrences"] == before["occurrences"]
    assert m.model.rowCount() == len(ENTRIES)
    m.action_redo.trigger()
    assert len(bank) == len(ENTRIES) - 3


def test_tag_and_untag_in_bulk(qtbot, manager, monkeypatch):
    m, _ = manager
    select_texts(m, "全面从严治党", "下面，我讲几点意见")
    ids = m.selected_ids()
    monkeypatch.setattr(
        TagDialog,
        "get_tags",
        classmethod(lambda cls, parent, remove=False: (["作风建设", "强调"], True)),
    )
    m.action_tag.trigger()
    assert all(
        {"作风建设"} <= set(m.bank.get(i).topics) and "强调" in m.bank.get(i).functions for i in ids
    )
    m.action_untag.trigger()
    assert all(
        "作风建设" not in m.bank.get(i).topics and "强调" not in m.bank.get(i).functions
        for i in ids
    )
    m.action_undo.trigger()
    assert all("作风建设" in m.bank.get(i).topics for i in ids)
    m.action_undo.trigger()
    assert m.bank.get(ids[0]).topics == ("党的建设",) and m.bank.get(ids[0]).functions == ("强调",)


def test_tag_dialog_collects_checked_and_typed_tags(qtbot):
    dialog = TagDialog(None)
    qtbot.addWidget(dialog)
    dialog.tag_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.extra_edit.setText("年度重点、 民生")
    assert dialog.tags() == ["开场", "年度重点", "民生"]


def test_favourite_toggles_for_the_selection(qtbot, manager):
    m, _ = manager
    select_texts(m, "全面从严治党", "优化营商环境")
    ids = m.selected_ids()
    m.action_favourite.trigger()
    assert all(m.bank.get(i).favourite for i in ids)
    wait_loaded(qtbot, m)
    m.select_rows([m.model.row_of(i) for i in ids])
    m.action_favourite.trigger()
    assert not any(m.bank.get(i).favourite for i in ids)
    m.action_undo.trigger()
    assert all(m.bank.get(i).favourite for i in ids)


def test_a_locked_bank_shows_the_banks_message(qtbot, tmp_path):
    path = tmp_path / "locked.db"
    bank = PhraseBank.open(path, timeout=0.2)
    seed(bank)
    m, rec = make_manager(qtbot, bank)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        pid = bank.find("全面从严治党").id
        assert not m.apply_edit(pid, {"note": "改"})
        assert "正被其他程序占用" in rec.errors[-1][1] and "请" in rec.errors[-1][1]
        assert m.undo_stack.count() == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    wait_loaded(qtbot, m)
    m.jobs.wait()
    bank.close()


# --- provenance ---------------------------------------------------------------------------------


def test_provenance_of_the_selected_entry(qtbot, manager):
    m, _ = manager
    bank = m.bank
    pid = bank.find("优化营商环境").id
    with bank._store.transaction() as db:
        for title, context in (
            ("全市营商环境大会讲话", "要持续优化营商环境。"),
            ("经济工作会议讲话", "着力优化营商环境，激发市场活力。"),
        ):
            sid = (
                db.table("sources")
                .insert({"title": title, "path": "", "sha256": title, "size": 1, "imported_at": 0})
                .last_pk
            )
            db.table("occurrences").insert(
                {"phrase_id": pid, "source_id": sid, "position": 0, "context": context}
            )
    select_texts(m, "优化营商环境")
    assert m.provenance.shown == [
        ("全市营商环境大会讲话", "要持续优化营商环境。"),
        ("经济工作会议讲话", "着力优化营商环境，激发市场活力。"),
    ]
    assert "《全市营商环境大会讲话》" in m.provenance.toPlainText()
    select_texts(m, "全面从严治党")
    assert m.provenance.shown == [] and "没有出处记录" in m.provenance.toPlainText()


# --- importing speeches -------------------------------------------------------------------------


@pytest.fixture
def speeches(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    shutil.copy(SEEDS / "000_35aa6958877d35eb.txt", folder / "甲.txt")
    # a GB18030 file, as old office PCs save them
    text = (SEEDS / "001_089b812e5d7f50f1.txt").read_text(encoding="utf-8")
    (folder / "乙.txt").write_bytes(text.encode("gb18030"))
    return folder


def test_import_speeches_into_the_review_queue(qtbot, manager, speeches):
    m, rec = manager
    active_before = len(m.bank)
    job = m.import_speeches([str(speeches / "甲.txt"), str(speeches / "乙.txt")])
    assert job is not None and m.progress.isVisibleTo(m) and m.cancel_button.isVisibleTo(m)
    wait_job(qtbot, m)
    assert not m.progress.isVisibleTo(m)
    report = m.last_report
    assert report.files == 2 and report.added > 0
    assert m.bank.count(status="pending") == report.added
    assert len(m.bank) == active_before  # nothing joins the bank before review
    assert m.tabs.currentWidget() is m.review
    qtbot.waitUntil(lambda: m.review.model.rowCount() == report.added)
    assert m.tabs.tabText(1) == f"待审核（{report.added}）"
    assert "新增" in rec.infos[-1][1] and "待审核" in rec.infos[-1][1]


def test_import_a_folder_through_the_action(qtbot, manager, speeches):
    m, _ = manager
    m.ask_folder = lambda title: str(speeches)  # type: ignore[method-assign]
    m.action_import_folder.trigger()
    wait_job(qtbot, m)
    assert m.last_report.files == 2


def test_cancelling_an_import_leaves_the_bank_exactly_as_it_was(qtbot, manager, speeches):
    m, rec = manager
    bank = m.bank
    before = dump(bank)
    reached, gate = threading.Event(), threading.Event()
    real_mine = bank.mine

    def mine_that_pauses(paths, *, on_progress, should_stop, status):
        def progress(done, total):
            reached.set()
            gate.wait(10)  # hold the miner mid-way until the writer has pressed 取消
            on_progress(done, total)

        return real_mine(paths, on_progress=progress, should_stop=should_stop, status=status)

    bank.mine = mine_that_pauses  # type: ignore[method-assign]
    m.import_speeches([str(speeches)])
    qtbot.waitUntil(reached.is_set, timeout=30000)
    qtbot.mouseClick(m.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    wait_job(qtbot, m)
    assert dump(bank) == before
    assert "已取消导入，短语库未改动" in m.statusBar().currentMessage()
    assert rec.errors == []
    # and a later import of the same files still works
    bank.mine = real_mine  # type: ignore[method-assign]
    m.import_speeches([str(speeches)])
    wait_job(qtbot, m)
    assert m.last_report.files == 2


def test_reimporting_the_same_files_doubles_nothing(qtbot, manager, speeches):
    m, rec = manager
    m.import_speeches([str(speeches)])
    wait_job(qtbot, m)
    once = dump(m.bank)
    m.import_speeches([str(speeches)])
    wait_job(qtbot, m)
    assert dump(m.bank) == once
    assert m.last_report.added == 0 and m.last_report.updated == 0
    assert "已导入过" in rec.infos[-1][1]


def test_unreadable_files_are_reported_in_chinese(qtbot, manager, tmp_path):
    m, rec = manager
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip at all")
    m.import_speeches([str(bad), str(tmp_path / "不存在.txt")])
    wait_job(qtbot, m)
    message = rec.infos[-1][1] if rec.infos else rec.errors[-1][1]
    assert "坏文件.docx" in message


# --- near-duplicates ----------------------------------------------------------------------------


def test_near_duplicate_clusters_are_found_in_a_worker_and_merged(qtbot, manager):
    m, _ = manager
    bank = m.bank
    keep = bank.find("坚持以人民为中心的发展思想")
    other = bank.add("坚持以人民为中心发展思想")
    bank.record_use(other.id)
    bank.record_use(keep.id)
    with bank._store.transaction() as db:
        sid = (
            db.table("sources")
            .insert({"title": "讲话", "path": "", "sha256": "y", "size": 1, "imported_at": 0})
            .last_pk
        )
        db.table("occurrences").insert(
            {
                "phrase_id": other.id,
                "source_id": sid,
                "position": 0,
                "context": "坚持以人民为中心发展思想。",
            }
        )
    m.action_find_duplicates.trigger()
    assert m.tabs.currentWidget() is m.duplicates
    wait_job(qtbot, m)
    assert [[p.text for p in c] for c in m.duplicates.clusters] == [
        ["坚持以人民为中心的发展思想", "坚持以人民为中心发展思想"]
    ]
    assert m.duplicates.current_merge() == (keep.id, [other.id])
    m.action_merge_cluster.trigger()
    wait_loaded(qtbot, m)
    got = bank.get(keep.id)
    assert bank.get(other.id) is None and got.uses == 2
    assert [o.context for o in bank.occurrences(keep.id)] == ["坚持以人民为中心发展思想。"]
    assert "坚持以人民为中心发展思想" in got.variants
    assert m.duplicates.tree.topLevelItemCount() == 0
    m.action_undo.trigger()
    assert bank.get(other.id).uses == 1 and bank.get(keep.id).uses == 1


# --- export, import, packs ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_all_and_import_back(qtbot, manager, tmp_path, suffix):
    m, rec = manager
    path = tmp_path / f"out{suffix}"
    m.ask_save_path = lambda *a: str(path)  # type: ignore[method-assign]
    m.action_export_all.trigger()
    wait_job(qtbot, m)
    assert "已导出 8 条" in rec.infos[-1][1]
    with PhraseBank.open(tmp_path / "other.db") as other:
        m2, rec2 = make_manager(qtbot, other)
        m2.ask_open_path = lambda *a: str(path)  # type: ignore[method-assign]
        m2.action_import_entries.trigger()
        wait_job(qtbot, m2)
        assert sorted(texts(m2)) == sorted(t for t, *_ in ENTRIES)
        assert "新增 8 条" in rec2.infos[-1][1]
        m2.jobs.wait()


def test_export_selection_as_json(qtbot, manager, tmp_path):
    m, _ = manager
    select_texts(m, "全面从严治党", "优化营商环境")
    path = tmp_path / "sel.json"
    m.ask_save_path = lambda *a: str(path)  # type: ignore[method-assign]
    m.action_export_selection.trigger()
    wait_job(qtbot, m)
    assert [r["text"] for r in json.loads(path.read_text(encoding="utf-8"))] == [
        "全面从严治党",
        "优化营商环境",
    ]


def test_import_with_bad_rows_lists_them(qtbot, manager, tmp_path):
    m, rec = manager
    path = tmp_path / "in.csv"
    path.write_text("text,kind\n新质生产力,formulation\n,clause\n=cmd(),clause\n", encoding="utf-8")
    m.import_entries(str(path))
    wait_job(qtbot, m)
    assert "新增 1 条" in rec.infos[-1][1] and "第 3 行" in rec.infos[-1][1]


def test_pack_export_and_import_between_colleagues(qtbot, manager, tmp_path):
    m, rec = manager
    path = tmp_path / "office.sbpack"
    m.ask_save_path = lambda *a: str(path)  # type: ignore[method-assign]
    m.action_export_pack.trigger()
    wait_job(qtbot, m)
    assert path.exists() and "8 条" in rec.infos[-1][1]
    with PhraseBank.open(tmp_path / "colleague.db") as other:
        mine = other.add("全面从严治党", note="我的批注")
        other.record_use(mine.id)
        m2, rec2 = make_manager(qtbot, other)
        m2.ask_open_path = lambda *a: str(path)  # type: ignore[method-assign]
        m2.action_import_pack.trigger()
        wait_job(qtbot, m2)
        assert "新增 7 条，合并 1 条" in rec2.infos[-1][1]
        got = other.get(mine.id)
        assert got.note == "我的批注" and got.uses == 1 and "党的建设" in got.topics
        assert m2.model.rowCount() == 8
        m2.action_import_pack.trigger()
        wait_job(qtbot, m2)
        assert "已导入过" in rec2.infos[-1][1]
        m2.jobs.wait()


def test_a_bad_pack_gets_a_chinese_error(qtbot, manager, tmp_path):
    m, rec = manager
    path = tmp_path / "bad.sbpack"
    path.write_text("这不是短语包", encoding="utf-8")
    before = dump(m.bank)
    m.import_pack(str(path))
    wait_job(qtbot, m)
    assert rec.errors and "不是短语包" in rec.errors[-1][1] and "请" in rec.errors[-1][1]
    assert dump(m.bank) == before


def test_pack_of_a_selection(qtbot, manager, tmp_path):
    m, _ = manager
    path = tmp_path / "two.sbpack"
    select_texts(m, "全面从严治党", "优化营商环境")
    m.export_pack(str(path), m.selected_ids())
    wait_job(qtbot, m)
    from phrasebank.pack import read_pack

    assert [e["text"] for e in read_pack(path)[1]["phrases"]] == ["全面从严治党", "优化营商环境"]


# --- statistics ---------------------------------------------------------------------------------


def test_statistics_tab_shows_counts_and_charts(qtbot, manager):
    m, _ = manager
    m.bank.record_use(m.bank.find("优化营商环境").id)
    m.tabs.setCurrentWidget(m.stats_view)
    qtbot.waitUntil(lambda: m.stats_view.stats is not None, timeout=5000)
    view = m.stats_view
    assert "共 8 条" in view.summary.text()
    assert dict(view.by_kind.items)["规范表述"] == 4
    assert dict(view.by_function.items)["部署任务"] == 2
    assert view.most_used.item(0, 0).text() == "优化营商环境"
    assert view.recent.count() == 8
    view.resize(800, 600)
    image = view.by_kind.grab().toImage()  # the chart paints bars in its colour
    assert any(
        image.pixelColor(x, image.height() // (2 * len(view.by_kind.items))) == view.by_kind.BAR
        for x in range(image.width())
    )


# --- the window ---------------------------------------------------------------------------------


def test_open_bank_manager_creates_once_and_raises_it_again(qtbot, bank):
    seed(bank)
    first = open_bank_manager(None, bank)
    qtbot.addWidget(first)
    assert open_bank_manager(None, bank) is first and first.isVisible()
    wait_loaded(qtbot, first)
    first.jobs.wait()
    bm._manager = None


def test_only_one_long_job_at_a_time_and_closing_asks_to_cancel(qtbot, manager, speeches):
    m, rec = manager
    gate = threading.Event()
    real_mine = m.bank.mine
    m.bank.mine = lambda *a, **k: (gate.wait(10), real_mine(*a, **k))[1]  # type: ignore[method-assign]
    m.import_speeches([str(speeches)])
    assert m.import_speeches([str(speeches)]) is None and "还在进行" in rec.infos[-1][1]
    rec.confirm_answer = False
    m.show()
    assert not m.close() and m.isVisible()
    rec.confirm_answer = True
    assert m.close()
    gate.set()
    wait_job(qtbot, m)
    assert m.bank.sources() == []  # the import was cancelled


def test_read_only_bank_disables_writing_actions(qtbot, tmp_path):
    path = tmp_path / "ro.db"
    with PhraseBank.open(path) as b:
        seed(b)
    path.chmod(0o444)
    try:
        bank = PhraseBank.open(path)
        if not bank.read_only:
            pytest.skip("running as a user who can write anything")
        m, _ = make_manager(qtbot, bank)
        assert not m.action_add.isEnabled() and not m.action_import_speeches.isEnabled()
        assert m.model.rowCount() == len(ENTRIES)
        wait_loaded(qtbot, m)
        m.jobs.wait()
        bank.close()
    finally:
        path.chmod(0o644)
