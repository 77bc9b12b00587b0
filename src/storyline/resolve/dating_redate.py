"""Re-resolving a document's time expressions once its publication date is inferred.

The per-document analysis resolves "on Wednesday" against the date the document had then
(none, for most articles: the value stays "XXXX-WXX-3"). Once dating infers a publication day,
every expression whose value depends on the anchor is resolved again from its words and clause
tense (no re-parsing), and what was dated by them follows: events (by their date evidence),
statements and figures (by the expression their date came from). When the inferred date is
not a day (only the month is known), relative expressions go back to their anchor-free values:
an earlier run's guess must not linger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from storyline.model import Analysis, Evidence, Figure, Quote, TimeExpression
from storyline.timex import normalize

# A statement's or figure's date came from an expression at most this far away.
NEAR = 400


def redate_analysis(analysis: Analysis, day: dt.date | None) -> Analysis:
    """The analysis with its relative time expressions resolved against ``day`` (None: left
    relative), and the events, statements and figures they date updated to match."""
    changed: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    times = []
    for te in analysis.times:
        fresh = _resolve(te, day)
        if fresh.value != te.value:
            changed[_span(te.evidence)] = (te.value, fresh.value)
        times.append(fresh)
    if not changed:
        return analysis.model_copy(update={"times": times})
    by_span = {_span(t.evidence): t for t in times}
    events = []
    for ev in analysis.events:
        dated_by = by_span.get(_span(ev.date_evidence)) if ev.date_evidence else None
        events.append(ev.model_copy(update={"date": dated_by.value}) if dated_by else ev)
    quotes = [_follow(q, q.date, times, changed, "date") for q in analysis.quotes]
    figures = [_follow(f, f.as_of, times, changed, "as_of") for f in analysis.figures]
    return analysis.model_copy(
        update={"times": times, "events": events, "quotes": quotes, "figures": figures}
    )


def _span(ev: Evidence) -> tuple[int, int]:
    return ev.start, ev.end


def _resolve(te: TimeExpression, day: dt.date | None) -> TimeExpression:
    """The expression against ``day``; unchanged when its value never depended on a date."""
    if te.value is None or (te.anchor is None and "X" not in te.value):
        return te
    found = normalize(te.evidence.text, day, te.tense)
    if found is None:
        return te
    anchor = day.isoformat() if day is not None and found.anchored else None
    return te.model_copy(update={"value": found.value, "mod": found.mod, "anchor": anchor})


def _follow(
    record: Quote | Figure,
    value: str | None,
    times: Iterable[TimeExpression],
    changed: dict[tuple[int, int], tuple[str | None, str | None]],
    field: str,
) -> Quote | Figure:
    """A statement or figure dated by an expression that changed takes its new value. The
    expression is the nearest one that had the record's old value."""
    if value is None:
        return record
    at = record.evidence.start
    nearest: tuple[int, str | None] | None = None
    for te in times:
        old_new = changed.get(_span(te.evidence))
        if old_new is None or old_new[0] != value:
            continue
        distance = abs(te.evidence.start - at)
        if distance <= NEAR and (nearest is None or distance < nearest[0]):
            nearest = (distance, old_new[1])
    if nearest is None:
        return record
    return record.model_copy(update={field: nearest[1]})
