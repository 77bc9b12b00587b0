"""A time expression as a function of its document's publication day.

"on Wednesday" in a past-tense clause names the last Wednesday on or before the day the
article appeared; "October 7" the last October 7 before it. Dating needs that function both
ways: the span an expression names for a candidate publication day (``at``), and the
publication days for which it names a given span (``anchors_for``), e.g. the days on which
"on Wednesday" can mean 2023-12-20.

The time tagger (``storyline.timex.normalize``) is the one authority on what an expression
means; calling it for every candidate day would cost too much, so each expression's behaviour
is learnt from a few calls and checked on another day:

- weekly: "Wednesday", "yesterday", "last week" -- an offset that depends only on the weekday
  of the anchor (seven calls);
- monthly / yearly: "last month", "this year" -- a whole number of months or years away;
- yearly step: "October 7", "in November", "the winter" -- a month, day or season of a year
  that is the anchor's year or one either side, switching on fixed days of the year (found by
  bisection on a reference year);
- fixed: the value does not depend on the anchor ("2023-10-07", "2016");
- other expressions are asked of the tagger day by day (memoized).

Every kind resolves to a value that never moves backwards when the anchor moves forwards,
which is what lets ``anchors_for`` bisect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from storyline.timex import Tense, normalize
from storyline.timex.days import Span, value_span

# Reference days to learn an expression's behaviour: a Monday, and a leap year so that
# "February 29" has a day to fall on.
_REF_MONDAY = dt.date(2024, 1, 1)
_CHECK_MONDAY = dt.date(2019, 6, 3)
_LEAP_YEAR = 2024
# How far from the span it names an anchor can be, by kind (days).
_REACH = {"weekly": 21, "monthly": 400, "yearly": 4000, "step": 800, "other": 800}

_WEEKLY = re.compile(r"XXXX-(?:WXX(?:-[1-7]|-WE)?|XX-XX)")
_MONTHLY = re.compile(r"XXXX-XX")
_YEARLY = re.compile(r"XXXX")
_STEP = re.compile(r"XXXX-(?:[0-9]{2}(?:-[0-9]{2})?|W[0-9]{2}(?:-[1-7])?|Q[1-4]|H[12]|SP|SU|FA|WI)")


def _months(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class Relative:
    """One time expression (its words and clause tense) as a function of the anchor."""

    text: str
    tense: Tense | None
    kind: str  # fixed | weekly | monthly | yearly | step | other | none
    fixed: Span | None = None
    value: str | None = None  # the value without an anchor ("2023-10-07", "XXXX-WXX-3")

    def at(self, anchor: dt.date) -> Span | None:
        """The span of days the expression names in an article published on ``anchor``."""
        if self.kind == "fixed":
            return self.fixed
        if self.kind == "none":
            return None
        return _at(self.text, self.tense, self.kind, anchor)

    @property
    def depends_on_anchor(self) -> bool:
        return self.kind not in ("fixed", "none")

    @property
    def reach(self) -> int:
        return _REACH.get(self.kind, 0)

    def anchors_for(self, target: Span, limits: Span | None = None) -> Span | None:
        """The publication days on which the expression names a span overlapping ``target``
        (one run of days, as the value never moves backwards), or None when there are none."""
        if not self.depends_on_anchor:
            return None
        reach = dt.timedelta(days=self.reach)
        low, high = target[0] - reach, target[1] + reach
        if limits is not None:
            low, high = max(low, limits[0]), min(high, limits[1])
        if low > high:
            return None
        at = self.at

        def ends_by(day: dt.date) -> bool:  # the span ends before the target starts
            span = at(day)
            return span is None or span[1] < target[0]

        def starts_after(day: dt.date) -> bool:
            span = at(day)
            return span is not None and span[0] > target[1]

        first = _first(low, high, lambda d: not ends_by(d))
        if first is None:
            return None
        after = _first(first, high, starts_after)
        last = high if after is None else after - dt.timedelta(days=1)
        if first > last:
            return None
        span = at(first)
        if span is None or span[1] < target[0] or span[0] > target[1]:
            return None
        return first, last


def _first(low: dt.date, high: dt.date, test: Callable[[dt.date], bool]) -> dt.date | None:
    """The first day in [low, high] for which a monotone test (False...True) holds."""
    if low > high or not test(high):
        return None
    lo, hi = low.toordinal(), high.toordinal()
    while lo < hi:
        mid = (lo + hi) // 2
        if test(dt.date.fromordinal(mid)):
            hi = mid
        else:
            lo = mid + 1
    return dt.date.fromordinal(lo)


@cache
def relative(text: str, tense: Tense | None) -> Relative:
    """The Relative for an expression's words in a clause of that tense (cached: the same
    words recur across a corpus)."""
    free = normalize(text, None, tense)
    if free is None or free.type not in ("DATE", "TIME"):
        return Relative(text, tense, "none")
    span = value_span(free.value)
    if span is not None:
        return Relative(text, tense, "fixed", span, free.value)
    head = free.value.split("T")[0]
    for kind, pattern in (
        ("weekly", _WEEKLY),
        ("monthly", _MONTHLY),
        ("yearly", _YEARLY),
        ("step", _STEP),
    ):
        if pattern.fullmatch(head):
            if _learn(text, tense, kind) is not None:
                return Relative(text, tense, kind, value=free.value)
            break
    if _ask(text, tense, _REF_MONDAY) is None:
        return Relative(text, tense, "none", value=free.value)
    return Relative(text, tense, "other", value=free.value)


# --- the tagger, asked once per (words, tense, day) ----------------------------------------


@cache
def _ask(text: str, tense: Tense | None, anchor: dt.date) -> Span | None:
    found = normalize(text, anchor, tense)
    return value_span(found.value) if found is not None else None


@lru_cache(maxsize=1 << 18)
def _at(text: str, tense: Tense | None, kind: str, anchor: dt.date) -> Span | None:
    return _resolver(text, tense, kind)(anchor)


def _resolver(text: str, tense: Tense | None, kind: str) -> Callable[[dt.date], Span | None]:
    model = _learn(text, tense, kind) if kind != "other" else None
    if model is None:
        return lambda anchor: _ask(text, tense, anchor)
    return model


# --- learnt behaviours ----------------------------------------------------------------------


@cache
def _learn(text: str, tense: Tense | None, kind: str) -> Callable[[dt.date], Span | None] | None:
    """A fast resolver for the expression, or None when the tagger does not behave as the
    kind says (then it is asked day by day)."""
    if kind == "weekly":
        return _weekly(text, tense)
    if kind == "monthly":
        return _shifted(text, tense, months=True)
    if kind == "yearly":
        return _shifted(text, tense, months=False)
    if kind == "step":
        return _step(text, tense)
    return None


def _weekly(text: str, tense: Tense | None) -> Callable[[dt.date], Span | None] | None:
    offsets: dict[int, tuple[int, int]] = {}
    for i in range(7):
        day = _REF_MONDAY + dt.timedelta(days=i)
        span = _ask(text, tense, day)
        check = _ask(text, tense, _CHECK_MONDAY + dt.timedelta(days=i))
        if span is None or check is None:
            return None
        offset = ((span[0] - day).days, (span[1] - day).days)
        check_day = _CHECK_MONDAY + dt.timedelta(days=i)
        if offset != ((check[0] - check_day).days, (check[1] - check_day).days):
            return None
        offsets[day.isoweekday()] = offset

    def resolve(anchor: dt.date) -> Span | None:
        a, b = offsets[anchor.isoweekday()]
        try:
            return anchor + dt.timedelta(days=a), anchor + dt.timedelta(days=b)
        except OverflowError:
            return None

    return resolve


def _shifted(
    text: str, tense: Tense | None, *, months: bool
) -> Callable[[dt.date], Span | None] | None:
    def shift(anchor: dt.date) -> int | None:
        span = _ask(text, tense, anchor)
        if span is None:
            return None
        if months:
            return _months(span[0]) - _months(anchor)
        return span[0].year - anchor.year

    first, second = shift(dt.date(2024, 5, 15)), shift(dt.date(2019, 11, 3))
    if first is None or first != second:
        return None

    def resolve(anchor: dt.date) -> Span | None:
        if months:
            year, month0 = divmod(_months(anchor) + first, 12)
            value = f"{year:04d}-{month0 + 1:02d}"
        else:
            value = f"{anchor.year + first:04d}"
        return value_span(value)

    return resolve


def _reaches(offset: Callable[[dt.date], int | None], level: int) -> Callable[[dt.date], bool]:
    def test(day: dt.date) -> bool:
        value = offset(day)
        return value is not None and value >= level

    return test


def _step(text: str, tense: Tense | None) -> Callable[[dt.date], Span | None] | None:
    """ "October 7" and kin: the year is the anchor's, give or take one, and which one
    changes on (at most two) fixed days of the year, in order -1 -> 0 -> +1."""
    free = normalize(text, None, tense)
    if free is None:
        return None
    template = free.value.split("T")[0]

    def offset(day: dt.date) -> int | None:
        span = _ask(text, tense, day)
        if span is None:
            return None
        named = value_span(template.replace("XXXX", f"{span[0].year:04d}", 1))
        if named != span:
            # The value starts in another year than its own (a winter spanning New Year).
            named = value_span(template.replace("XXXX", f"{span[0].year - 1:04d}", 1))
            if named != span:
                return None
            return span[0].year - 1 - day.year
        return span[0].year - day.year

    start, end = dt.date(_LEAP_YEAR, 1, 1), dt.date(_LEAP_YEAR, 12, 31)
    low, high = offset(start), offset(end)
    if low is None or high is None or not -1 <= low <= high <= 1:
        return None
    # Days of the reference year on which the offset steps up (at most two steps).
    steps: list[tuple[tuple[int, int], int]] = []
    current, day = low, start
    while current < high:
        level = current + 1
        found = _first(day, end, _reaches(offset, level))
        if found is None:
            return None
        reached = offset(found)
        if reached is None:
            return None
        steps.append(((found.month, found.day), reached))
        current, day = reached, found
    checks = (dt.date(2019, 3, 1), dt.date(2021, 8, 20), dt.date(2022, 12, 30))

    def resolve(anchor: dt.date) -> Span | None:
        shift = low
        for (month, mday), level in steps:
            if (anchor.month, anchor.day) >= (month, mday):
                shift = level
        year = anchor.year + shift
        if not 1 <= year <= 9999:
            return None
        return value_span(template.replace("XXXX", f"{year:04d}", 1))

    if any(resolve(d) != _ask(text, tense, d) for d in checks):
        return None
    return resolve
