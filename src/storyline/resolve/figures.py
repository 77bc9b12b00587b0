"""Where sources disagree on a figure.

Two figures disagree when they count the same thing (same ``counts``, and the same subject
where both name one), come from different documents, and neither value falls inside the other's
stated range, while differing by less than ``SERIES_RATIO``. The ratio bound keeps a running
tally (19,667 killed in December 2023, 44,400 a year later) out of the conflicts: such figures
form a series over time, not a disagreement. Figures that disagree, directly or through one
another, are one conflict: one record per quantity, every value and source in it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from storyline.model import Conflict, Figure
from storyline.resolve.figure_series import FigureContext, figure_dates
from storyline.timex.days import day_of

SERIES_RATIO = 1.25
# Below this, different counts are usually different incidents (17 killed in one strike,
# 20 across the territory that day); such figures conflict only when both are dated alike.
SMALL_COUNT = 100
# Two tallies known only by the days their articles appeared hold for the same time when
# those days are this close; further apart, a different value is change, not disagreement.
SAME_TIME_DAYS = 7


def _range(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    if f.approximate:
        # "about 250" covers a few percent either side.
        low, high = min(low, f.value * 0.97), max(high, f.value * 1.03)
    return low, high


def _same_time(a: Figure, b: Figure, context: FigureContext) -> bool:
    """Whether two figures can hold for one time: dates of their own (or of the event that
    counts them) that agree as far as both go ("2023-11" and "2023-11-24"); days of
    publication close together; or one of each (a figure restated without its date)."""
    da, db = context.dates.get(a.id), context.dates.get(b.id)
    if da is None or db is None:
        return True
    (day_a, basis_a), (day_b, basis_b) = da, db
    if basis_a != "publication" and basis_b != "publication":
        return day_a.startswith(day_b) or day_b.startswith(day_a)
    if basis_a == "publication" and basis_b == "publication":
        return _days_apart(day_a, day_b) <= SAME_TIME_DAYS
    return True


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
    """The sets of figures of one count that disagree, directly or through one another.
    Sorted by value, each figure is compared only with the ones within SERIES_RATIO above it
    and, of those, only with the ones above its own range: the same value stated by a
    hundred articles is a hundred agreeing figures, and comparing them pairwise made the cost
    grow with the square of the corpus (a figure whose range does not hold its value is
    compared with every one in the window)."""
    group = sorted(group, key=lambda f: (f.value, f.id))
    values = [f.value for f in group]
    odd = [j for j, f in enumerate(group) if not _plain(f)]
    parent = list(range(len(group)))
    linked: set[int] = set()
    for i, a in enumerate(group):
        for j in _rivals(group, values, odd, i):
            if _disagree(a, group[j], context):
                parent[_root(parent, j)] = _root(parent, i)
                linked.update((i, j))
    components: dict[int, list[Figure]] = defaultdict(list)
    for i in sorted(linked):
        components[_root(parent, i)].append(group[i])
    return list(components.values())


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
        if f.counts:
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
