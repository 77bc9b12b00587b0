"""The countries a figure's sentence names, for telling apart counts of different places that
extraction gives no place of their own.

"In Spain, which has 143 confirmed cases" and "Australia has had 147 confirmed cases" both
count "cases" with no subject read from the parse (the place is the subject of "has", not a
modifier of the count), and the same week's articles would set them against each other. The
countries of the entities mentioned in each figure's sentence (Entity.country: a country, a
demonym, a known city) tell them apart: two figures whose sentences name countries, none in
common, count different places' things. A sentence that names none says nothing either way.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence

from storyline.model import Analysis, Entity, Figure


def figure_countries(
    figures: Iterable[Figure], analyses: Sequence[Analysis], entities: Iterable[Entity]
) -> dict[str, frozenset[str]]:
    """Each figure's sentence's countries (ISO alpha-3), by figure id; figures whose sentence
    names none are left out."""
    named: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e in entities:
        if e.country:
            for m in e.mentions:
                named[m.doc].append((m.start, e.country))
    for listed in named.values():
        listed.sort()
    sentences = {a.doc: [(s.start, s.end) for s in a.sentences] for a in analyses}
    found: dict[str, frozenset[str]] = {}
    for f in figures:
        doc = f.evidence.doc
        bounds = _sentence(sentences.get(doc, []), f.evidence.start)
        mentions = named.get(doc)
        if bounds is None or not mentions:
            continue
        first = bisect.bisect_left(mentions, (bounds[0], ""))
        last = bisect.bisect_left(mentions, (bounds[1], ""))
        countries = frozenset(country for _, country in mentions[first:last])
        if countries:
            found[f.id] = countries
    return found


def _sentence(spans: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The span of the sentence holding offset ``at`` (spans in text order)."""
    k = bisect.bisect_right(spans, at, key=lambda span: span[0]) - 1
    if k < 0 or not spans[k][0] <= at < spans[k][1]:
        return None
    return spans[k]
