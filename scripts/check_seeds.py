"""False alarms and speed of the standard-wording checker on the seed speeches.

Prints every finding on the cleaned seed speeches with its context, so each can be reviewed
by hand (a real slip in a seed is a true finding), the number of findings per 10 000
characters, and the check time for a 30 000-character draft: cold (a fresh checker, nothing
cached) and warm (one paragraph edited, the rest cached, as in the editor), median of several
runs. Also times the checker build.

    python scripts/check_seeds.py [--bank PATH] [--runs 7]

With ``--bank`` the checker also uses that bank's entries (e.g. the default bank).
"""

from __future__ import annotations

import argparse
import statistics
import time
from importlib import resources
from pathlib import Path

from phrasebank import paths
from phrasebank.bank import PhraseBank
from phrasebank.check import Checker
from phrasebank.clean import clean_text
from phrasebank.curated import load_curated
from phrasebank.read import read_document


def seeds() -> list[tuple[str, str]]:
    out = []
    for item in sorted(paths.resource("seeds").iterdir(), key=lambda t: t.name):
        if item.name.endswith(".txt"):
            with resources.as_file(item) as real:
                out.append((item.name, clean_text(read_document(Path(real)).text)))
    return out


def context(text: str, start: int, end: int, width: int = 12) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (text[lo:start] + "【" + text[start:end] + "】" + text[end:hi]).replace("\n", "⏎")


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def synthetic_recall(checker: Checker, entries) -> None:
    """Share of made-up slips caught: one homophone swapped in, one inner character dropped."""
    import random

    from pypinyin.constants import PINYIN_DICT

    from phrasebank.model import SLOT
    from phrasebank.pinyin import readings

    rng = random.Random(1)
    by_reading: dict[str, list[str]] = {}
    for code in sorted(PINYIN_DICT):
        ch = chr(code)
        if "\u4e00" <= ch <= "\u9fff" and readings(ch):
            by_reading.setdefault(readings(ch)[0], []).append(ch)
    kinds = {"homophone": [0, 0], "missing": [0, 0]}
    for e in entries:
        s = e.text
        if len(s) < 6 or SLOT in s:
            continue
        i = rng.randrange(2, len(s) - 2)
        if not "\u4e00" <= s[i] <= "\u9fff":
            continue
        alts = [a for a in by_reading.get((readings(s[i]) or ("",))[0], []) if a != s[i]]
        slips = {"missing": s[:i] + s[i + 1 :]}
        if alts:
            slips["homophone"] = s[:i] + rng.choice(alts[:30]) + s[i + 1 :]
        for kind, bad in slips.items():
            kinds[kind][1] += 1
            kinds[kind][0] += bool(checker.check(f"我们要{bad}。"))
    for kind, (hit, total) in kinds.items():
        print(f"synthetic {kind} slips in curated wordings (≥6 chars): {hit}/{total} caught")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bank", type=Path, help="also use this bank's entries")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    entries = load_curated()
    phrases = []
    if args.bank:
        with PhraseBank.open(args.bank) as bank:
            phrases = bank.phrases()

    def build() -> Checker:
        return Checker(entries, phrases=phrases)

    t0 = time.perf_counter()
    checker = build()
    build_ms = (time.perf_counter() - t0) * 1000
    print(
        f"checker: {len(checker.standards)} standards searched for near misses, "
        f"{checker.rule_count()} exact rules, {len(phrases)} bank entries; built in {build_ms:.0f} ms"
    )

    docs = seeds()
    total_chars = total_findings = 0
    for name, text in docs:
        findings = checker.check(text)
        total_chars += len(text)
        total_findings += len(findings)
        print(f"\n== {name}: {len(text)} characters, {len(findings)} findings")
        for f in findings:
            print(f"  {f.start:>6}  {context(text, f.start, f.end)}")
            print(f"          → {f.standard}  （{f.reason}）")
    rate = total_findings / total_chars * 10000
    print(
        f"\nall seeds: {total_findings} findings in {total_chars} characters = "
        f"{rate:.2f} per 10 000 characters"
    )

    synthetic_recall(checker, entries)

    # A 30 000-character draft: the seeds repeated, each paragraph made unique so the line
    # cache cannot help the cold measurement.
    paragraphs = [p for _n, t in docs for p in t.split("\n") if p]
    draft_lines: list[str] = []
    size = 0
    i = 0
    while size < 30000:
        line = f"{paragraphs[i % len(paragraphs)]}（{i}）"
        draft_lines.append(line)
        size += len(line) + 1
        i += 1
    draft = "\n".join(draft_lines)[:30000]

    def cold() -> None:
        build().check(draft)

    def cold_check_only() -> None:
        fresh = build()
        t = time.perf_counter()
        fresh.check(draft)
        cold_times.append((time.perf_counter() - t) * 1000)

    cold_times: list[float] = []
    for _ in range(args.runs):
        cold_check_only()
    warm_checker = build()
    warm_checker.check(draft)
    edits = iter(range(10**6))

    def warm() -> None:
        # One paragraph changed, as after a pause in typing.
        n = next(edits)
        lines = list(draft_lines)
        j = n % len(lines)
        lines[j] = lines[j] + f"又改{n}"
        warm_checker.check("\n".join(lines))

    warm_ms = median_ms(warm, args.runs)
    print(
        f"\n30 000-character draft ({len(draft)} chars, {len(draft_lines)} paragraphs): "
        f"cold check {statistics.median(cold_times):.1f} ms (median of {args.runs}), "
        f"warm recheck after one edit {warm_ms:.1f} ms; checker build {build_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
