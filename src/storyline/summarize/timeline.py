"""The timeline: dated events and statements in order, each with every citation.

Events that several documents report (same date, type and actors) become one line with the
citations of all of them; so do the same words of the same speaker on the same day, carried by
several outlets (a wire story and its rewrites). Only calendar dates are placed on the timeline
("2023-12-20", "2023-12", "2023"); values with unknown parts ("XXXX-10-07") wait for the dating
stage.
Events dated only by the publication of their article (date_basis "publication"), or only
known to have happened by some date (date_latest without date_earliest), stay in the export
but off the timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.model import Event, Evidence, Quote, TimelineEntry
from storyline.timex.days import is_calendar_date


def _event_key(e: Event) -> tuple[str, str, str, str]:
    return (e.date or "", e.type, e.source_actor or "", e.target_actor or "")


def build_timeline(events: Iterable[Event], quotes: Iterable[Quote]) -> list[TimelineEntry]:
    entries: dict[tuple[str, ...], TimelineEntry] = {}
    for e in sorted(events, key=lambda e: e.id):
        # Events only dated by their article's publication are left off: a timeline of what
        # happened when, not of when it was reported ("the campaign has killed 20,000").
        if not is_calendar_date(e.date) or e.mode == "negated" or e.date_basis == "publication":
            continue
        if e.date_latest is not None and e.date_earliest is None:
            continue  # on or before a date ("had met", under "reported on Monday"): not when
        key = _event_key(e)
        entry = entries.get(key)
        citations = list(e.mentions)
        for dated in (e.date_evidence, *(r.date_evidence for r in e.reports)):
            if dated is not None and dated not in citations:
                citations.append(dated)
        if entry is None:
            entries[key] = TimelineEntry(
                date=e.date or "",
                kind="event",
                summary=e.summary,
                type=e.type,
                ref=e.id,
                citations=citations,
                documents=sorted(set(e.documents)),
            )
        else:
            _add_sources(entry, citations, e.documents)
    for q in sorted(quotes, key=lambda q: q.id):
        if not is_calendar_date(q.date):
            continue
        who = q.speaker_name or "Unattributed"
        key = ("quote", q.date or "", q.speaker or who, _words(q.text))
        entry = entries.get(key)
        if entry is not None:
            _add_sources(entry, [q.evidence], [q.evidence.doc])
            continue
        entries[key] = TimelineEntry(
            date=q.date or "",
            kind="statement",
            summary=f"{who}: “{_shorten(q.text)}”" if q.direct else f"{who}: {_shorten(q.text)}",
            ref=q.id,
            citations=[q.evidence],
            documents=[q.evidence.doc],
        )
    return sorted(entries.values(), key=lambda t: (t.date, t.kind, t.summary, t.ref))


def _add_sources(entry: TimelineEntry, citations: list[Evidence], documents: list[str]) -> None:
    """Another report of the same line: its citations and documents join the entry's."""
    entry.citations.extend(c for c in citations if c not in entry.citations)
    entry.documents = sorted(set(entry.documents) | set(documents))


def _words(text: str) -> str:
    """A quote's words, whatever its punctuation, case and quotation marks."""
    return " ".join(re.findall(r"[\w']+", text.casefold().replace("’", "'")))


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
