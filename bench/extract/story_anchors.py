"""Anchors for story clustering, measured in the same run as storyline's stream clustering.

- ``shared_actors``: storyline's first cut (until issue 11), kept here as it was: two documents
  belong to one story when they share at least 2 of their 6 most mentioned entities; stories
  are the connected components of that relation (pairs counted through an inverted index,
  capped at 200 documents per entity).
- ``by_year``: one story per publication year, which on Timeline17 already reaches B³ F1 0.72
  because its topics barely overlap in time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from storyline.model import Analysis

TOP_ENTITIES = 6
MIN_SHARED = 2
CAP = 200


def shared_actors(analyses: Sequence[Analysis], remap: Mapping[str, str]) -> dict[str, str]:
    """Document id -> story (a representative document id)."""
    salient = {
        a.doc: [
            e
            for e, _ in Counter(remap.get(m.entity, m.entity) for m in a.mentions).most_common(
                TOP_ENTITIES
            )
        ]
        for a in analyses
    }
    parent = {doc: doc for doc in salient}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    docs_by_entity: dict[str, list[str]] = defaultdict(list)
    for doc, eids in salient.items():
        for eid in eids:
            docs_by_entity[eid].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in docs_by_entity.values():
        for i, a in enumerate(docs[:CAP]):
            for b in docs[i + 1 : CAP]:
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= MIN_SHARED:
            parent[find(a)] = find(b)
    return {doc: find(doc) for doc in salient}


def by_year(days: Mapping[str, dt.date | None]) -> dict[str, str]:
    """Document id -> its publication year (the undated together)."""
    return {doc: str(day.year) if day else "undated" for doc, day in days.items()}
