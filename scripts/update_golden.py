"""Regenerate the golden cleaned seed speeches in tests/phrasebank/golden/.

Run after a deliberate change to phrasebank.clean, then read ``git diff`` of the golden
folder as a reviewer would: no furniture, no pinyin, no Traditional characters, blanks
as ××, no glued or broken words, sensible paragraphs.

    python scripts/update_golden.py           # rewrite the golden files
    python scripts/update_golden.py --check   # exit 1 if any golden file is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phrasebank.clean import clean_text
from phrasebank.paths import resource

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "phrasebank" / "golden"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)

    GOLDEN.mkdir(parents=True, exist_ok=True)
    stale = []
    seeds = sorted(
        (s for s in resource("seeds").iterdir() if s.name.endswith(".txt")), key=lambda s: s.name
    )
    for seed in seeds:
        cleaned = clean_text(seed.read_text(encoding="utf-8")) + "\n"
        target = GOLDEN / seed.name
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old == cleaned:
            continue
        stale.append(seed.name)
        if not args.check:
            target.write_text(cleaned, encoding="utf-8", newline="\n")
    verb = "stale" if args.check else "updated"
    for name in stale:
        print(f"{verb}: {name}")
    if not stale:
        print("golden files are up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
