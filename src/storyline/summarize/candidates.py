"""The sentences a summary timeline may quote, each with the days it refers to.

A candidate is a whole sentence a reader can take alone: it starts as a sentence starts and
ends as one ends, is neither a fragment nor a paragraph run together, is no caption, credit
or link, and is not a question or a quotation standing alone (a timeline reports; it does not
ask or let one voice speak for the day). A wire dateline opening it is left out of its text
and citation. Its days are those of the day-level time expressions inside it; its article's
publication day stands beside them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.model import Analysis, Document, Evidence
from storyline.summarize.settings import SummarySettings, datelines, rejects
from storyline.timex.anchor import anchor_date
from storyline.timex.days import day_of

_OPENING = re.compile(r"[A-Z0-9]")
_CLOSING = re.compile(r"[.!]['\"”’)]?$")
_WORD = re.compile(r"\S+")
_QUOTE_MARKS = "\"“”‘’'"


@dataclass(frozen=True)
class Candidate:
    evidence: Evidence
    published: dt.date | None  # the article's publication day
    days: frozenset[dt.date]  # the days its time expressions name
    position: int  # its place in the article, from 0
    has_event: bool  # the analysis found an event in it
    actors: frozenset[str]  # entity ids of the names it mentions

    @property
    def text(self) -> str:
        return self.evidence.text


def document_candidates(
    document: Document, analysis: Analysis, rules: SummarySettings
) -> Iterator[Candidate]:
    """The quotable sentences of one document, in order."""
    published = anchor_date(document)
    starts = [s.start for s in analysis.sentences]
    days: dict[int, set[dt.date]] = defaultdict(set)
    for te in analysis.times:
        day = day_of(te.value)
        if day is not None:
            days[_sentence_at(starts, te.evidence.start)].add(day)
    events = {
        _sentence_at(starts, ev.trigger.start)
        for ev in analysis.events
        if ev.trigger is not None and ev.mode != "negated"
    }
    actors: dict[int, set[str]] = defaultdict(set)
    for m in analysis.mentions:
        if m.named:
            actors[_sentence_at(starts, m.evidence.start)].add(m.entity)
    for position, sentence in enumerate(analysis.sentences):
        evidence = _quotable(document, sentence.start, sentence.end, rules)
        if evidence is not None:
            yield Candidate(
                evidence=evidence,
                published=published,
                days=frozenset(days.get(position, ())),
                position=position,
                has_event=position in events,
                actors=frozenset(actors.get(position, ())),
            )


def _sentence_at(starts: list[int], offset: int) -> int:
    """The index of the sentence an offset falls in (the last that starts at or before it)."""
    return bisect.bisect_right(starts, offset) - 1


def _quotable(document: Document, start: int, end: int, rules: SummarySettings) -> Evidence | None:
    """The sentence's evidence, its dateline cut off, if it is one a timeline may quote."""
    text = document.text[start:end]
    for pattern in datelines():
        match = pattern.match(text)
        if match:
            start += match.end()
            break
    raw = document.text[start:end]
    stripped = raw.rstrip()
    text = stripped.lstrip()
    start += len(raw) - len(raw.lstrip())
    end = start + len(text)
    if not _reads_alone(text, rules):
        return None
    return Evidence(doc=document.id, start=start, end=end, text=text)


def _reads_alone(text: str, rules: SummarySettings) -> bool:
    if "\n" in text or not _OPENING.match(text) or not _CLOSING.search(text):
        return False
    words = _WORD.findall(text)
    if not rules.min_words <= len(words) <= rules.max_words:
        return False
    if text[0] in _QUOTE_MARKS or text.rstrip(_QUOTE_MARKS + ")")[-1:] == "?":
        return False
    capitalized = sum(1 for w in words if w.isupper() and len(w) > 1)
    if capitalized > len(words) / 3:
        return False  # a headline or caption in capitals
    return rejects().search(text) is None
