"""Weighing the clues about one document's publication day into an interval and a best day.

The interval is the set of days that satisfy the heaviest set of clues (a clue outweighed by
the others, e.g. a tense read wrongly, is dropped rather than emptying the interval); its hull
is reported, so it covers every day the kept evidence allows. The best day is the likeliest day
inside it by the leans; it is given as a day only when the evidence singles one out, otherwise
at the precision the interval supports (its month or year), or not at all.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass

from storyline.resolve.dating.clues import Clue, Findings, Lean
from storyline.timex.days import Span

# Day-by-day weighing (weekday clues, leans) only over intervals up to this long.
MAX_DAYS = 4000
# A best day is claimed when the interval is this short, or when the leans put at least
# BEST_MASS of the probability within a day of it.
SHORT = 14
BEST_MASS = 0.2
_EPS = 1e-9
MAX_DECIDING = 5


@dataclass(frozen=True)
class Verdict:
    earliest: dt.date
    latest: dt.date
    best: str | None  # ISO, at the precision the evidence supports
    best_day: dt.date | None  # the likeliest day, whatever the precision claimed
    clues: tuple[Clue, ...]  # the clues that decided the interval
    leans: tuple[Lean, ...]  # the leans that picked the best day

    @property
    def width(self) -> int:
        return (self.latest - self.earliest).days + 1


def solve(findings: Findings, limits: Span) -> Verdict | None:
    ranges = [c for c in findings.clues if not c.is_weekday and c.spans]
    if not ranges and not any(lean.support for lean in findings.leans):
        return None
    # With no clue the interval is everything up to today; absolute leans may still single
    # out a likeliest day.
    segments = _heaviest_segments(ranges, limits) if ranges else [limits]
    if not segments:
        return None
    days = _refine_by_day(segments, findings.clues)
    earliest, latest = (days[0], days[-1]) if days else (segments[0][0], segments[-1][1])
    candidates = days or _supported_days(segments, findings.leans)
    best_day, mass, leans = _likeliest(candidates, findings.leans)
    if earliest == latest:
        best_day = earliest
    best = _best_label(earliest, latest, best_day, mass, leans)
    deciding = _deciding(findings.clues, earliest, latest, limits)
    return Verdict(earliest, latest, best, best_day, deciding, leans)


def _heaviest_segments(clues: list[Clue], limits: Span) -> list[Span]:
    """The runs of days within limits where the total weight of satisfied clues is highest."""
    cuts = {limits[0], limits[1] + dt.timedelta(days=1)}
    for c in clues:
        for a, b in c.spans:
            if a > limits[1] or b < limits[0]:
                continue
            cuts.add(max(a, limits[0]))
            cuts.add(min(b, limits[1]) + dt.timedelta(days=1))
    points = sorted(cuts)
    scored: list[tuple[float, Span]] = []
    for start, stop in itertools.pairwise(points):
        end = stop - dt.timedelta(days=1)
        weight = sum(c.weight for c in clues if any(a <= start and end <= b for a, b in c.spans))
        scored.append((weight, (start, end)))
    top = max(w for w, _ in scored)
    if top <= 0:
        return []
    return [span for w, span in scored if w >= top - _EPS]


def _refine_by_day(segments: list[Span], clues: list[Clue]) -> list[dt.date]:
    """Days of the heaviest segments that also satisfy the heaviest set of weekday clues; an
    empty list when the segments are too long to go through day by day."""
    total = sum((b - a).days + 1 for a, b in segments)
    if total > MAX_DAYS:
        return []
    days = [a + dt.timedelta(days=i) for a, b in segments for i in range((b - a).days + 1)]
    weekday_clues = [c for c in clues if c.is_weekday]
    if not weekday_clues:
        return days
    weights = [sum(c.weight for c in weekday_clues if c.allows(d)) for d in days]
    top = max(weights)
    return [d for d, w in zip(days, weights, strict=True) if w >= top - _EPS]


def _supported_days(segments: list[Span], leans: list[Lean]) -> list[dt.date]:
    """Days of a long interval where absolute leans put their weight."""
    days: set[dt.date] = set()
    for lean in leans:
        for a, b in lean.support:
            for start, end in segments:
                lo, hi = max(a, start), min(b, end)
                days.update(lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1))
    return sorted(days)


def _likeliest(
    days: list[dt.date], leans: list[Lean]
) -> tuple[dt.date | None, float, tuple[Lean, ...]]:
    """The likeliest day by the leans, the probability within a day of it, and the leans
    that prefer it."""
    if not days or not leans:
        return None, 0.0, ()
    table = [[lean.score(d) for d in days] for lean in leans]
    scores = [sum(column) for column in zip(*table, strict=True)]
    top = max(scores)
    if top - min(scores) < _EPS:
        return None, 0.0, ()
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    i = max(range(len(days)), key=lambda k: (scores[k], -k))
    mass = sum(weights[max(0, i - 1) : i + 2]) / total
    helping = tuple(
        lean for lean, row in zip(leans, table, strict=True) if row[i] > sum(row) / len(row) + _EPS
    )
    return days[i], mass, helping


def _best_label(
    earliest: dt.date,
    latest: dt.date,
    best_day: dt.date | None,
    mass: float,
    leans: tuple[Lean, ...],
) -> str | None:
    if earliest == latest:
        return earliest.isoformat()
    width = (latest - earliest).days + 1
    if best_day is not None and (width <= SHORT or (mass >= BEST_MASS and _has_absolute(leans))):
        return best_day.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}"
    return None


def _has_absolute(leans: tuple[Lean, ...]) -> bool:
    return any(lean.absolute for lean in leans)


def _deciding(
    clues: list[Clue], earliest: dt.date, latest: dt.date, limits: Span
) -> tuple[Clue, ...]:
    """The clues that make the interval what it is: those satisfied across it that cut the
    limits, narrowest first, and the weekday clues it satisfies."""
    kept: list[tuple[int, Clue]] = []
    for c in clues:
        if c.is_weekday:
            if c.allows(earliest) and c.allows(latest):
                kept.append((0, c))
            continue
        run = next(((a, b) for a, b in c.spans if a <= earliest and latest <= b), None)
        if run is None or run == limits:
            continue
        # How far the clue's run reaches beyond the interval on the side where it bounds.
        sides = []
        if run[0] > limits[0]:
            sides.append((earliest - run[0]).days)
        if run[1] < limits[1]:
            sides.append((run[1] - latest).days)
        kept.append((min(sides), c))
    kept.sort(key=lambda t: (t[0], -t[1].weight))
    unique: list[Clue] = []
    for _, c in kept:
        if c not in unique:
            unique.append(c)
    return tuple(unique[:MAX_DECIDING])
