"""Benchmark the miner against plain jieba segmentation on the same text, in the same run.

Builds a corpus of about ``--mb`` megabytes (UTF-8) in memory from the cleaned seed
speeches, each copy varied (paragraphs shuffled, place words and a few characters
swapped) so that counts are not trivially identical, then prints:

* plain ``jieba.lcut`` throughput over the corpus (MB/s), the baseline;
* the miner's throughput (``mine_texts`` end to end, segmentation included);
* their ratio (goal: ≥ 0.5, the miner at least half of jieba's own speed);
* peak resident memory before and after mining (goal: < 1 GB on 20 MB).

Usage: ``python scripts/bench_mine.py [--mb 20] [--seed 1]``
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

import jieba

from phrasebank.mine import default_tokenizer, mine_texts
from phrasebank.paths import resource as shipped

_SWAPS = [("全县", "全区"), ("全区", "全市"), ("县委", "区委"), ("区委", "市委"), ("街道", "乡镇")]


def seed_texts() -> list[str]:
    try:
        from phrasebank.clean import clean_text
    except ImportError:  # cleaning not available: use the raw seeds
        return [
            p.read_text(encoding="utf-8")
            for p in sorted(shipped("seeds").iterdir(), key=lambda t: t.name)
            if p.name.endswith(".txt")
        ]
    return [
        clean_text(p.read_text(encoding="utf-8"))
        for p in sorted(shipped("seeds").iterdir(), key=lambda t: t.name)
        if p.name.endswith(".txt")
    ]


def vary(text: str, rng: random.Random) -> str:
    """A plausible sibling speech: shuffled middle paragraphs, swapped words and characters."""
    paras = text.splitlines()
    if len(paras) > 4:
        middle = paras[2:-2]
        rng.shuffle(middle)
        paras = paras[:2] + middle + paras[-2:]
    out = "\n".join(paras)
    a, b = rng.choice(_SWAPS)
    out = out.replace(a, b)
    chars = list(out)
    for _ in range(len(chars) // 400):
        i = rng.randrange(len(chars) - 1)
        if "\u4e00" <= chars[i] <= "\u9fff" and "\u4e00" <= chars[i + 1] <= "\u9fff":
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def build_corpus(megabytes: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    seeds = seed_texts()
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        doc = vary(seeds[len(docs) % len(seeds)], rng)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    jieba.setLogLevel(60)
    docs = build_corpus(args.mb, args.seed)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB")

    jieba.initialize()
    default_tokenizer()  # both dictionaries loaded before timing
    t0 = time.perf_counter()
    tokens = 0
    for d in docs:
        tokens += len(jieba.lcut(d))
    t_jieba = time.perf_counter() - t0
    print(f"jieba.lcut: {t_jieba:.2f} s, {megabytes / t_jieba:.3f} MB/s ({tokens} tokens)")

    before = peak_mb()
    t0 = time.perf_counter()
    result = mine_texts(docs)
    t_mine = time.perf_counter() - t0
    after = peak_mb()
    print(
        f"mine_texts: {t_mine:.2f} s, {megabytes / t_mine:.3f} MB/s ({len(result.entries)} entries)"
    )
    print(f"ratio miner/jieba throughput: {t_jieba / t_mine:.2f} (goal >= 0.5)")
    print(f"peak RSS: {before:.0f} MB before mining, {after:.0f} MB after (goal < 1024)")


if __name__ == "__main__":
    main()
