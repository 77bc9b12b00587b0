"""Rewrites on Timeline17: precision and recall of derived-from pairs (resolve/rewrites/).

Synthetic, and said so: Timeline17 has no gold for which article retells which, so rewrites are
made from its articles (bench/extract/rewrites_corpus.py: sentences dropped, added, reordered,
the lead reworded, words substituted; or a 5-sentence excerpt) and mixed with every real
article of the same topic published within a day of their source: the hard negatives, distinct
articles of one event. A predicted pair with a rewrite in it is right when the other is its
source; recall is over the rewrites. Pairs of two real articles are not scored (some are real
rewrites: a wire story an outlet ran, a page updated during the day) and are counted apart.

Anchor in the same run: plain MinHash LSH (Jaccard of the same word shingles, no alignment),
at the near-duplicate threshold 0.5 and at 0.3. Topics: DEV (bpoil, H1N1, haiti, Finan; looked
at while setting the thresholds) and HELD_OUT (Egypt, Libya, Syria, Iraq, MJ; only measured).
Then the real corpus: every Timeline17 article (dated by its folder, as metadata would), the
pairs storyline marks as derived, by topic and reason, and a sample by key.

    .venv/bin/python -m bench.extract.rewrites [--per-split 150]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from datasketch import MinHash, MinHashLSH

from bench.article_cache import Article, read_cache
from bench.dating import t17_corpus
from bench.extract.rewrites_corpus import STRENGTHS, Rewrite, rewrite, sentence_texts, vocabulary_of
from bench.figures.sample import DEV, HELD_OUT
from bench.results import write_run
from storyline.config import Config
from storyline.model import Analysis, Derivation, Document
from storyline.resolve.credits import source_credits
from storyline.resolve.rewrites import find_derivations
from storyline.resolve.rewrites.candidates import shingles
from storyline.resolve.rewrites.settings import rewrite_settings

Pair = frozenset[str]
# The anchor as near-duplicate detection usually runs it (datasketch's default signature).
_ANCHOR_PERM = 128


def _unique(articles: Iterable[Article]) -> list[Article]:
    """One article per document: Timeline17 files some Reuters articles under two topics."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.document.id, a)
    return list(seen.values())


def _mix(
    articles: Sequence[Article], per_split: int, seed: int
) -> tuple[list[Article], list[Rewrite]]:
    """Rewrites of ``per_split`` articles and every real article within a day of a source."""
    rng = random.Random(seed)
    vocabulary = vocabulary_of(articles, 5000, rng)
    eligible = [a for a in articles if len(sentence_texts(a)) >= 8]
    sources = rng.sample(eligible, min(per_split, len(eligible)))
    rewrites = []
    for i, source in enumerate(sources):
        others = [
            a for a in articles if a.split == source.split and abs((a.gold - source.gold).days) > 7
        ]
        donor = rng.choice(others) if others else source
        strength = STRENGTHS[i % len(STRENGTHS)]
        rewrites.append(rewrite(source, strength, sentence_texts(donor), vocabulary, rng))
    days = {(s.split, s.gold + dt.timedelta(days=d)) for s in sources for d in (-1, 0, 1)}
    real = [a for a in articles if (a.split, a.gold) in days]
    return real, rewrites


def _anchor_pairs(documents: Sequence[Document], threshold: float) -> set[Pair]:
    settings = rewrite_settings()
    sets = {d.id: shingles(d.text, settings.shingle_words) for d in documents}
    ids = [i for i in sorted(sets) if sets[i]]
    hashes = MinHash.bulk([sorted(sets[i]) for i in ids], num_perm=_ANCHOR_PERM, seed=7)
    lsh = MinHashLSH(threshold=threshold, num_perm=_ANCHOR_PERM)
    for i, h in zip(ids, hashes, strict=True):
        lsh.insert(i, h)
    found: set[Pair] = set()
    for i, h in zip(ids, hashes, strict=True):
        found |= {
            frozenset((i, o))
            for o in lsh.query(h)
            if o != i and h.jaccard(_of(hashes, ids, o)) >= threshold
        }
    return found


def _of(hashes: Sequence[MinHash], ids: Sequence[str], key: str) -> MinHash:
    return hashes[ids.index(key)]


def _score(predicted: set[Pair], truth: set[Pair], rewrite_of: dict[str, str]) -> dict[str, Any]:
    """Precision and recall over the pairs with a rewrite in them. A wrong pair whose other
    member is an article the pipeline itself marks as a copy of the rewrite's source (a
    twin) is counted apart: it is wrong by the construction, not plainly wrong."""
    synthetic = set(rewrite_of)
    scored = {p for p in predicted if p & synthetic}
    hits = scored & truth
    real = predicted - scored
    twins = 0
    for pair in scored - hits:
        mine = sorted(pair & synthetic)[0]
        other = next(iter(pair - {mine}), mine)
        twins += frozenset((rewrite_of[mine], other)) in real
    precision = len(hits) / len(scored) if scored else 0.0
    recall = len(hits) / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "predicted_with_rewrite": len(scored),
        "correct": len(hits),
        "wrong_with_source_twin": twins,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "real_pairs_marked": len(real),
    }


def _measure(articles: Sequence[Article], per_split: int, seed: int) -> dict[str, Any]:
    real, rewrites = _mix(articles, per_split, seed)
    documents = [a.document for a in real] + [r.document for r in rewrites]
    analyses: list[Analysis] = [a.analysis for a in real] + [r.analysis for r in rewrites]
    days: dict[str, dt.date | None] = {a.document.id: a.gold for a in real}
    days.update({r.document.id: r.day for r in rewrites})
    truth = {frozenset((r.document.id, r.source.document.id)) for r in rewrites}
    rewrite_of = {r.document.id: r.source.document.id for r in rewrites}
    started, cpu = time.perf_counter(), time.process_time()
    derived = find_derivations(documents, analyses, days, source_credits(documents))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    predicted = {frozenset((d.doc, d.derived_from)) for d in derived}
    right_way = sum(1 for d in derived if rewrite_of.get(d.doc) == d.derived_from)
    correct = sum(1 for d in derived if frozenset((d.doc, d.derived_from)) in truth)
    by_strength = {}
    for s in STRENGTHS:
        mine = {
            frozenset((r.document.id, r.source.document.id))
            for r in rewrites
            if r.strength == s.name
        }
        by_strength[s.name] = round(len(mine & predicted) / len(mine), 4) if mine else None
    hard = _hard_negative_count(real)
    return {
        "real_articles": len(real),
        "rewrites": len(rewrites),
        "hard_negative_pairs": hard,
        "storyline": {
            **_score(predicted, truth, rewrite_of),
            "recall_by_strength": by_strength,
            "direction_right": round(right_way / correct, 4) if correct else None,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
        },
        "anchor_minhash_jaccard_0.5": _score(_anchor_pairs(documents, 0.5), truth, rewrite_of),
        "anchor_minhash_jaccard_0.3": _score(_anchor_pairs(documents, 0.3), truth, rewrite_of),
    }


def _hard_negative_count(real: Sequence[Article]) -> int:
    """Pairs of distinct real articles of one topic published on the same day."""
    counts = Counter((a.split, a.gold) for a in real)
    return sum(n * (n - 1) // 2 for n in counts.values())


def _real_corpus(articles: Sequence[Article], sample: int) -> dict[str, Any]:
    documents = [a.document for a in articles]
    days: dict[str, dt.date | None] = {a.document.id: a.gold for a in articles}
    started, cpu = time.perf_counter(), time.process_time()
    derived = find_derivations(
        documents, [a.analysis for a in articles], days, source_credits(documents)
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    key = {a.document.id: a for a in articles}
    rows = [_row(d, key[d.doc], key[d.derived_from]) for d in derived]
    picked = random.Random(11).sample(rows, min(sample, len(rows)))
    return {
        "documents": len(documents),
        "pairs_marked": len(derived),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "by_topic": dict(Counter(r["topic"] for r in rows).most_common()),
        "same_publisher": sum(r["same_publisher"] for r in rows),
        "by_reason": dict(Counter(r["basis"].split(" (")[0] for r in rows).most_common()),
        "sample": picked,
        "cross_publisher": [r for r in rows if not r["same_publisher"]][:sample],
    }


def _row(d: Derivation, doc: Article, source: Article) -> dict[str, Any]:
    return {
        "doc": doc.key,
        "derived_from": source.key,
        "topic": doc.split,
        "same_publisher": doc.publisher == source.publisher,
        "similarity": d.similarity,
        "shared": d.shared,
        "added": len(d.added),
        "dropped": len(d.dropped),
        "basis": d.basis,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-split", type=int, default=150)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--sample", type=int, default=8)
    parser.add_argument("--no-real", action="store_true", help="skip the real-corpus count")
    parser.add_argument("--dev-only", action="store_true", help="only the DEV topics' mix")
    args = parser.parse_args(argv)
    if not t17_corpus.available():
        print(f"Timeline17 is not at {t17_corpus.DATA}: nothing to measure.")
        return 1
    if not read_cache(t17_corpus.CACHE, Config().pipeline_version):
        print(
            f"no Timeline17 analyses for this pipeline under {t17_corpus.CACHE}: parse them first"
        )
        return 1
    articles = _unique(t17_corpus.articles())
    result: dict[str, Any] = {"settings": vars(rewrite_settings())}
    splits = (("dev", DEV),) if args.dev_only else (("dev", DEV), ("held_out", HELD_OUT))
    for name, topics in splits:
        chosen = [a for a in articles if a.split in topics]
        result[name] = _measure(chosen, args.per_split, args.seed)
        print(name, result[name], flush=True)
    if not args.no_real:
        result["real_corpus"] = _real_corpus(articles, args.sample)
        print("real corpus", result["real_corpus"])
    path = write_run("rewrites.json", "bench.extract.rewrites", machine_name="vm-2c", **result)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
