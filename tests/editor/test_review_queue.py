"""The review queue: mined entries wait for the writer's accept, reject or edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.bank_jobs import manager_pool
from editor.bank_manager import PhraseDialog
from phrasebank import PhraseBank
from tests.editor.test_bank_manager import make_manager, wait_job, wait_loaded

PENDING = [
    # text, doc_freq
    ("一分部署，九分落实", 4),
    ("成绩不讲跑不了，问题不讲解决不了", 3),
    ("早开工、早建设、早投产", 2),
    ("以钉钉子精神抓好落实", 1),
]


@pytest.fixture
def queue(qtbot, tmp_path):
    bank = PhraseBank.open(tmp_path / "bank.db")
    bank.add("全面从严治党")
    ids = {}
    for text, docs in PENDING:
        ids[text] = bank.add(text, status="pending", tags=["提出要求"]).id
        with bank._store.transaction() as db:
            db.execute(
                "UPDATE phrases SET doc_freq = ?, origin = 'mined' WHERE id = ?", (docs, ids[text])
            )
    m, rec = make_manager(qtbot, bank)
    m.tabs.setCurrentWidget(m.review)
    qtbot.waitUntil(lambda: m.review.model.rowCount() == len(PENDING))
    yield m, rec, ids
    manager_pool().waitForDone(10000)  # the window is gone by now (pytest-qt closes it first)
    bank.close()


def shown(m) -> list[str]:
    model = m.review.model
    return [model.phrase_at(r).text for r in range(model.rowCount())]


def test_pending_entries_are_listed_most_widespread_first_and_kept_out_of_the_bank(queue):
    m, _, _ = queue
    assert m.review.objectName() == "reviewQueue"
    assert shown(m) == [t for t, _ in PENDING]
    assert m.tabs.tabText(1) == "待审核（4）"
    assert [m.model.phrase_at(r).text for r in range(m.model.rowCount())] == ["全面从严治党"]
    model = m.review.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal, 0) for i in range(7)]
    assert headers == ["短语", "类型", "功能", "主题", "频次", "篇数", "质量"]


def test_accept_selected_joins_the_bank_and_can_be_undone(qtbot, queue):
    m, _, ids = queue
    m.review.select_rows([0, 2])
    m.review.action_accept.trigger()
    assert m.bank.get(ids["一分部署，九分落实"]).status == "active"
    assert m.bank.get(ids["早开工、早建设、早投产"]).status == "active"
    assert shown(m) == ["成绩不讲跑不了，问题不讲解决不了", "以钉钉子精神抓好落实"]
    assert m.review.current_id() == ids["成绩不讲跑不了，问题不讲解决不了"]  # ready for the next
    wait_loaded(qtbot, m)
    assert len(m.bank) == 3 and m.model.rowCount() == 3
    assert m.tabs.tabText(1) == "待审核（2）"
    m.action_undo.trigger()
    wait_loaded(qtbot, m)
    assert m.bank.get(ids["一分部署，九分落实"]).status == "pending"
    assert len(shown(m)) == 4


def test_reject_keeps_it_out_for_good(qtbot, queue, tmp_path):
    m, _, ids = queue
    m.review.select_rows([3])
    m.review.action_reject.trigger()
    pid = ids["以钉钉子精神抓好落实"]
    assert m.bank.get(pid).status == "rejected"
    assert "以钉钉子精神抓好落实" not in shown(m)
    # a later import of another speech that has it does not bring it back
    speech = tmp_path / "新讲话.txt"
    speech.write_text(
        "同志们：\n要以钉钉子精神抓好落实。以钉钉子精神抓好落实，确保各项任务落地见效。",
        encoding="utf-8",
    )
    m.import_speeches([str(speech)])
    wait_job(qtbot, m)
    assert m.bank.get(pid).status == "rejected"


def test_accept_all_and_reject_all_ask_first(qtbot, queue):
    m, rec, _ = queue
    rec.confirm_answer = False
    m.review.action_accept_all.trigger()
    assert m.bank.count(status="pending") == 4 and "全部 4 条" in rec.confirms[-1]
    rec.confirm_answer = True
    m.review.action_reject_all.trigger()
    assert m.bank.count(status="rejected") == 4 and shown(m) == []
    assert not m.review.action_accept.isEnabled()
    m.action_undo.trigger()
    wait_loaded(qtbot, m)
    assert m.bank.count(status="pending") == 4 and len(shown(m)) == 4


def test_edit_in_the_queue_inline_and_in_the_dialog(qtbot, queue, monkeypatch):
    m, _, ids = queue
    model = m.review.model
    pid = ids["早开工、早建设、早投产"]
    model.setData(model.index(model.row_of(pid), 0), "早开工、早建设、早投产、早见效")
    wait_loaded(qtbot, m)
    assert m.bank.get(pid).text == "早开工、早建设、早投产、早见效"
    assert m.bank.get(pid).status == "pending"  # edited, still waiting for review
    m.review.select_rows([model.row_of(pid)])
    monkeypatch.setattr(
        PhraseDialog,
        "get_phrase",
        classmethod(
            lambda cls, parent, phrase=None: (
                {
                    "text": phrase.text,
                    "topics": ("项目建设",),
                    "functions": phrase.functions,
                    "note": "",
                    "favourite": False,
                },
                True,
            )
        ),
    )
    m.review.action_edit.trigger()
    assert m.bank.get(pid).topics == ("项目建设",)
    wait_loaded(qtbot, m)


def test_the_queue_shows_where_each_entry_was_seen(qtbot, queue):
    m, _, ids = queue
    bank = m.bank
    pid = ids["一分部署，九分落实"]
    with bank._store.transaction() as db:
        sid = (
            db.table("sources")
            .insert(
                {"title": "项目推进会讲话", "path": "", "sha256": "z", "size": 1, "imported_at": 0}
            )
            .last_pk
        )
        db.table("occurrences").insert(
            {
                "phrase_id": pid,
                "source_id": sid,
                "position": 5,
                "context": "一分部署，九分落实，关键在抓。",
            }
        )
    m.review.select_rows([1])
    m.review.select_rows([0])
    m.review.table.setCurrentIndex(m.review.model.index(0, 0))
    assert m.review.provenance.shown == [("项目推进会讲话", "一分部署，九分落实，关键在抓。")]


def test_mined_entries_from_real_speeches_wait_in_the_queue_with_their_sources(qtbot, tmp_path):
    from tests.editor.test_bank_manager import SEEDS

    bank = PhraseBank.open(tmp_path / "bank.db")
    m, _ = make_manager(qtbot, bank)
    m.import_speeches([str(SEEDS / "000_35aa6958877d35eb.txt")])
    wait_job(qtbot, m)
    qtbot.waitUntil(lambda: m.review.model.rowCount() == m.last_report.added)
    assert m.review.model.rowCount() > 0 and m.model.rowCount() == 0
    m.review.table.setCurrentIndex(m.review.model.index(0, 0))
    assert m.review.provenance.shown and all(
        context for _title, context in m.review.provenance.shown
    )
    m.jobs.wait()
    bank.close()
