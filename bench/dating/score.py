"""Scoring inferred publication dates against gold days (pure: no storyline imports).

Each prediction is an interval [earliest, latest] with a best value, or nothing (no evidence
at all). Reported:

- exact / within 1 / within 3 days: the best value is a day and is that close to the gold day
  (a best value that is not a day, or none, counts as a miss);
- coverage: the interval contains the gold day. A document with no interval has an unknown
  date, the interval from the beginning of time to today, which contains it: ``coverage``
  counts it as covered, ``coverage_dated`` leaves such documents out, and ``dated`` says how
  many have an interval at all;
- median width (days) of the intervals given, and of those bounded on both sides by
  evidence (not by the start of time, ``first_day``, nor by ``today``), and the mean
  absolute error of best days.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Prediction:
    gold: dt.date
    earliest: dt.date | None = None
    latest: dt.date | None = None
    best: str | None = None

    @property
    def dated(self) -> bool:
        return self.earliest is not None and self.latest is not None

    @property
    def covered(self) -> bool:
        if self.earliest is None or self.latest is None:
            return True
        return self.earliest <= self.gold <= self.latest

    @property
    def best_day(self) -> dt.date | None:
        if self.best is None or len(self.best) != 10:
            return None
        try:
            return dt.date.fromisoformat(self.best)
        except ValueError:
            return None

    @property
    def error(self) -> int | None:
        day = self.best_day
        return None if day is None else abs((day - self.gold).days)

    @property
    def width(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1


def score(
    predictions: Iterable[Prediction],
    *,
    first_day: dt.date = dt.date(1900, 1, 1),
    today: dt.date | None = None,
) -> dict[str, float | int | None]:
    preds = list(predictions)
    n = len(preds)
    if n == 0:
        return {"documents": 0}
    dated = [p for p in preds if p.dated]
    # Intervals with both ends set by evidence, not by the start of time or today.
    bounded = [p for p in dated if p.earliest != first_day and p.latest != today]
    errors = [p.error for p in preds if p.error is not None]
    widths = [p.width for p in dated if p.width is not None]

    def share(k: int, of: int = n) -> float:
        return round(100.0 * k / of, 2) if of else 0.0

    return {
        "documents": n,
        "dated": len(dated),
        "dated_pct": share(len(dated)),
        "coverage": share(sum(p.covered for p in preds)),
        "coverage_dated": share(sum(p.covered for p in dated), len(dated)),
        "exact": share(sum(e == 0 for e in errors)),
        "within_1": share(sum(e <= 1 for e in errors)),
        "within_3": share(sum(e <= 3 for e in errors)),
        "best_day_given": share(len(errors)),
        "median_width_days": statistics.median(widths) if widths else None,
        "bounded": len(bounded),
        "coverage_bounded": share(sum(p.covered for p in bounded), len(bounded)),
        "median_width_bounded_days": (
            statistics.median(p.width for p in bounded if p.width) if bounded else None
        ),
        "mean_abs_error_days": round(statistics.fmean(errors), 2) if errors else None,
    }
