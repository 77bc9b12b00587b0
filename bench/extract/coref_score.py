"""MUC and B³ coreference scores of a system clustering against a gold one over the same
mentions (both are maps from a mention to its cluster's id; mentions only one side holds are
left out, so the score measures the links, not which mentions were found)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

Clusters = Mapping[Any, Hashable]  # mention -> cluster id


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(100 * self.precision, 2),
            "recall": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
        }


def _groups(clusters: Clusters) -> list[set[Any]]:
    found: dict[Hashable, set[Any]] = defaultdict(set)
    for mention, cluster in clusters.items():
        found[cluster].add(mention)
    return list(found.values())


def _muc_recall(key: Clusters, response: Clusters) -> tuple[int, int]:
    """Vilain et al. (1995): for each key cluster, its size less the number of response
    partitions it falls into, over its size less one."""
    numerator = denominator = 0
    for group in _groups(key):
        parts = {response[m] for m in group}
        numerator += len(group) - len(parts)
        denominator += len(group) - 1
    return numerator, denominator


def muc(gold: Clusters, system: Clusters) -> PRF:
    shared = gold.keys() & system.keys()
    g = {m: gold[m] for m in shared}
    s = {m: system[m] for m in shared}
    rn, rd = _muc_recall(g, s)
    pn, pd = _muc_recall(s, g)
    return PRF(pn / pd if pd else 1.0, rn / rd if rd else 1.0)


def b_cubed(gold: Clusters, system: Clusters) -> PRF:
    """Bagga and Baldwin (1998), each mention weighted equally: a mention's precision is the
    share of its system cluster in its gold cluster, its recall the reverse. Summed by cell
    (gold cluster, system cluster): each of a cell's n mentions scores n / |cluster|."""
    shared = gold.keys() & system.keys()
    if not shared:
        return PRF(0.0, 0.0)
    cells = Counter((gold[m], system[m]) for m in shared)
    gold_size = Counter(gold[m] for m in shared)
    system_size = Counter(system[m] for m in shared)
    precision = sum(n * n / system_size[s] for (_, s), n in cells.items()) / len(shared)
    recall = sum(n * n / gold_size[g] for (g, _), n in cells.items()) / len(shared)
    return PRF(precision, recall)


def ceaf_e(gold: Clusters, system: Clusters) -> PRF:
    """Luo (2005), entity-based: gold and system clusters aligned one to one so that the sum
    of phi4(K, R) = 2|K & R| / (|K| + |R|) is largest (the Hungarian algorithm); that sum over
    the number of system clusters is the precision, over the number of gold clusters the
    recall."""
    from scipy.optimize import linear_sum_assignment

    shared = gold.keys() & system.keys()
    if not shared:
        return PRF(0.0, 0.0)
    keys = _groups({m: gold[m] for m in shared})
    responses = _groups({m: system[m] for m in shared})
    # Only pairs that share a mention score above zero; a dense matrix of the rest is cheap
    # at benchmark sizes (hundreds of clusters).
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in responses] for k in keys]
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    total = sum(similarity[i][j] for i, j in zip(rows, cols, strict=True))
    return PRF(total / len(responses), total / len(keys))


def conll_f1(gold: Clusters, system: Clusters) -> float:
    """The CoNLL-2012 score: the mean F1 of MUC, B3 and CEAF-e (0-1)."""
    return (muc(gold, system).f1 + b_cubed(gold, system).f1 + ceaf_e(gold, system).f1) / 3


def system_scores(gold: Clusters, systems: Mapping[str, Clusters]) -> dict[str, Any]:
    """MUC, B³, CEAF-e and their mean F1 (the CoNLL F1) of each named system against the
    gold."""
    scores = {}
    for name, clusters in systems.items():
        links, b3, ceaf = muc(gold, clusters), b_cubed(gold, clusters), ceaf_e(gold, clusters)
        scores[name] = {
            "muc": links.as_dict(),
            "b_cubed": b3.as_dict(),
            "ceaf_e": ceaf.as_dict(),
            "muc_b_cubed_f1": round(50 * (links.f1 + b3.f1), 2),
            "conll_f1": round(100 * (links.f1 + b3.f1 + ceaf.f1) / 3, 2),
        }
    return scores
