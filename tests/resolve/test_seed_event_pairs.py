"""Events two seed articles both report, and look-alikes that are not one event: the gold
pairs for merging events across documents (issue 11), written from the texts of
../shared/seeds (each event named by a few of its words, found at run time; nothing copied).

Measured: which pairs resolve/event_merge.py makes one Event (one Event holds both mentions,
among its reports), and that every look-alike pair stays two events. The floors pin what is
reached, so that merging can only get better; the printout (`pytest -s`) lists every pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.resolve.seed_story import seed_story

from storyline.model import Document, Event, ResolvedStory

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Said:
    doc: str  # the seed's number, "000"
    locator: str  # a few words of the event's clause, first occurrence
    trigger: str  # the word among them that names the event


@dataclass(frozen=True)
class Pair:
    a: Said
    b: Said
    same: bool  # one real event, or two that look alike


PAIRS = (
    # Haniyeh's trip to Egypt on Wednesday 20 December 2023, told by AFP (000) and by 002, which
    # retells another wire's story of that day (not 000: they share no sentence).
    Pair(
        Said("000", "travelled to Egypt", "travelled"),
        Said("002", "strategic visit", "visit"),
        True,
    ),
    # 7 October 2023: the attack, the killings, the abductions, told by three articles.
    Pair(Said("000", "burst out of Gaza", "burst"), Said("002", "a raid by Hamas", "raid"), True),
    Pair(
        Said("002", "a raid by Hamas", "raid"),
        Said("003", "militants attacking", "attacking"),
        True,
    ),
    Pair(Said("000", "killing around", "killing"), Said("003", "killing 1,200", "killing"), True),
    Pair(
        Said("000", "abducting about", "abducting"),
        Said("003", "abducting more than", "abducting"),
        True,
    ),
    # The Mossad chief met the CIA director in December 2023 and again in March 2024.
    Pair(
        Said("000", "had met CIA director", "met"), Said("004", "had met with his US", "met"), False
    ),
    # Killings fourteen months apart.
    Pair(
        Said("000", "killing around", "killing"), Said("003", "airstrikes killed", "killed"), False
    ),
)


def _story(seeds: str) -> ResolvedStory:
    return seed_story(seeds)


def _find(story: ResolvedStory, said: Said) -> Event | None:
    """The event (merged or not) one of whose triggers covers the said word."""
    doc: Document = next(d for d in story.documents if Path(d.source).name.startswith(said.doc))
    start = doc.text.index(said.locator) + said.locator.index(said.trigger)
    for event in story.events:
        triggers = [event.trigger, *(r.trigger for r in event.reports)]
        for t in triggers:
            if t is not None and t.doc == doc.id and t.start <= start < t.end:
                return event
    return None


def _lines(story: ResolvedStory, event: Event) -> set[int]:
    """The timeline entries that cite the event's sentence."""
    sentence = event.mentions[0]
    return {i for i, t in enumerate(story.timeline) if sentence in t.citations}


def _one_line(story: ResolvedStory, a: Event, b: Event) -> bool:
    """Both on one timeline line, when the merged event is on the timeline."""
    return bool(_lines(story, a) & _lines(story, b))


def test_the_locators_are_in_the_seeds(seeds_dir: Path) -> None:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for pair in PAIRS:
        for said in (pair.a, pair.b):
            assert said.locator in texts[said.doc] and said.trigger in said.locator


# Measured 2026-12-07 (pipeline 0.1.29): before merging across documents none of the 5 pairs
# of one event was one event; now 3 are (Haniyeh's visit to Egypt; the killings and the
# abductions of 7 October, in 000 and 003), each one timeline line. Not yet: "burst out of
# Gaza" is no trigger, and "a raid by Hamas" (dated) / "militants attacking" (dated only by
# 003's publication) share too little beyond Hamas to be merged on so loose a date. Every
# look-alike pair stays apart (a pair merged there would be a wrong merge, not a lower
# score), and 13 of the 14 event mentions the pairs name are found.
FLOOR_SAME_MERGED = 3
FLOOR_FOUND = 13


def test_events_two_articles_report_are_one_event(seeds_dir: Path) -> None:
    story = _story(str(seeds_dir))
    merged = found = 0
    wrong = []
    for pair in PAIRS:
        a, b = _find(story, pair.a), _find(story, pair.b)
        found += (a is not None) + (b is not None)
        together = a is not None and a is b
        print(pair.same, together, pair.a.locator, "~", pair.b.locator)
        if pair.same and together:
            assert a is not None and b is not None
            merged += 1
            seeds = {_seed(story, r.doc) for r in a.reports}
            assert {pair.a.doc, pair.b.doc} <= seeds
            if _lines(story, a):
                assert _one_line(story, a, b)
        if not pair.same and together:
            wrong.append(pair)
    print(f"one event merged {merged}/5, look-alikes merged {len(wrong)}/2, found {found}/14")
    assert found >= FLOOR_FOUND
    assert not wrong
    assert merged >= FLOOR_SAME_MERGED


def _seed(story: ResolvedStory, doc_id: str) -> str:
    return next(Path(d.source).name[:3] for d in story.documents if d.id == doc_id)
