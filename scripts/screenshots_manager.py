"""Render screenshots of the phrase bank manager and its review queue, offscreen.

    python scripts/screenshots_manager.py [--out docs/screenshots]

Writes manager.png (all entries, a search, provenance), review.png (the review queue after
importing two seed speeches), manager-duplicates.png and manager-stats.png. The bank is
built in a temporary folder from a few standard formulations and the bundled seed speeches.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SPEECH_EDITOR_HOME", tempfile.mkdtemp(prefix="shots-"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from phrasebank import PhraseBank  # noqa: E402

ENTRIES = [
    ("全面从严治党", "formulation", ["党的建设", "强调"], 31, 6),
    ("以习近平同志为核心的党中央", "formulation", ["党的建设"], 28, 12),
    ("推动经济社会高质量发展", "formulation", ["经济发展", "部署任务"], 25, 9),
    ("持续优化营商环境", "formulation", ["营商环境", "部署任务"], 19, 4),
    ("有人抓、有人管、有人负责", "parallel", ["提出要求", "作风建设"], 12, 3),
    ("早开工、早建设、早投产", "parallel", ["项目建设", "部署任务"], 10, 2),
    ("攻坚克难、全力以赴", "four_char", ["结尾号召"], 8, 5),
    ("为加快建设××作出新的更大贡献", "template", ["结尾号召"], 7, 8),
    ("下面，我讲几点意见", "clause", ["过渡承接"], 9, 14),
    ("成绩不讲跑不了，问题不讲解决不了", "clause", ["指出问题"], 6, 1),
    ("一分部署，九分落实", "clause", ["提出要求"], 11, 7),
    ("坚持以人民为中心的发展思想", "formulation", ["民生"], 15, 2),
    ("坚持以人民为中心发展思想", "formulation", ["民生"], 2, 0),
    ("同志们：", "opening", ["开场"], 5, 3),
    ("谢谢大家。", "closing", ["结尾号召"], 5, 3),
]


def settle(app: QApplication, manager, ms: int = 300) -> None:  # type: ignore[no-untyped-def]
    """Let queued answers arrive (a script, not the app: waiting here is fine)."""
    loop = QEventLoop()
    for _ in range(200):
        QTimer.singleShot(ms // 10, loop.quit)
        loop.exec()
        if not manager.loading and manager.job is None:
            break
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    from editor.bank_manager import BankManager

    tmp = tempfile.TemporaryDirectory()
    bank = PhraseBank.open(Path(tmp.name) / "bank.db")
    for text, kind, tags, freq, uses in ENTRIES:
        p = bank.add(text, kind=kind, tags=tags, origin="curated" if freq > 10 else "user")
        with bank._store.transaction() as db:
            db.execute("UPDATE phrases SET freq = ?, uses = ? WHERE id = ?", (freq, uses, p.id))
    bank.update(bank.find("全面从严治党").id, favourite=True, note="党的建设部分必用")
    bank.update(bank.find("一分部署，九分落实").id, favourite=True)
    seeds = sorted((ROOT / "resources" / "seeds").glob("*.txt"))
    m = BankManager(bank)
    m.show_info = lambda *a: None  # type: ignore[method-assign]
    m.resize(1180, 700)
    m.show()
    settle(app, m)
    m.import_speeches([str(p) for p in seeds[:2]])
    settle(app, m, 600)
    # accept a few mined entries so the main table shows provenance
    ids = list(m.review.model.ids())[:40]
    m.set_status(ids, "active")
    settle(app, m)

    m.tabs.setCurrentIndex(0)
    m.search_edit.setText("")
    settle(app, m)
    m.table.sortByColumn(m.model.column_of("freq"), m.table.horizontalHeader().sortIndicatorOrder())
    settle(app, m)
    for row in range(m.model.rowCount()):
        phrase = m.model.phrase_at(row)
        if phrase is not None and bank.occurrences(phrase.id, limit=1):
            m.select_rows([row])
            break
    settle(app, m)
    m.grab().save(str(args.out / "manager.png"))

    m.search_edit.setText("qmcyzd")
    settle(app, m, 500)
    m.grab().save(str(args.out / "manager-search.png"))
    m.search_edit.setText("")

    m.tabs.setCurrentWidget(m.review)
    settle(app, m)
    m.review.table.setCurrentIndex(m.review.model.index(0, 0))
    settle(app, m)
    m.grab().save(str(args.out / "review.png"))

    m.find_duplicates()
    settle(app, m, 500)
    m.grab().save(str(args.out / "manager-duplicates.png"))

    m.tabs.setCurrentWidget(m.stats_view)
    settle(app, m, 500)
    m.grab().save(str(args.out / "manager-stats.png"))

    m.jobs.wait()
    m.close()
    bank.close()
    tmp.cleanup()
    for name in ("manager", "manager-search", "review", "manager-duplicates", "manager-stats"):
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
