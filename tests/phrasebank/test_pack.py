"""Bank packs: share a bank with a colleague; import merges without taking the importer's edits.

Also the helpers the bank manager needs: near-duplicate clusters and an undoable delete that
brings provenance back.
"""

from __future__ import annotations

import json
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrasebank import PhraseBank
from phrasebank.model import Phrase
from phrasebank.pack import (
    PackError,
    capture,
    export_pack,
    import_pack,
    near_duplicate_clusters,
    read_pack,
    remove_with_provenance,
    restore_with_provenance,
)


@pytest.fixture
def bank(tmp_path):
    with PhraseBank.open(tmp_path / "mine.db") as b:
        yield b


@pytest.fixture
def colleague(tmp_path):
    with PhraseBank.open(tmp_path / "colleague.db") as b:
        yield b


def seen_in(bank: PhraseBank, phrase_id: int, title: str, context: str, sha: str) -> None:
    """Record provenance the way mining does (a source row and an occurrence row)."""
    store = bank._store
    with store.transaction() as db:
        rows = store.query("SELECT id FROM sources WHERE sha256 = ?", (sha,))
        if rows:
            sid = rows[0][0]
        else:
            sid = (
                db.table("sources")
                .insert({"title": title, "path": "", "sha256": sha, "size": 1, "imported_at": 0})
                .last_pk
            )
        db.table("occurrences").insert(
            {"phrase_id": phrase_id, "source_id": sid, "position": 3, "context": context}
        )


def dump(bank: PhraseBank) -> list[tuple]:
    return [
        (p.text, p.kind, p.functions, p.topics, p.freq, p.uses, p.favourite, p.note, p.status)
        for p in bank.phrases(status=None)
    ]


def test_pack_round_trip_carries_entries_tags_and_provenance(tmp_path, bank, colleague):
    a = colleague.add("全面从严治党", tags=["党的建设", "强调"], note="必用")
    colleague.update(a.id, favourite=True)
    colleague.record_use(a.id)
    b = colleague.add("一分部署，九分落实", kind="clause")
    seen_in(colleague, a.id, "全县党建工作会议讲话", "我们要坚定不移全面从严治党。", "s1")
    seen_in(colleague, b.id, "项目推进会讲话", "一分部署，九分落实，关键在抓。", "s2")
    path = tmp_path / "office.sbpack"
    assert export_pack(colleague, path, title="办公室短语库") == 2

    report = import_pack(bank, path)
    assert (report.added, report.updated) == (2, 0)
    assert "新增 2 条" in report.summary() and "办公室短语库" in report.summary()
    got = bank.find("全面从严治党")
    assert got.topics == ("党的建设",) and got.functions == ("强调",)
    assert got.origin == "imported" and got.note == "必用"
    # the colleague's uses and favourites are theirs, not the importer's
    assert got.uses == 0 and got.favourite is False
    occ = bank.occurrences(got.id)
    assert [(o.title, o.context) for o in occ] == [
        ("全县党建工作会议讲话", "我们要坚定不移全面从严治党。")
    ]


def test_import_keeps_the_importers_uses_favourite_note_text_and_status(tmp_path, bank, colleague):
    mine = bank.add("推动高质量发展", tags=["经济发展"], note="我的批注", favourite=True)
    bank.record_use(mine.id)
    bank.record_use(mine.id)
    rejected = bank.add("稳中求进", status="rejected")
    bank.update(mine.id, kind="formulation")
    before = bank.get(mine.id)

    theirs = colleague.add("推动高质量发展", tags=["部署任务", "改革创新"], note="他的批注")
    colleague.update(theirs.id, kind="clause")
    colleague.add("稳中求进")
    seen_in(colleague, theirs.id, "经济工作会议讲话", "坚定不移推动高质量发展。", "s9")
    with colleague._store.transaction() as db:
        db.execute("UPDATE phrases SET freq = 7, uses = 40 WHERE id = ?", (theirs.id,))
    path = tmp_path / "p.sbpack"
    export_pack(colleague, path)

    report = import_pack(bank, path)
    assert (report.added, report.updated) == (0, 2)
    after = bank.get(mine.id)
    assert after.text == before.text and after.kind == "formulation"
    assert after.uses == 2 and after.favourite and after.note == "我的批注"
    assert after.freq == before.freq + 7
    assert after.topics == ("经济发展", "改革创新") and after.functions == ("部署任务",)
    assert [o.title for o in bank.occurrences(mine.id)] == ["经济工作会议讲话"]
    assert bank.get(rejected.id).status == "rejected"


def test_importing_the_same_pack_twice_changes_nothing(tmp_path, bank, colleague):
    p = colleague.add("有人抓、有人管、有人负责")
    seen_in(colleague, p.id, "讲话", "做到有人抓、有人管、有人负责。", "s1")
    path = tmp_path / "p.sbpack"
    export_pack(colleague, path)
    import_pack(bank, path)
    first = dump(bank)
    occ = bank.occurrences(bank.find(p.text).id)
    again = import_pack(bank, path)
    assert again.already_imported and "已导入过" in again.summary()
    assert dump(bank) == first
    assert bank.occurrences(bank.find(p.text).id) == occ


def test_a_speech_the_importer_already_mined_is_not_counted_twice(tmp_path, bank, colleague):
    mine = bank.add("一分部署，九分落实")
    seen_in(bank, mine.id, "同一篇讲话", "一分部署，九分落实。", "same-sha")
    theirs = colleague.add("一分部署，九分落实")
    seen_in(colleague, theirs.id, "同一篇讲话", "一分部署，九分落实。", "same-sha")
    path = tmp_path / "p.sbpack"
    export_pack(colleague, path)
    import_pack(bank, path)
    assert len(bank.occurrences(mine.id)) == 1


def test_export_a_selection_only(tmp_path, colleague):
    keep = colleague.add("营商环境")
    colleague.add("放管服")
    path = tmp_path / "p.sbpack"
    assert export_pack(colleague, path, ids=[keep.id]) == 1
    _manifest, body = read_pack(path)
    assert [e["text"] for e in body["phrases"]] == ["营商环境"]


def make_zip(path, files: dict[str, bytes | str]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p.write_text("不是压缩包", encoding="utf-8"), "不是短语包"),
        (lambda p: make_zip(p, {"readme.txt": "hi"}), "缺少 manifest"),
        (lambda p: make_zip(p, {"manifest.json": "{bad"}), "清单已损坏"),
        (
            lambda p: make_zip(p, {"manifest.json": json.dumps({"format": "other", "version": 1})}),
            "格式不符",
        ),
        (
            lambda p: make_zip(
                p,
                {"manifest.json": json.dumps({"format": "speech-editor-bank-pack", "version": 9})},
            ),
            "升级本软件",
        ),
        (
            lambda p: make_zip(
                p,
                {"manifest.json": json.dumps({"format": "speech-editor-bank-pack", "version": 1})},
            ),
            "缺少条目数据",
        ),
        (
            lambda p: make_zip(
                p,
                {
                    "manifest.json": json.dumps(
                        {"format": "speech-editor-bank-pack", "version": 1, "digest": "0" * 64}
                    ),
                    "phrases.json": '{"phrases": []}',
                },
            ),
            "与清单不符",
        ),
        (
            lambda p: make_zip(
                p,
                {
                    "manifest.json": json.dumps(
                        {"format": "speech-editor-bank-pack", "version": 1}
                    ),
                    "phrases.json": '["x"]',
                },
            ),
            "格式有误",
        ),
    ],
)
def test_bad_or_foreign_pack_gets_a_chinese_error_and_changes_nothing(
    tmp_path, bank, setup, message
):
    bank.add("全面从严治党")
    before = dump(bank)
    path = tmp_path / "bad.sbpack"
    setup(path)
    with pytest.raises(PackError, match=message) as err:
        import_pack(bank, path)
    assert "请" in str(err.value)  # says what to do
    assert dump(bank) == before
    assert bank.sources() == []


def test_missing_pack_file(tmp_path, bank):
    with pytest.raises(PackError, match="找不到"):
        import_pack(bank, tmp_path / "nope.sbpack")


def test_bad_entries_are_reported_and_good_ones_go_in(tmp_path, bank):
    body = {
        "sources": [],
        "phrases": [{"text": "营商环境"}, {"text": ""}, "x", {"text": "放管服", "kind": "slogan"}],
    }
    make_zip(
        tmp_path / "p.sbpack",
        {
            "manifest.json": json.dumps({"format": "speech-editor-bank-pack", "version": 1}),
            "phrases.json": json.dumps(body, ensure_ascii=False),
        },
    )
    report = import_pack(bank, tmp_path / "p.sbpack")
    assert report.added == 1
    assert [n for n, _ in report.bad] == [2, 3, 4]


def test_cancelled_pack_import_changes_nothing(tmp_path, bank, colleague):
    for i in range(5):
        colleague.add(f"第{i}条规范表述内容")
    path = tmp_path / "p.sbpack"
    export_pack(colleague, path)
    bank.add("原有条目")
    before = dump(bank)
    calls = iter([False, False, True])
    with pytest.raises(PackError, match="取消"):
        import_pack(bank, path, should_stop=lambda: next(calls, True))
    assert dump(bank) == before
    assert bank.sources() == []


def test_imported_entries_are_searchable_by_the_index(tmp_path, bank, colleague):
    bank.build_index()
    colleague.add("全面从严治党")
    path = tmp_path / "p.sbpack"
    export_pack(colleague, path)
    import_pack(bank, path)
    assert [p.text for p in bank.search("qmcyzd")] == ["全面从严治党"]


# --- near-duplicate clusters ------------------------------------------------------------------


def P(i: int, text: str, **kw) -> Phrase:
    return Phrase(id=i, text=text, **kw)


def test_clusters_group_near_duplicates_and_put_the_most_used_first():
    phrases = [
        P(1, "坚持以人民为中心的发展思想"),
        P(2, "坚持以人民为中心发展思想", uses=5),
        P(3, "营商环境持续优化"),
        P(4, "全面从严治党永远在路上"),
        P(5, "全面从严治党永远在路上。"),
        P(6, "有人抓、有人管、有人负责"),
    ]
    clusters = near_duplicate_clusters(phrases)
    assert [[p.id for p in c] for c in clusters] == [[2, 1], [4, 5]]


def test_clusters_find_a_slip_at_the_start_through_the_last_characters():
    a = P(1, "深入贯彻落实新发展理念，推动经济社会高质量发展")
    b = P(2, "全面贯彻落实新发展理念，推动经济社会高质量发展")
    assert [[p.id for p in c] for c in near_duplicate_clusters([a, b])] == [[1, 2]]


def test_clusters_split_huge_buckets_and_report_progress():
    def text(i: int) -> str:  # distinct texts that all start with 坚持
        return "坚持" + "".join(chr(0x4E00 + i * 11 + k) for k in range(10))

    phrases = [P(i, text(i)) for i in range(1, 400)]
    phrases.append(P(1000, "坚持" + phrases[0].text[2:] + "。"))
    seen = []
    clusters = near_duplicate_clusters(
        phrases, max_bucket=50, on_progress=lambda d, t: seen.append((d, t))
    )
    assert [sorted(p.id for p in c) for c in clusters] == [[1, 1000]]
    assert seen and seen[-1][0] == seen[-1][1]


def test_clusters_can_be_cancelled():
    phrases = [P(i, f"坚持推进第{i}项重点工作") for i in range(100)]
    with pytest.raises(InterruptedError):
        near_duplicate_clusters(phrases, should_stop=lambda: True)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet="全面从严治党高质量发展推动坚持。，", min_size=1, max_size=14), max_size=25
    )
)
def test_clusters_only_hold_pairs_linked_at_the_threshold(texts):
    from rapidfuzz import fuzz

    phrases = [P(i, t) for i, t in enumerate(dict.fromkeys(texts))]
    for cluster in near_duplicate_clusters(phrases):
        assert len(cluster) >= 2
        for p in cluster:  # every member is close to some other member
            assert any(fuzz.ratio(p.text, q.text) >= 90 for q in cluster if q is not p)


# --- undoable delete --------------------------------------------------------------------------


def test_remove_and_restore_with_provenance(bank):
    p = bank.add("一分部署，九分落实")
    q = bank.add("成绩不讲跑不了")
    seen_in(bank, p.id, "讲话甲", "一分部署，九分落实。", "s1")
    before = (dump(bank), bank.occurrences(p.id))
    removed = remove_with_provenance(bank, [p.id, q.id])
    assert len(bank) == 0 and bank.occurrences(p.id) == []
    restore_with_provenance(bank, removed)
    assert (dump(bank), bank.occurrences(p.id)) == before
    assert bank.get(p.id).text == "一分部署，九分落实"


def test_a_merge_can_be_undone_from_a_capture(bank):
    keep = bank.add("坚持以人民为中心的发展思想", tags=["民生"])
    other = bank.add("坚持以人民为中心发展思想", favourite=True)
    bank.record_use(other.id)
    seen_in(bank, keep.id, "讲话甲", "坚持以人民为中心的发展思想。", "s1")
    seen_in(bank, other.id, "讲话乙", "坚持以人民为中心发展思想。", "s2")
    before = (dump(bank), bank.occurrences(keep.id), bank.occurrences(other.id))
    snapshot = capture(bank, [keep.id, other.id])
    merged = bank.merge(keep.id, [other.id])
    assert merged.uses == 1 and len(bank.occurrences(keep.id)) == 2
    restore_with_provenance(bank, snapshot)
    assert (dump(bank), bank.occurrences(keep.id), bank.occurrences(other.id)) == before
    bank.build_index()
    assert {p.id for p in bank.search("坚持以人民为中心")} == {keep.id, other.id}
