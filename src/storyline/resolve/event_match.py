"""Whether two events of different documents are one real event: what each report says of it
(type, the word naming it, actors, the days it can be on, the words and names around it) and
how strongly two reports agree.

Dates decide first: two events whose days cannot overlap are two events (the Mossad chief met
the CIA director in December 2023 and again in March 2024). An event whose days are bounded
on one side only (dated by its article's publication: it happened by then; "had met" under a
dated report) or not at all needs stronger agreement of the rest than one dated by its words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyline.model import Event
from storyline.resolve.event_words import family
from storyline.timex.days import value_span

# Points of agreement: the same word naming the event, or one of its family; each actor both
# reports name (more when in the same role); each other name both sentences hold; shared
# words of the sentences (Jaccard, scaled); one and the same day.
SAME_WORD = 2.5
SAME_FAMILY = 2.0
SHARED_ACTOR = 1.5
SAME_ROLE = 0.5
SHARED_NAME = 0.5
MAX_NAMES = 1.5
WORDS = 3.0
SAME_DAY = 1.5
NEAR_DAYS = 1.0
NEAR = 7  # days: two spans this short are "about the same time"
# Days: a span of words' dates wider than this (a year, "between August and October") says
# too little to count as dated.
FIRM = 31
# Both sentences count something and no count is the same ("over 770 deaths" / "killed at
# least 20"): a toll of another event, more often than a revised one.
OTHER_COUNTS = -1.0
# Another pair of events in the same two sentences agrees too: the sentence was retold.
RETOLD = 2.0
# Actors of the same kind in the same role that differ ("the US vetoed" / "Russia vetoed").
OTHER_ACTOR = -1.5
# What a pair needs: both dated by their words; at least one bounded on one side or undated.
NEEDED_FIRM = 4.0
NEEDED_LOOSE = 5.5

_TOKEN = re.compile(r"[a-z]+|[0-9][0-9,.]*")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_COUNT = re.compile(r"[0-9][0-9,.]*[0-9]|[0-9]")


@dataclass(frozen=True)
class Report:
    """One document's event, as compared with others."""

    event: Event
    family: str
    word: str  # the trigger's words, lower-cased: the same words score more than kin
    first: dt.date | None  # the days it can be on; None: open on that side
    last: dt.date | None
    firm: bool  # dated by its words on both sides
    roles: tuple[str | None, str | None, str | None]  # source, target, location
    names: frozenset[str]  # every entity its sentence names (its actors included)
    words: frozenset[str]
    counts: frozenset[str]  # the numbers its sentence holds, digits only
    weekday: int | None  # the day of the week its date's words name ("on Thursday"): 0-6

    @property
    def doc(self) -> str:
        return self.event.documents[0] if self.event.documents else self.event.id

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(r for r in self.roles if r is not None)


def event_days(event: Event) -> tuple[dt.date | None, dt.date | None, bool]:
    """The first and last day the event can be on (None: open), and whether its words bound
    it on both sides."""
    if event.date_basis == "publication" or (
        event.date_latest is not None and event.date_earliest is None
    ):
        bound = value_span(event.date_latest or event.date)
        return None, bound[1] if bound else None, False
    if event.date_earliest is not None or event.date_latest is not None:
        first, last = value_span(event.date_earliest), value_span(event.date_latest)
        start, end = (first[0] if first else None), (last[1] if last else None)
        return start, end, start is not None and end is not None and (end - start).days <= FIRM
    own = value_span(event.date)
    if own is None:
        return None, None, False
    return own[0], own[1], (own[1] - own[0]).days <= FIRM


def sentence_words(text: str, trigger: str) -> frozenset[str]:
    """Content words and numbers of a sentence, less the trigger's own (scored apart)."""
    skip = set(_TOKEN.findall(trigger.lower()))
    return frozenset(
        t.rstrip(",.")
        for t in _TOKEN.findall(text.lower())
        if t not in skip and (len(t) >= 4 or t[0].isdigit())
    )


def make_report(event: Event, names: frozenset[str]) -> Report:
    trigger = event.trigger.text if event.trigger is not None else event.summary
    sentence = event.mentions[0].text if event.mentions else event.summary
    first, last, firm = event_days(event)
    roles = (event.source_actor, event.target_actor, event.location)
    return Report(
        event=event,
        family=family(trigger),
        word=trigger.lower(),
        first=first,
        last=last,
        firm=firm,
        roles=roles,
        names=names | frozenset(r for r in roles if r is not None),
        words=sentence_words(sentence, trigger),
        counts=frozenset(re.sub(r"[,.]", "", n) for n in _COUNT.findall(sentence)),
        weekday=_weekday(event),
    )


def _weekday(event: Event) -> int | None:
    found = _WEEKDAY.search(event.date_evidence.text) if event.date_evidence else None
    return _WEEKDAYS.index(found.group(1).lower()) if found else None


def overlap(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> tuple[dt.date | None, dt.date | None] | None:
    """The days two spans share (None: none)."""
    first = max((d for d in (a[0], b[0]) if d is not None), default=None)
    last = min((d for d in (a[1], b[1]) if d is not None), default=None)
    if first is not None and last is not None and first > last:
        return None
    return first, last


def agreement(
    a: Report, b: Report, kinds: Mapping[str, str], rarity: Mapping[str, float]
) -> float | None:
    """How strongly two reports tell one event (None: they cannot: other types, other
    families of words, days that cannot overlap). Shared words count by their ``rarity``
    (a word most sentences hold says little)."""
    if a.event.type != b.event.type or a.family != b.family:
        return None
    if overlap((a.first, a.last), (b.first, b.last)) is None:
        return None
    if _other_weekday(a, b) or _other_weekday(b, a):
        return None
    score = SAME_WORD if a.word == b.word else SAME_FAMILY
    shared = a.actors & b.actors
    score += SHARED_ACTOR * len(shared)
    for mine, theirs in zip(a.roles, b.roles, strict=True):
        if mine is None or theirs is None:
            continue
        if mine == theirs:
            score += SAME_ROLE
        elif kinds.get(mine) == kinds.get(theirs) and mine not in b.names and theirs not in a.names:
            score += OTHER_ACTOR
    score += min(MAX_NAMES, SHARED_NAME * len((a.names & b.names) - shared))
    union = sum(rarity.get(w, 1.0) for w in a.words | b.words)
    if union:
        score += WORDS * sum(rarity.get(w, 1.0) for w in a.words & b.words) / union
    if a.counts and b.counts and not a.counts & b.counts:
        score += OTHER_COUNTS
    if a.firm and b.firm:
        score += _days_agree(a, b)
    return score


def _other_weekday(a: Report, b: Report) -> bool:
    """ "On Thursday" is not the Sunday the other report is dated to, whatever the days an
    uncertain publication date lets "Thursday" be."""
    if a.weekday is None or b.first is None or b.first != b.last:
        return False
    return b.first.weekday() != a.weekday


def _days_agree(a: Report, b: Report) -> float:
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return 0.0
    if a.first == a.last == b.first == b.last:
        return SAME_DAY
    if (a.last - a.first).days <= NEAR and (b.last - b.first).days <= NEAR:
        return NEAR_DAYS
    return 0.0


def needed(a: Report, b: Report) -> float:
    return NEEDED_FIRM if a.firm and b.firm else NEEDED_LOOSE


def word_rarity(reports: Iterable[Report]) -> dict[str, float]:
    """Each word's inverse document frequency over the reports' sentences (each sentence
    counted once)."""
    seen: dict[tuple[str, int, int], frozenset[str]] = {}
    for r in reports:
        m = r.event.mentions[0] if r.event.mentions else None
        seen[(m.doc, m.start, m.end) if m else (r.event.id, 0, 0)] = r.words
    df: dict[str, int] = {}
    for words in seen.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(seen) + 1
    return {w: math.log(n / c) for w, c in df.items()}
