"""Speed benchmark of the suggestion index against a plain rapidfuzz scan, in the same run.

Builds synthetic banks of realistic entries by recombining real clauses of the seed corpus
(resources/seeds), replays queries taken from real typing positions of a held-out speech plus
slightly mistyped bank clauses, and prints for each bank size:

* index build time and memory (RSS growth while building; the Phrase records are extra);
* p50 / p99 of ``SuggestionIndex.suggest`` and of the naive
  ``rapidfuzz.process.extract(clause, texts, scorer=fuzz.partial_ratio, limit=5)``, and the ratio;
* recall against the naive scan: on typing positions where the naive scan finds an entry that
  starts with the typed clause (score 100), whether our top 5 completes that clause; on
  mistyped clauses, whether the intended entry is in our top 5 (and in the naive top 5).

Usage: python scripts/bench_suggest.py [--sizes 10000,100000,1000000] [--queries 2000]
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import random
import statistics
import sys
import time
from collections import defaultdict

from rapidfuzz import fuzz, process

from phrasebank.model import SLOT, Phrase
from phrasebank.paths import resource
from phrasebank.pinyin import readings
from phrasebank.split import CLAUSE_DELIMITERS, split_clauses, split_paragraphs, split_sentences
from phrasebank.suggest import SuggestionIndex

try:
    from phrasebank.clean import clean_text
except ImportError:  # the cleaner is written by another helper; keep the benchmark usable
    import re

    def clean_text(raw: str) -> str:
        text = re.sub(r"\([a-zāáǎàōóǒòēéěèīíǐìūúǔùüǖǘǚǜ]+\)", "", raw)
        text = text.replace(",", "，").replace(":", "：").replace(";", "；")
        text = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", text)
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def load_corpus() -> list[str]:
    docs = []
    for node in sorted(resource("seeds").iterdir(), key=lambda n: n.name):
        if node.name.endswith(".txt"):
            docs.append(clean_text(node.read_text(encoding="utf-8")))
    return docs


def clauses_of(text: str) -> list[tuple[str, str]]:
    """(clause, mark) pairs of a cleaned text."""
    out: list[tuple[str, str]] = []
    for para in split_paragraphs(text):
        for sent in split_sentences(para):
            out.extend((c.text, c.end[:1]) for c in split_clauses(sent))
    return out


def synthetic_bank(clauses: list[str], size: int, rng: random.Random) -> list[Phrase]:
    """``size`` distinct entries built from real clauses: whole clauses, clause heads cut at a
    word boundary, two clauses joined by a mark, and splices of two clauses at a shared
    character, so first characters and bigrams follow the real text."""
    import jieba

    jieba.setLogLevel(60)
    seen: set[str] = set()
    texts: list[str] = []
    pool = sorted({c for c in clauses if 2 <= len(c) <= 30})
    words = [jieba.lcut(c) for c in pool]
    for c in pool:
        if c not in seen:
            seen.add(c)
            texts.append(c)
    by_char: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(pool):
        for j, ch in enumerate(c):
            if j:
                by_char[ch].append(i)
    attempts = 0
    while len(texts) < size and attempts < size * 20:
        attempts += 1
        r = rng.random()
        i = rng.randrange(len(pool))
        a = pool[i]
        if r < 0.25:
            w = words[i]
            cut = rng.randrange(1, len(w) + 1)
            t = "".join(w[:cut])
        elif r < 0.45:
            t = a + rng.choice("，、；") + rng.choice(pool)
        else:
            j = rng.randrange(1, len(a))
            others = by_char.get(a[j])
            if not others:
                continue
            b = pool[rng.choice(others)]
            k = b.index(a[j], 1)
            t = a[:j] + b[k:]
        t = t[:28]
        if len(t) < 2 or t in seen:
            continue
        if rng.random() < 0.02:
            at = rng.randrange(len(t))
            t = t[:at] + SLOT + t[at:]
        seen.add(t)
        texts.append(t)
    phrases = []
    origins = ("mined", "mined", "mined", "curated", "user", "imported")
    for pid, t in enumerate(texts[:size], start=1):
        phrases.append(
            Phrase(
                id=pid,
                text=t,
                kind="template" if SLOT in t else "clause",
                freq=rng.randrange(1, 60),
                doc_freq=rng.randrange(1, 6),
                quality=round(rng.random(), 2),
                origin=rng.choice(origins),
                uses=rng.randrange(1, 5) if rng.random() < 0.001 else 0,
                last_used=time.time() - rng.randrange(0, 10**7),
                favourite=rng.random() < 0.001,
            )
        )
    return phrases


def mistype(text: str, rng: random.Random, homophones: dict[str, list[str]]) -> str:
    """One homophone slip, missing or extra character in the middle of ``text``."""
    i = rng.randrange(1, len(text) - 1)
    r = rng.random()
    if r < 0.5 and homophones.get(text[i]):
        return text[:i] + rng.choice(homophones[text[i]]) + text[i + 1 :]
    if r < 0.8:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def build_queries(
    held_out: str, bank_clauses: list[str], n: int, rng: random.Random
) -> tuple[list[str], list[tuple[str, str]]]:
    """Typing positions of the held-out speech, and (mistyped, intended) bank clauses."""
    typing: list[str] = []
    for para in split_paragraphs(held_out):
        for i in range(1, len(para)):
            if para[i - 1] not in CLAUSE_DELIMITERS or rng.random() < 0.5:
                typing.append(para[:i])
    rng.shuffle(typing)
    chars = {ch for c in bank_clauses for ch in c}
    by_sound: dict[str, list[str]] = defaultdict(list)
    for ch in sorted(chars):
        for r in readings(ch)[:1]:
            by_sound[r].append(ch)
    homophones = {
        ch: [o for o in by_sound[readings(ch)[0]] if o != ch] for ch in chars if readings(ch)
    }
    long_clauses = sorted({c for c in bank_clauses if 6 <= len(c) <= 16})
    slips = [
        (mistype(c, rng, homophones), c)
        for c in rng.sample(long_clauses, min(200, len(long_clauses)))
    ]
    return typing[:n], slips


def clause_at_caret(before: str) -> str:
    start = max((before.rfind(m) for m in CLAUSE_DELIMITERS + "\n"), default=-1)
    return before[start + 1 :]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(size: int, queries: int, naive_queries: int, seed: int, repeat: int) -> dict[str, float]:
    rng = random.Random(seed)
    docs = load_corpus()
    held_out, bank_docs = docs[1], docs[:1] + docs[2:]
    bank_clauses = [c for d in bank_docs for c, _ in clauses_of(d)]
    all_clauses = bank_clauses + [c for c, _ in clauses_of(held_out)]
    phrases = synthetic_bank(all_clauses, size, rng)
    texts = [p.text for p in phrases]
    typing, slips = build_queries(
        held_out, [t for t in texts if "，" not in t][:50000], queries, rng
    )

    gc.collect()
    before_mb = rss_mb()
    t0 = time.perf_counter()
    index = SuggestionIndex(phrases)
    build_s = time.perf_counter() - t0
    gc.collect()
    index_mb = rss_mb() - before_mb

    slip_queries = ["我们要" + typed for typed, _ in slips]
    replay = typing + slip_queries
    rng.shuffle(replay)
    for q in replay[:50]:  # warm caches (pinyin tables, numpy paths)
        index.suggest(q)
    ours: list[float] = []
    results: dict[str, list[str]] = {}
    for q in replay:
        took = math.inf
        for _ in range(repeat):
            t = time.perf_counter()
            res = index.suggest(q, limit=5)
            took = min(took, (time.perf_counter() - t) * 1000)
        ours.append(took)
        results[q] = [s.text for s in res]

    naive_ms: list[float] = []
    naive_top: dict[str, list[tuple[str, float]]] = {}
    sample = rng.sample(replay, min(naive_queries, len(replay)))
    for q in sample:
        clause = clause_at_caret(q) or q[-4:]
        t = time.perf_counter()
        scan = process.extract(clause, texts, scorer=fuzz.partial_ratio, limit=5)
        naive_ms.append((time.perf_counter() - t) * 1000)
        naive_top[q] = [(r[0], r[1]) for r in scan]

    # Completion recall on typing positions where the naive scan found the clause as a prefix.
    judged = hits = 0
    for q in typing:
        clause = clause_at_caret(q)
        if len(clause) < 2:
            continue
        if q in naive_top:
            top = naive_top[q][0] if naive_top[q] else ("", 0.0)
            relevant = top[1] == 100 and top[0].startswith(clause) and top[0] != clause
        else:
            continue
        if not relevant:
            continue
        judged += 1
        hits += any(t.startswith(clause) and t != clause for t in results[q])
    # Correction recall: one of the top 5 fixes the slip, i.e. inserts a text that starts
    # with the intended clause (ours replace the slip; the naive scan's texts are whole
    # entries, so the same test applies).
    slip_hits = sum(
        any(t.startswith(intended) for t in results["我们要" + typed]) for typed, intended in slips
    )
    naive_slip = [
        any(t.startswith(intended) for t, _ in naive_top["我们要" + typed])
        for typed, intended in slips
        if "我们要" + typed in naive_top
    ]
    return {
        "size": len(phrases),
        "build_s": build_s,
        "index_mb": index_mb,
        "p50": statistics.median(ours),
        "p99": pct(ours, 0.99),
        "naive_p50": statistics.median(naive_ms),
        "naive_p99": pct(naive_ms, 0.99),
        "naive_n": len(naive_ms),
        "n": len(ours),
        "recall_complete": hits / judged if judged else float("nan"),
        "judged": judged,
        "recall_correct": slip_hits / len(slips) if slips else float("nan"),
        "naive_recall_correct": sum(naive_slip) / len(naive_slip) if naive_slip else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=2000, help="typing positions replayed")
    parser.add_argument("--naive", default="", help="naive queries per size, e.g. 300,300,40")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each suggest call this many times and keep the fastest (filters out "
        "scheduler noise when other processes share the CPU; the naive scan is timed once)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    naive = [int(s) for s in args.naive.split(",") if s] or [
        300 if s <= 100_000 else 40 for s in sizes
    ]
    header = (
        f"{'entries':>9} {'build s':>8} {'index MB':>9} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'naive p50':>10} {'naive p99':>10} {'x p50':>6} {'x p99':>6} "
        f"{'recall':>7} {'corr':>5} {'naive corr':>10}"
    )
    print(header)
    if args.repeat > 1:
        print(f"(our times: fastest of {args.repeat} runs of each query)")
    for size, nq in zip(sizes, naive, strict=False):
        r = run(size, args.queries, nq, args.seed, max(1, args.repeat))
        print(
            f"{r['size']:>9} {r['build_s']:>8.1f} {r['index_mb']:>9.0f} {r['p50']:>7.2f} "
            f"{r['p99']:>7.2f} {r['naive_p50']:>10.1f} {r['naive_p99']:>10.1f} "
            f"{r['naive_p50'] / r['p50']:>6.0f} {r['naive_p99'] / r['p99']:>6.0f} "
            f"{r['recall_complete']:>7.2f} {r['recall_correct']:>5.2f} "
            f"{r['naive_recall_correct']:>10.2f}",
            flush=True,
        )
        print(
            f"{'':>9} ({r['n']} queries, naive on {r['naive_n']}; completion recall judged on "
            f"{r['judged']} typing positions)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
