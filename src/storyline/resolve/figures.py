"""Where sources disagree on a figure.

Two figures disagree when they count the same thing (same ``counts``, and the same subject
where both name one), come from different documents, hold for the same time, and neither value
falls inside the other's stated range ("more than 250" has no top), while differing by less
than ``SERIES_RATIO``. The ratio bound keeps a running tally (19,667 killed in December 2023,
44,400 a year later) out of the conflicts: such figures form a series over time, not a
disagreement. One time (the issue-11 rule) is: dates of their own that agree, article days
within ``SAME_TIME_DAYS`` (of one story, when stories are known: a week's articles about
Cairo and about Misrata count different things), or a dated figure and one an article
restates without its date (``RESTATED_DAYS``).

A conflict is one disagreement about one quantity at one time: figures that disagree, directly
or through one another (1,140 against 1,200 against "about 1,250"), as long as all its values
lie within one ``SERIES_RATIO`` band, all its dates agree (its own dates are one date at
different precisions, its articles' days lie within ``SAME_TIME_DAYS`` of each other and can
restate that date) and it names at most one place (its subject, and a country every sentence
that names countries names: resolve/figure_countries.py). Joining every disagreeing pair instead
chained $100 to $596 trillion and the years 2010 to 2013 into one "conflict" of 4,221 figures
on Timeline17, each link a pair within 25 % and a week: the conflict rings everything and so
says nothing. A figure with no date (or no place) may join the time (place) of the figures it
disagrees with, never bridge two. Pairs are joined closest values first, so a figure between
two times joins the one nearer.

Figures whose count names only a unit ("USD", "%", "barrels": figure_series.unit_only) are no
quantity, so they form no conflicts: two dollar amounts in a week's articles are seldom rival
values of one thing, and a place beside them (a market's "New York") does not make them one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.model import Conflict, Figure
from storyline.resolve.figure_series import FigureContext, figure_dates, unit_only
from storyline.timex.days import day_of

SERIES_RATIO = 1.25
# Below this, different counts are usually different incidents (17 killed in one strike,
# 20 across the territory that day); such figures conflict only when both are dated alike.
SMALL_COUNT = 100
# Two tallies known only by the days their articles appeared hold for the same time when
# those days are this close; further apart, a different value is change, not disagreement.
SAME_TIME_DAYS = 7
# An article may restate a figure with a date of its own without that date ("seizing around
# 240 hostages", two months after 7 October) as long as the story goes on: in the same story,
# or, across stories (or with none known), within this many days of the date. Later, the
# figure is background to other news (the 270 killed at Lockerbie in 1988, in a 2011 Libya
# article) and meets that news's figures only by chance.
RESTATED_DAYS = 365


def _range(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    if f.low is not None and f.high is None:
        # "more than 100,000" is not contradicted by 110,000: a floor has no top.
        high = math.inf
    if f.approximate:
        # "about 250" covers a few percent either side.
        low, high = min(low, f.value * 0.97), max(high, f.value * 1.03)
    return low, high


def _same_time(a: Figure, b: Figure, context: FigureContext) -> bool:
    """Whether two figures can hold for one time: dates of their own (or of the event that
    counts them) that agree as far as both go ("2023-11" and "2023-11-24"); days of
    publication close together; or one of each, the article restating the dated figure
    (_restates)."""
    da, db = context.dates.get(a.id), context.dates.get(b.id)
    if da is None or db is None:
        return True
    (day_a, basis_a), (day_b, basis_b) = da, db
    if basis_a != "publication" and basis_b != "publication":
        return day_a.startswith(day_b) or day_b.startswith(day_a)
    story_a, story_b = context.stories.get(a.evidence.doc), context.stories.get(b.evidence.doc)
    if basis_a == "publication" and basis_b == "publication":
        # Articles of one week in two stories report two pieces of news: their days say
        # nothing of whether the figures count one thing.
        other_news = story_a is not None and story_b is not None and story_a != story_b
        return not other_news and _days_apart(day_a, day_b) <= SAME_TIME_DAYS
    own, published = (day_a, day_b) if basis_b == "publication" else (day_b, day_a)
    return _restates(own, published, story_a is not None and story_a == story_b)


def _restates(own: str, published: str, one_story: bool) -> bool:
    """Whether an article that appeared on ``published`` can restate a figure dated ``own``:
    on or after that date (no one restates a value before its time), in the same story or
    within RESTATED_DAYS."""
    if published[: len(own)] < own:
        return False
    start, day = _first_day(own), day_of(published)
    return one_story or start is None or day is None or (day - start).days <= RESTATED_DAYS


def _first_day(value: str) -> dt.date | None:
    """The first day of a day, month or year ("1988" -> 1988-01-01)."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except ValueError:
        return None


def _days_apart(a: str, b: str) -> int:
    day_a, day_b = day_of(a), day_of(b)
    if day_a is None or day_b is None:
        return 0  # a month or a year: as close as the dates say
    return abs((day_a - day_b).days)


def _disagree(a: Figure, b: Figure, context: FigureContext) -> bool:
    if a.evidence.doc == b.evidence.doc:
        return False
    sa, sb = context.subjects.get(a.id), context.subjects.get(b.id)
    if sa and sb and sa.casefold() != sb.casefold():
        return False
    ca, cb = context.countries.get(a.id), context.countries.get(b.id)
    if ca and cb and not ca & cb:
        return False
    if not _same_time(a, b, context):
        return False
    own_day = a.as_of and a.as_of == b.as_of
    if max(a.value, b.value) < SMALL_COUNT and not own_day:
        return False
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    if lo_a <= hi_b and lo_b <= hi_a:
        return False
    small, big = sorted((a.value, b.value))
    return small > 0 and big / small < SERIES_RATIO


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _plain(f: Figure) -> bool:
    """Whether the figure's range holds its value (low <= value <= high): one that does
    cannot disagree with a figure of that kind whose value lies inside its range."""
    low, high = _range(f)
    return low <= f.value <= high


def _disagreeing(group: list[Figure], context: FigureContext) -> list[list[Figure]]:
    """The conflicts among figures of one count (module docstring), each in order of value.
    Sorted by value, each figure is compared only with the ones within SERIES_RATIO above it
    and, of those, only with the ones above its own range: the same value stated by a
    hundred articles is a hundred agreeing figures, and comparing them pairwise made the cost
    grow with the square of the corpus (a figure whose range does not hold its value is
    compared with every one in the window). The disagreeing pairs are then joined closest
    values first, a join refused when the conflict would span more than one band, time or
    place."""
    group = sorted(group, key=lambda f: (f.value, f.id))
    values = [f.value for f in group]
    odd = [j for j, f in enumerate(group) if not _plain(f)]
    pairs = [
        (group[j].value / a.value, i, j)
        for i, a in enumerate(group)
        for j in _rivals(group, values, odd, i)
        if _disagree(a, group[j], context)
    ]
    parent = list(range(len(group)))
    parts: dict[int, _Part] = {}
    linked: set[int] = set()
    for _, i, j in sorted(pairs):
        root_i, root_j = _root(parent, i), _root(parent, j)
        if root_i != root_j:
            part_i = parts.get(root_i) or _Part.of(group[root_i], context)
            part_j = parts.get(root_j) or _Part.of(group[root_j], context)
            joined = part_i.joined(part_j)
            if joined is None:
                continue
            parent[root_j] = root_i
            parts[root_i] = joined
        linked.update((i, j))
    components: dict[int, list[Figure]] = defaultdict(list)
    for i in sorted(linked):
        components[_root(parent, i)].append(group[i])
    return list(components.values())


@dataclass(frozen=True)
class _Part:
    """What a conflict being gathered spans: its values, the days its articles appeared, the
    most precise date of its own (every other one a prefix of it), the place it names and
    its articles' stories."""

    low: float
    high: float
    first_day: dt.date | None
    last_day: dt.date | None
    own_date: str | None
    place: str | None
    stories: frozenset[str]  # "" for an article in no known story
    countries: frozenset[str] | None  # the ones every member's sentence names, of those naming any

    @classmethod
    def of(cls, f: Figure, context: FigureContext) -> _Part:
        day, basis = context.dates.get(f.id, (None, None))
        published = day_of(day) if basis == "publication" else None
        own = day if basis is not None and basis != "publication" else None
        place = context.subjects.get(f.id)
        story = context.stories.get(f.evidence.doc, "")
        folded = place and place.casefold()
        countries = context.countries.get(f.id)
        return cls(
            f.value, f.value, published, published, own, folded, frozenset((story,)), countries
        )

    def joined(self, other: _Part) -> _Part | None:
        """The two as one conflict, or None when that would hold values beyond one
        SERIES_RATIO band, two times or two places (named, or the countries of their
        sentences)."""
        low, high = min(self.low, other.low), max(self.high, other.high)
        if low <= 0 or high / low >= SERIES_RATIO:
            return None
        if self.place and other.place and self.place != other.place:
            return None
        own = _finer(self.own_date, other.own_date)
        if own == "":
            return None
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d]
        countries = self.countries
        if countries is not None and other.countries is not None:
            countries = countries & other.countries
            if not countries:
                return None
        elif countries is None:
            countries = other.countries
        stories = self.stories | other.stories
        one_story = len(stories) == 1 and "" not in stories
        if own is None and days and len(stories - {""}) > 1:
            return None  # timed only by articles' days, in two stories (_same_time)
        if own and days and not all(_restates(own, d.isoformat(), one_story) for d in days):
            return None
        if days and (max(days) - min(days)).days > SAME_TIME_DAYS:
            # Also beside a date of its own: articles months apart joined by one dated figure
            # ("killing 257 since 2003") are a tally's course, not one time's count.
            return None
        return _Part(
            low,
            high,
            min(days, default=None),
            max(days, default=None),
            own,
            self.place or other.place,
            stories,
            countries,
        )


def _finer(a: str | None, b: str | None) -> str | None:
    """The more precise of two dates when they agree as far as both go ("2023-11" and
    "2023-11-24"), "" when they do not."""
    if a is None or b is None:
        return a or b
    if a.startswith(b):
        return a
    return b if b.startswith(a) else ""


def _rivals(group: list[Figure], values: list[float], odd: list[int], i: int) -> list[int]:
    """The figures after the i-th that can disagree with it, in order: up to the first whose
    value is SERIES_RATIO times its own, less the plain ones inside its range (both plain, they
    overlap) and, when it has no date, the small counts."""
    a = group[i]
    if a.value > 0:
        end = bisect.bisect_left(values, True, i + 1, key=lambda v: v / a.value >= SERIES_RATIO)
    else:
        end = len(group)
    start = i + 1
    if not a.as_of:  # two small counts disagree only when dated alike: none below SMALL_COUNT
        start = bisect.bisect_left(values, SMALL_COUNT, start, end)
    if not _plain(a):
        return list(range(start, end))
    above = bisect.bisect_right(values, _range(a)[1], start, end)
    inside = odd[bisect.bisect_left(odd, start) : bisect.bisect_left(odd, above)]
    return [*inside, *range(above, end)]


def own_context(figures: Iterable[Figure]) -> FigureContext:
    """What the figures say of themselves: their own place and as-of date (for a story
    resolved without the other stages, and for tests)."""
    figures = list(figures)
    return FigureContext({f.id: f.subject for f in figures}, figure_dates(figures, [], []))


def figure_conflicts(
    figures: Iterable[Figure], context: FigureContext | None = None
) -> list[Conflict]:
    """One conflict per quantity and time the sources disagree on: every figure that
    disagrees with another of the same count (directly or through a third: 1,140 against
    1,200 against "about 1,250") is one record, its values and sources listed once each."""
    figures = list(figures)
    context = context or own_context(figures)
    by_counts: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.counts and not unit_only(f.counts):
            by_counts[f.counts.lower()].append(f)
    conflicts = []
    for counts, group in sorted(by_counts.items()):
        for members in _disagreeing(group, context):
            shown = list(dict.fromkeys(_show(f) for f in members))
            note = f"{counts}: " + " vs ".join(shown)
            conflicts.append(
                Conflict(
                    kind="figure",
                    items=[f.id for f in members],
                    note=note,
                    quantity=_quantity(members, context),
                    date=_conflict_date(members, context),
                )
            )
    return conflicts


def _quantity(members: list[Figure], context: FigureContext) -> str:
    """The quantity disagreed on, named with its place when any member gives one."""
    placed = next((f for f in members if context.subjects.get(f.id)), members[0])
    return context.label(placed)


def _conflict_date(members: list[Figure], context: FigureContext) -> str | None:
    """The time the values hold for: the most precise date of their own or of their event,
    else the first day one of them was reported."""
    dates = [context.dates[f.id] for f in members if f.id in context.dates]
    own = [day for day, basis in dates if basis != "publication"]
    if own:
        return max(own, key=len)
    return min((day for day, _ in dates), default=None)


def _show(f: Figure) -> str:
    value = f"{f.value:,.0f}" if f.value.is_integer() else f"{f.value:,}"
    who = f" ({f.attributed_to})" if f.attributed_to else ""
    return f"{value}{who}"
