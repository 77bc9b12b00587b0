"""Documents grouped into stories.

First cut: two documents belong to one story when they share at least ``MIN_SHARED`` of their
most mentioned actors; stories are the connected components of that relation. An inverted
index from entity to documents keeps the cost near linear in the corpus size.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.model import Analysis, Entity, Event, Story, sha256_hex

TOP_ENTITIES = 6
MIN_SHARED = 2


def _salient(analysis: Analysis, remap: dict[str, str]) -> list[str]:
    counts = Counter(remap.get(m.entity, m.entity) for m in analysis.mentions)
    return [eid for eid, _ in counts.most_common(TOP_ENTITIES)]


def group_stories(
    analyses: Sequence[Analysis],
    remap: dict[str, str],
    entities: Sequence[Entity],
    events: Sequence[Event],
) -> list[Story]:
    salient = {a.doc: _salient(a, remap) for a in analyses}
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
        # Very common actors link everything; they are counted but capped so that one
        # ubiquitous name cannot make the pair loop quadratic.
        for i, a in enumerate(docs[:200]):
            for b in docs[i + 1 : 200]:
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= MIN_SHARED:
            parent[find(a)] = find(b)

    members: dict[str, list[str]] = defaultdict(list)
    for doc in salient:
        members[find(doc)].append(doc)
    names = {e.id: e.name for e in entities}
    events_by_doc: dict[str, list[str]] = defaultdict(list)
    for ev in events:
        for doc in ev.documents:
            events_by_doc[doc].append(ev.id)

    stories = []
    for docs in members.values():
        docs.sort()
        top = Counter(eid for d in docs for eid in salient[d]).most_common(3)
        title = " · ".join(names.get(eid, eid) for eid, _ in top) or "Untitled story"
        event_ids = sorted({eid for d in docs for eid in events_by_doc[d]})
        sid = "s:" + sha256_hex("\n".join(docs).encode())[:12]
        stories.append(Story(id=sid, title=title, documents=docs, events=event_ids))
    return sorted(stories, key=lambda s: (-len(s.documents), s.id))
