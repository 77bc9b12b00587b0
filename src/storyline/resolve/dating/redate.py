"""Re-resolving a document's time expressions once its publication date is inferred.

The per-document analysis resolves "on Wednesday" against the date the document had then
(none, for most articles: the value stays "XXXX-WXX-3"). Once dating infers a publication day,
every expression whose value depends on the anchor is resolved again from its words and clause
tense (no re-parsing: timex/reanchor.py), and what was dated by them follows: events,
statements and figures name the expression their date came from (date_ref, as_of_ref), so each
takes that expression's new value (an event on or before it, its bound too). When the
inferred date is not a day (only the month is known), relative expressions go back to their
anchor-free values: an earlier run's guess must not linger.

Expressions inside a quote (quote_ref) count from the day the quote was spoken, as in the
per-document analysis: the statement's own date ("said on Monday", outside its words) is
re-resolved first, against the new day, and then the quoted words against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from storyline.model import Analysis, Event, TimeExpression
from storyline.timex.age_start import with_age_starts
from storyline.timex.reanchor import against_day, on_quote_days


def redate_analysis(analysis: Analysis, day: dt.date | None) -> Analysis:
    """The analysis with its relative time expressions resolved against ``day`` (None: left
    relative), and the events, statements and figures they date updated to match."""
    against = [against_day(te, day) for te in analysis.times]
    clauses = {te.id: te for te in against}
    quotes = [
        q.model_copy(update={"date": _value(q.date_ref, clauses, q.date)}) for q in analysis.quotes
    ]
    times = with_age_starts(on_quote_days(against, quotes, day), day)
    by_id = {te.id: te for te in times}
    events = [_event_on(ev, by_id) for ev in analysis.events]
    figures = [
        f.model_copy(update={"as_of": _value(f.as_of_ref, by_id, f.as_of)})
        for f in analysis.figures
    ]
    return analysis.model_copy(
        update={"times": times, "events": events, "quotes": quotes, "figures": figures}
    )


def _event_on(event: Event, times: Mapping[str, TimeExpression]) -> Event:
    """The event with its date the new value of its expression; an event on or before that
    date (its date_latest is its date) keeps that bound on it."""
    value = _value(event.date_ref, times, event.date)
    update: dict[str, str | None] = {"date": value}
    if event.date_latest is not None and event.date_latest == event.date:
        update["date_latest"] = value
    return event.model_copy(update=update)


def _value(ref: str | None, times: Mapping[str, TimeExpression], value: str | None) -> str | None:
    """The value of the expression ``ref`` names; ``value`` when it names none."""
    named = times.get(ref) if ref is not None else None
    return named.value if named is not None else value
