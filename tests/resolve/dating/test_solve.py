"""Weighing clues into an interval and a best day (resolve/dating/solve.py)."""

from __future__ import annotations

import datetime as dt
import math

from storyline.model import Evidence
from storyline.resolve.dating.clues import Clue, Findings, Lean, after, before
from storyline.resolve.dating.solve import solve

D = dt.date
LIMITS = (D(1900, 1, 1), D(2026, 1, 1))
EV = Evidence(doc="d", start=0, end=4, text="word")


def clue(spans: tuple[tuple[dt.date, dt.date], ...], weight: float = 1.0) -> Clue:
    return Clue(spans, weight, "test", (EV,))


def test_no_clue_gives_no_date() -> None:
    assert solve(Findings(), LIMITS) is None


def test_bounds_from_both_sides_make_the_interval() -> None:
    found = Findings(
        clues=[clue(after(D(2023, 12, 1), LIMITS)), clue(before(D(2023, 12, 31), LIMITS))]
    )
    verdict = solve(found, LIMITS)
    assert verdict is not None
    assert (verdict.earliest, verdict.latest) == (D(2023, 12, 1), D(2023, 12, 31))
    # Only the month is supported: the best value is the month, not an invented day.
    assert verdict.best == "2023-12"


def test_a_lighter_clue_that_contradicts_the_others_is_dropped() -> None:
    found = Findings(
        clues=[
            clue(after(D(2015, 1, 1), LIMITS), 1.0),
            clue(after(D(2015, 6, 1), LIMITS), 2.0),
            clue(before(D(2010, 1, 1), LIMITS), 1.5),  # outweighed by the two above
        ]
    )
    verdict = solve(found, LIMITS)
    assert verdict is not None
    assert verdict.earliest == D(2015, 6, 1) and verdict.latest == LIMITS[1]
    assert verdict.best is None


def test_weekday_clue_and_leans_pick_a_day() -> None:
    week = clue(((D(2024, 3, 4), D(2024, 3, 10)),), 2.0)
    saturday = Clue((), 3.0, "yesterday (Friday)", (EV,), frozenset({6}))
    verdict = solve(Findings(clues=[week, saturday]), LIMITS)
    assert verdict is not None
    assert verdict.earliest == verdict.latest == D(2024, 3, 9)
    assert verdict.best == "2024-03-09"

    def near_thursday(day: dt.date) -> float:
        return -abs((day - D(2024, 3, 7)).days) * math.log(3)

    verdict = solve(Findings(clues=[week], leans=[Lean(near_thursday, "t")]), LIMITS)
    assert verdict is not None
    assert (verdict.earliest, verdict.latest) == (D(2024, 3, 4), D(2024, 3, 10))
    assert verdict.best == "2024-03-07"


def test_deciding_clues_are_reported() -> None:
    low = clue(after(D(2023, 10, 7), LIMITS), 3.0)
    high = clue(before(D(2023, 12, 26), LIMITS), 2.0)
    ignored = clue(after(D(1990, 1, 1), LIMITS), 1.0)
    verdict = solve(Findings(clues=[low, high, ignored]), LIMITS)
    assert verdict is not None
    assert verdict.clues[:2] == (low, high)  # the clues that bound it, before the loose one
