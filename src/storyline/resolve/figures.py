"""Where sources disagree on a figure.

Two figures conflict when they count the same thing (same ``counts``, and the same subject
where both name one), come from different documents, and neither value falls inside the other's
stated range, while differing by less than ``SERIES_RATIO``. The ratio bound keeps a running
tally (19,667 killed in December 2023, 44,400 a year later) out of the conflicts: such figures
form a series over time, not a disagreement. A first cut; dated series come with the dating stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from storyline.model import Conflict, Figure

SERIES_RATIO = 1.25
# Below this, different counts are usually different incidents (17 killed in one strike,
# 20 across the territory that day); such figures conflict only when both are dated alike.
SMALL_COUNT = 100


def _range(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    if f.approximate:
        # "about 250" covers a few percent either side.
        low, high = min(low, f.value * 0.97), max(high, f.value * 1.03)
    return low, high


def _disagree(a: Figure, b: Figure) -> bool:
    if a.evidence.doc == b.evidence.doc:
        return False
    if a.subject and b.subject and a.subject.lower() != b.subject.lower():
        return False
    if a.as_of and b.as_of and a.as_of != b.as_of:
        return False
    if max(a.value, b.value) < SMALL_COUNT and not (a.as_of and a.as_of == b.as_of):
        return False
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    if lo_a <= hi_b and lo_b <= hi_a:
        return False
    small, big = sorted((a.value, b.value))
    return small > 0 and big / small < SERIES_RATIO


def figure_conflicts(figures: Iterable[Figure]) -> list[Conflict]:
    by_counts: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.counts:
            by_counts[f.counts.lower()].append(f)
    conflicts = []
    seen: set[tuple[str, str, float, float]] = set()
    for counts, group in sorted(by_counts.items()):
        # Sorted by value, each figure is compared only with the ones within SERIES_RATIO above
        # it: the cost follows the number of near values, not the square of the group.
        group.sort(key=lambda f: (f.value, f.id))
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.value > 0 and b.value / a.value >= SERIES_RATIO:
                    break
                # One conflict per pair of documents and values, however often they repeat them.
                key = (a.evidence.doc, b.evidence.doc, a.value, b.value)
                if key not in seen and _disagree(a, b):
                    seen.add(key)
                    note = f"{counts}: {_show(a)} vs {_show(b)}"
                    conflicts.append(Conflict(kind="figure", items=[a.id, b.id], note=note))
    return conflicts


def _show(f: Figure) -> str:
    value = f"{f.value:,.0f}" if f.value.is_integer() else f"{f.value:,}"
    who = f" ({f.attributed_to})" if f.attributed_to else ""
    return f"{value}{who}"
