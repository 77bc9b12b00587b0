"""What dating knows about one document's publication day, before weighing it.

A ``Clue`` says which days the article can have appeared on (one or more runs of days, or
certain weekdays) because of some evidence: "reports October 7, 2023 in the past tense" allows
2023-10-07 and after; "yesterday (Friday)" allows Saturdays. Clues can disagree (a tense read
wrongly, a typo); each has a weight and the solver keeps the days that satisfy the heaviest
consistent set.

A ``Lean`` does not exclude days; it makes some likelier than others ("on Wednesday" in a
past-tense clause is most often one or two days before publication; a document reporting the
same visit appeared on 2023-12-21). Leans pick the best day inside the interval the clues
leave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.model import Evidence
from storyline.timex.days import Span


@dataclass(frozen=True)
class Clue:
    spans: tuple[Span, ...]  # days allowed (sorted runs); empty when `weekdays` is used
    weight: float
    reason: str  # for people: "reports 2023-10-07 in the past tense"
    evidence: tuple[Evidence, ...]
    weekdays: frozenset[int] = frozenset()  # ISO weekdays allowed, for weekday clues

    def allows(self, day: dt.date) -> bool:
        if self.weekdays:
            return day.isoweekday() in self.weekdays
        return any(a <= day <= b for a, b in self.spans)

    @property
    def is_weekday(self) -> bool:
        return bool(self.weekdays)


def after(day: dt.date, limits: Span) -> tuple[Span, ...]:
    """The days from ``day`` on (within limits)."""
    start = max(day, limits[0])
    return ((start, limits[1]),) if start <= limits[1] else ()


def before(day: dt.date, limits: Span) -> tuple[Span, ...]:
    end = min(day, limits[1])
    return ((limits[0], end),) if limits[0] <= end else ()


def within(spans: list[Span] | tuple[Span, ...], limits: Span) -> tuple[Span, ...]:
    """The spans cut to limits, sorted and merged."""
    cut = sorted(
        (max(a, limits[0]), min(b, limits[1]))
        for a, b in spans
        if a <= limits[1] and b >= limits[0]
    )
    merged: list[Span] = []
    for a, b in cut:
        if merged and a <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return tuple(merged)


@dataclass(frozen=True)
class Lean:
    """A log-likelihood over candidate days; ``score(day)`` may be called for every day of
    the interval."""

    score: Callable[[dt.date], float]
    reason: str
    evidence: tuple[Evidence, ...] = ()
    # Leans tied to absolute dates (a linked document's date) can pick a day inside a wide
    # interval; leans that only say "one or two days after a Wednesday" cannot on their own.
    absolute: bool = False
    # Where an absolute lean puts its weight: the days looked at for a best day when the
    # interval is too long to go through day by day.
    support: tuple[Span, ...] = ()


@dataclass
class Findings:
    """Everything gathered about one document."""

    clues: list[Clue] = field(default_factory=list)
    leans: list[Lean] = field(default_factory=list)

    def extend(self, other: Findings) -> None:
        self.clues.extend(other.clues)
        self.leans.extend(other.leans)
