"""The corpus's period: an undated article most likely appeared while the corpus's dated ones did.

People gather the articles of one story, so an undated article of a corpus belongs, most
likely, to the months its dated articles cover. This says nothing about the day; it decides
what a document's own words leave open across years: "on Sept. 26" in a past-tense clause, or
a wire dateline "Sept. 28", names a day of every year, and the corpus's period picks the year.
A lean only: it never bounds the interval (an old article in a new corpus stays possible).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from storyline.resolve.dating_calendar import Span
from storyline.resolve.dating_clues import Lean

# Fewer dated documents than this say too little about the corpus's period.
MIN_DATED = 3
# Days on either side of the dated documents still counted as the period: undated articles
# often are the newest ones, gathered before their metadata was.
MARGIN_DAYS = 31
# Beyond the margin, the likelihood falls by a factor e every SCALE_DAYS days.
SCALE_DAYS = 30.0
# The lowest log-likelihood the lean gives (so it never outweighs a document's own evidence
# by more than this).
FLOOR = math.log(1e-4)


def corpus_period(days: Iterable[dt.date]) -> Span | None:
    """The days from the first dated document to the last; None when too few are dated."""
    known = sorted(days)
    if len(known) < MIN_DATED:
        return None
    return known[0], known[-1]


def period_lean(period: Span) -> Lean:
    """Lean towards the corpus's period: flat inside it and its margins, falling off outside."""
    margin = dt.timedelta(days=MARGIN_DAYS)
    first, last = period[0] - margin, period[1] + margin

    def score(day: dt.date) -> float:
        if first <= day <= last:
            return 0.0
        gap = (first - day).days if day < first else (day - last).days
        return max(FLOOR, -gap / SCALE_DAYS)

    reason = (
        f"the corpus's dated documents appeared from {period[0].isoformat()} "
        f"to {period[1].isoformat()}"
    )
    return Lean(score, reason, absolute=True, support=((first, last),))
