"""Neighbours: documents with much the same content appeared about the same time.

The documents sharing the most rare context keys with an undated one (cosine of IDF-weighted
keys, found through the index's postings, never all pairs) lean its best day towards their
publication days. A lean only: on PolNeAR the closest document appeared within a day of the
undated one about one time in eight.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from storyline.resolve.dating_clues import Lean
from storyline.resolve.dating_facts import FactIndex

NEIGHBOURS = 10
NEIGHBOUR_MIN = 0.05
NEIGHBOUR_SCALE = 3.0  # days: how sharply a neighbour's date attracts


def neighbour_lean(doc: str, index: FactIndex) -> Lean | None:
    """Documents with much the same content appeared about the same time: lean towards the
    publication days of the closest dated ones."""
    keys = index.doc_keys.get(doc)
    if not keys:
        return None
    rare = [k for k in keys if not index.common(k)]
    sims: dict[str, float] = defaultdict(float)
    for key in rare:
        weight = index.idf(key) ** 2
        for other in index.doc_postings.get(key, ()):
            if other != doc:
                sims[other] += weight
    if not sims:
        return None
    norm_self = index.norm(doc)
    scored = [(dot / (norm_self * index.norm(other)), other) for other, dot in sims.items()]
    scored.sort(reverse=True)
    close = [(sim, index.doc_day[o]) for sim, o in scored[:NEIGHBOURS] if sim >= NEIGHBOUR_MIN]
    if not close:
        return None
    total = sum(sim for sim, _ in close)

    def score(d: dt.date) -> float:
        mix = sum(sim * math.exp(-abs((d - day).days) / NEIGHBOUR_SCALE) for sim, day in close)
        return math.log(0.05 + mix / total)

    days = ", ".join(day.isoformat() for _, day in close)
    reason = f"documents with much the same content appeared on {days}"
    window = dt.timedelta(days=10)
    support = tuple((day - window, day + window) for _, day in close)
    return Lean(score, reason, absolute=True, support=support)
