"""Scores of a clustering against gold classes: B³ precision, recall and F1 (Bagga & Baldwin
1998, averaged over items) and adjusted mutual information (Vinh, Epps & Bailey 2010, the
arithmetic-mean normalisation scikit-learn uses by default), written here because the project
does not depend on scikit-learn. tests/quality/test_cluster_scores.py checks both on cases worked
by hand.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

from bench.extract import coref_score


def b_cubed(gold: Sequence[Hashable], found: Sequence[Hashable]) -> dict[str, float]:
    """B³ over items (bench/extract/coref_score.py's, items numbered in order): item i's
    precision is the share of its found cluster that shares its gold class, its recall the
    share of its gold class that shares its found cluster."""
    if len(gold) != len(found):
        raise ValueError("gold and found label different numbers of items")
    scores = coref_score.b_cubed(dict(enumerate(gold)), dict(enumerate(found)))
    return {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1}


def _entropy(sizes: Mapping[Hashable, int], n: int) -> float:
    return -sum(a / n * math.log(a / n) for a in sizes.values() if a)


def _expected_mi(a: Sequence[int], b: Sequence[int], n: int) -> float:
    """E[MI] of two clusterings with these class sizes under the hypergeometric model of
    random labellings with fixed sizes (Vinh et al. 2010, eq. 24a)."""
    lg = math.lgamma
    total = 0.0
    for ai in a:
        for bj in b:
            fixed = lg(ai + 1) + lg(bj + 1) + lg(n - ai + 1) + lg(n - bj + 1) - lg(n + 1)
            for nij in range(max(1, ai + bj - n), min(ai, bj) + 1):
                term = nij / n * math.log(n * nij / (ai * bj))
                log_p = fixed - (
                    lg(nij + 1) + lg(ai - nij + 1) + lg(bj - nij + 1) + lg(n - ai - bj + nij + 1)
                )
                total += term * math.exp(log_p)
    return total


def adjusted_mutual_information(gold: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """AMI = (MI - E[MI]) / (mean(H(gold), H(found)) - E[MI]): 1 for the same partition,
    about 0 for a random one."""
    if len(gold) != len(found):
        raise ValueError("gold and found label different numbers of items")
    n = len(gold)
    gold_size, found_size = Counter(gold), Counter(found)
    if len(gold_size) == len(found_size) <= 1 or len(gold_size) == len(found_size) == n:
        return 1.0
    both = Counter(zip(gold, found, strict=True))
    mi = sum(
        nij / n * math.log(n * nij / (gold_size[g] * found_size[f])) for (g, f), nij in both.items()
    )
    expected = _expected_mi(list(gold_size.values()), list(found_size.values()), n)
    mean_h = (_entropy(gold_size, n) + _entropy(found_size, n)) / 2
    denominator = mean_h - expected
    if abs(denominator) < 1e-15:
        return 0.0
    return (mi - expected) / denominator


def topic_separation(
    gold: Sequence[str], found: Sequence[Hashable], topics: Sequence[str]
) -> dict[str, dict[str, float | int | bool]]:
    """For each topic: the share of its documents in its largest found cluster, the share of
    that cluster which is the topic (its purity), and whether that cluster is no other listed
    topic's largest."""
    both = Counter(zip(gold, found, strict=True))
    found_size = Counter(found)
    main: dict[str, Hashable] = {}
    report: dict[str, dict[str, float | int | bool]] = {}
    for topic in topics:
        mine = sorted(((n, str(f), f) for (g, f), n in both.items() if g == topic), reverse=True)
        if not mine:
            continue
        n, _, cluster = mine[0]
        main[topic] = cluster
        size = sum(m for m, _, _ in mine)
        report[topic] = {
            "documents": size,
            "main_story_share": round(n / size, 4),
            "main_story_purity": round(n / found_size[cluster], 4),
        }
    for topic, cluster in main.items():
        report[topic]["apart"] = sum(1 for c in main.values() if c == cluster) == 1
    return report
