"""Neighbours: documents with much the same content appeared about the same time.

The documents sharing the most rare context keys with an undated one (cosine of IDF-weighted
keys, found through the index's postings, never all pairs) lean its best day towards their
publication days. A lean only: on PolNeAR the closest document appeared within a day of the
undated one about one time in eight; on Timeline17, where several outlets report the same
story day after day, nearly one time in two.

How much that lean weighs is measured on the corpus itself (calibrate_strength): its dated
documents are dated from their neighbours alone, and the weight that best predicts their real
days is kept. PolNeAR gets 1.5, Timeline17's stories 2 to 3.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict

from storyline.resolve.dating.clues import Lean
from storyline.resolve.dating.facts import FactIndex

NEIGHBOURS = 10
NEIGHBOUR_MIN = 0.05
NEIGHBOUR_SCALE = 3.0  # days: how sharply a neighbour's date attracts
# Calibration: the weights tried, how many dated documents are dated from their neighbours
# (an even sample of them) and how many must have neighbours for the measure to count; each is
# scored on the days of the corpus's span up to HORIZON either side of its real day.
STRENGTHS = (1.0, 1.5, 2.0, 3.0, 4.0)
CALIBRATION_SAMPLE = 200
CALIBRATION_MIN = 30
HORIZON = 45


def calibrate_strength(index: FactIndex) -> float:
    """The weight of the neighbour lean that best predicts the real days of the corpus's own
    dated documents (mean log-likelihood of the real day among the days around it); 1.0 when
    too few dated documents have neighbours to tell."""
    dated = sorted(index.doc_day)
    if not dated:
        return 1.0
    # Days outside the corpus's span are left out: that the neighbours' days lie within it
    # is what the corpus period already says (period.py), not what neighbours add.
    first, last = min(index.doc_day.values()), max(index.doc_day.values())
    step = max(1, len(dated) // CALIBRATION_SAMPLE)
    tables: list[tuple[list[float], int]] = []
    for doc in dated[::step]:
        lean = neighbour_lean(doc, index)
        if lean is None:
            continue
        day = index.doc_day[doc]
        start = max(first, day - dt.timedelta(days=HORIZON))
        stop = min(last, day + dt.timedelta(days=HORIZON))
        window = [start + dt.timedelta(days=k) for k in range((stop - start).days + 1)]
        tables.append(([lean.score(d) for d in window], (day - start).days))
    if len(tables) < CALIBRATION_MIN:
        return 1.0
    return max(STRENGTHS, key=lambda s: sum(_log_likelihood(s, t, i) for t, i in tables))


def _log_likelihood(strength: float, scores: list[float], truth: int) -> float:
    top = max(scores)
    total = sum(math.exp(strength * (x - top)) for x in scores)
    return strength * (scores[truth] - top) - math.log(total)


def neighbour_lean(doc: str, index: FactIndex, strength: float = 1.0) -> Lean | None:
    """Documents with much the same content appeared about the same time: lean towards the
    publication days of the closest dated ones, with the weight ``strength``."""
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
    # The few closest of what can be tens of thousands of candidates in a large corpus: a
    # partial selection (the same ones, in the same order, as sorting them all).
    scored = heapq.nlargest(
        NEIGHBOURS, ((dot / (norm_self * index.norm(other)), other) for other, dot in sims.items())
    )
    close = [(sim, index.doc_day[o]) for sim, o in scored if sim >= NEIGHBOUR_MIN]
    if not close:
        return None
    total = sum(sim for sim, _ in close)

    def score(d: dt.date) -> float:
        mix = sum(sim * math.exp(-abs((d - day).days) / NEIGHBOUR_SCALE) for sim, day in close)
        return strength * math.log(0.05 + mix / total)

    days = ", ".join(day.isoformat() for _, day in close)
    reason = f"documents with much the same content appeared on {days}"
    window = dt.timedelta(days=10)
    support = tuple((day - window, day + window) for _, day in close)
    return Lean(score, reason, absolute=True, support=support)
