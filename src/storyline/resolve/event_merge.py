"""Events across documents: the reports of one real event in different articles become one
Event with every document, mention, trigger and date evidence (event_combine.py); similar but
distinct events stay apart (event_match.py says when two reports agree).

No step compares all pairs. Reports are blocked by type, the family of the word naming them
and each entity they or their sentence name; within a block of at most MAX_BLOCK reports
every pair is compared, a larger block (a name every article holds) compares each report with
its WINDOW neighbours in date order only. Pairs that agree enough are joined best first, and a
join is refused when the two groups' days cannot overlap or when they hold two reports of one
document (an article tells each event once; two of its events are two events), so that one
report bounded on one side only cannot chain two dated events together.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from storyline.model import Analysis, Entity, Event
from storyline.resolve.event_combine import combine
from storyline.resolve.event_match import (
    RETOLD,
    Report,
    agreement,
    make_report,
    needed,
    overlap,
    word_rarity,
)

MAX_BLOCK = 40
WINDOW = 8

Pair = tuple[int, int]
_SentencePair = tuple[tuple[str, int], tuple[str, int]]


def merge_events(
    events: Sequence[Event],
    analyses: Iterable[Analysis],
    remap: Mapping[str, str],
    entities: Iterable[Entity],
) -> list[Event]:
    """The events with every group of reports of one real event made one Event. Only
    asserted events are merged (a denied, hoped-for or demanded one is a claim, not an event).
    The groups do not depend on the order the events come in (ties go by event id)."""
    reports = make_reports(sorted(events, key=lambda e: e.id), analyses, remap)
    scored = [
        (-score, i, j)
        for (i, j), score in agreeing_pairs(reports, entities).items()
        if score >= needed(reports[i], reports[j])
    ]
    groups = _join(reports, sorted(scored))
    out = []
    for members in groups:
        if len(members) == 1:
            out.append(reports[members[0]].event)
        else:
            out.append(combine([reports[m] for m in members]))
    return out


def make_reports(
    events: Sequence[Event], analyses: Iterable[Analysis], remap: Mapping[str, str]
) -> list[Report]:
    """Each event as compared with others, with the entities its sentence names."""
    names = _sentence_names(events, analyses, remap)
    return [make_report(e, names.get(e.id, frozenset())) for e in events]


def agreeing_pairs(reports: Sequence[Report], entities: Iterable[Entity]) -> dict[Pair, float]:
    """Every pair of asserted reports of different documents that blocking brings together
    and that can be one event, with how strongly they agree (however weakly)."""
    kinds = {e.id: e.kind for e in entities}
    rarity = word_rarity(reports)
    agreeing: dict[Pair, float] = {}
    for i, j in sorted(_candidates(reports)):
        a, b = reports[i], reports[j]
        if a.doc == b.doc or a.event.mode != "asserted" or b.event.mode != "asserted":
            continue
        score = agreement(a, b, kinds, rarity)
        if score is not None:
            agreeing[(i, j)] = score
    retold = _retold(reports, agreeing)
    return {
        (i, j): score + RETOLD * min(1, retold[_sentences(reports[i], reports[j])] - 1)
        for (i, j), score in agreeing.items()
    }


def _sentence(r: Report) -> tuple[str, int]:
    m = r.event.mentions[0] if r.event.mentions else None
    return (m.doc, m.start) if m is not None else (r.event.id, 0)


def _sentences(a: Report, b: Report) -> tuple[tuple[str, int], tuple[str, int]]:
    x, y = _sentence(a), _sentence(b)
    return (x, y) if x <= y else (y, x)


def _retold(reports: Sequence[Report], agreeing: Mapping[Pair, float]) -> Counter[_SentencePair]:
    """How many pairs of events that can be one agree in each pair of sentences."""
    return Counter(_sentences(reports[i], reports[j]) for i, j in agreeing)


def _sentence_names(
    events: Sequence[Event], analyses: Iterable[Analysis], remap: Mapping[str, str]
) -> dict[str, frozenset[str]]:
    """Every entity the sentence of each event names (after cross-document resolution)."""
    mentions: dict[str, list[tuple[int, str]]] = {}
    for a in analyses:
        mentions[a.doc] = sorted(
            (m.evidence.start, remap.get(m.entity, m.entity)) for m in a.mentions if m.named
        )
    found = {}
    for e in events:
        if not e.mentions:
            continue
        sentence = e.mentions[0]
        held = mentions.get(sentence.doc, [])
        lo = bisect.bisect_left(held, (sentence.start, ""))
        hi = bisect.bisect_left(held, (sentence.end, ""))
        found[e.id] = frozenset(entity for _, entity in held[lo:hi])
    return found


def _candidates(reports: Sequence[Report]) -> set[Pair]:
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        if r.event.mode != "asserted":
            continue
        for name in sorted(r.names) or [""]:
            blocks[(r.event.type, r.family, name)].append(i)
    pairs: set[Pair] = set()
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
            continue
        ordered = sorted(members, key=lambda i: (_when(reports[i]), i))
        for n, a in enumerate(ordered):
            pairs.update((min(a, b), max(a, b)) for b in ordered[n + 1 : n + 1 + WINDOW])
    return pairs


def _when(report: Report) -> dt.date:
    return report.first or report.last or dt.date.min


class _Groups:
    """Union-find over reports, each group with the days all its reports allow and the
    documents it holds."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.parent = list(range(len(reports)))
        self.days = [(r.first, r.last) for r in reports]
        self.docs = [{r.doc} for r in reports]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or self.docs[a] & self.docs[b]:
            return
        days = overlap(self.days[a], self.days[b])
        if days is None:
            return
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.days[a] = days
        self.docs[a] |= self.docs[b]


def _join(reports: Sequence[Report], scored: list[tuple[float, int, int]]) -> list[list[int]]:
    groups = _Groups(reports)
    for _, i, j in scored:
        groups.join(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reports)):
        members[groups.find(i)].append(i)
    return list(members.values())
