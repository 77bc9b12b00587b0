"""The corpus's period: an undated article most likely appeared while the corpus's dated ones did.

People gather the articles of one story, so an undated article of a corpus belongs, most
likely, to the months its dated articles cover. This says nothing about the day; it decides
what a document's own words leave open across years: "on Sept. 26" in a past-tense clause, or
a wire dateline "Sept. 28", names a day of every year, and the corpus's period picks the year.
A lean only: it never bounds the interval (an old article in a new corpus stays possible).

The same holds for the days of the week: outlets publish less at weekends (PolNeAR: 6-8 % of
its articles on a Saturday or a Sunday, 15-20 % on each weekday), so between a Friday and a
Saturday that the text allows alike, the corpus's own habit decides.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from storyline.resolve.dating.clues import Lean
from storyline.timex.days import Span

# Fewer dated documents than this say too little about the corpus's period.
MIN_DATED = 3
# ... or about its weekdays; and each weekday counts this many articles more than it has
# (smoothing: a weekday without a dated article is rare, not impossible).
MIN_DATED_WEEKDAYS = 30
WEEKDAY_SMOOTHING = 2
# Days on either side of the dated documents still counted as the period: undated articles
# often are the newest ones, gathered before their metadata was.
MARGIN_DAYS = 31
# Beyond the margin, the likelihood falls by a factor e every SCALE_DAYS days.
SCALE_DAYS = 30.0
# A period up to this long offers its days as candidates for the best day (what lets a
# year-less "Sept. 26" pick one); a longer one only weighs the days other evidence offers: going
# through every day of a decade for each undated article would cost more than it tells.
MAX_CANDIDATE_DAYS = 800
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
    candidates = ((first, last),) if (last - first).days <= MAX_CANDIDATE_DAYS else ()
    return Lean(score, reason, absolute=True, support=candidates)


def weekday_lean(days: Iterable[dt.date]) -> Lean | None:
    """Lean towards the weekdays the corpus's dated documents appeared on, in proportion."""
    counts = [0] * 7
    for day in days:
        counts[day.weekday()] += 1
    total = sum(counts)
    if total < MIN_DATED_WEEKDAYS:
        return None
    shares = [(c + WEEKDAY_SMOOTHING) / (total + 7 * WEEKDAY_SMOOTHING) for c in counts]
    logs = [math.log(7 * share) for share in shares]

    def score(day: dt.date) -> float:
        return logs[day.weekday()]

    return Lean(score, "the weekdays the corpus's dated documents appeared on")
