"""Re-resolving a document's time expressions once its publication date is inferred.

The per-document analysis resolves "on Wednesday" against the date the document had then
(none, for most articles: the value stays "XXXX-WXX-3"). Once dating infers a publication day,
every expression whose value depends on the anchor is resolved again from its words and clause
tense (no re-parsing), and what was dated by them follows: events (by their date evidence),
statements and figures (by the expression their date came from). When the inferred date is
not a day (only the month is known), relative expressions go back to their anchor-free values:
an earlier run's guess must not linger.

Expressions inside a quote count from the day the quote was spoken, as in the per-document
analysis (analyze/quote_times.py): the statement's own date ("said on Monday") is re-resolved
first, against the new day, and then the quoted words against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

from storyline.analyze.quote_times import anchor_quote_times, quoted_parts
from storyline.model import Analysis, Evidence, Figure, Quote, TimeExpression
from storyline.timex import normalize
from storyline.timex.age_start import with_age_starts

# A statement's or figure's date came from an expression at most this far away.
NEAR = 400

R = TypeVar("R", Quote, Figure)
_Changes = dict[tuple[int, int], tuple[str | None, str | None]]


def redate_analysis(analysis: Analysis, day: dt.date | None) -> Analysis:
    """The analysis with its relative time expressions resolved against ``day`` (None: left
    relative), and the events, statements and figures they date updated to match."""
    against_day = [_resolve(te, day) for te in analysis.times]
    quotes = [_quote_dated(q, analysis.times, against_day) for q in analysis.quotes]
    times = with_age_starts(anchor_quote_times(against_day, quotes, day), day)
    changed = _changes(analysis.times, times)
    if not changed:
        return analysis.model_copy(update={"times": times, "quotes": quotes})
    by_span = {_span(t.evidence): t for t in times}
    events = []
    for ev in analysis.events:
        dated_by = by_span.get(_span(ev.date_evidence)) if ev.date_evidence else None
        events.append(ev.model_copy(update={"date": dated_by.value}) if dated_by else ev)
    figures = [_follow(f, f.as_of, times, changed, "as_of") for f in analysis.figures]
    return analysis.model_copy(
        update={"times": times, "events": events, "quotes": quotes, "figures": figures}
    )


def _span(ev: Evidence) -> tuple[int, int]:
    return ev.start, ev.end


def _quote_dated(
    quote: Quote, before: Sequence[TimeExpression], after: Sequence[TimeExpression]
) -> Quote:
    """The quote with the new value of the expression that dated it. That one is in its
    reporting clause, outside its quoted words: those may have held the same relative value
    ("We met on Monday," she said on Monday)."""
    if quote.date is None:
        return quote
    return _follow(quote, quote.date, after, _changes(before, after, quote), "date")


def _changes(
    before: Sequence[TimeExpression], after: Sequence[TimeExpression], outside: Quote | None = None
) -> _Changes:
    """Old and new value of each expression whose value changed, by span; with ``outside``,
    only of the expressions that are not among that quote's own words."""
    parts = quoted_parts(outside) if outside is not None else []
    changed: _Changes = {}
    for old, new in zip(before, after, strict=True):
        span = _span(old.evidence)
        if new.value == old.value or any(a <= span[0] and span[1] <= b for a, b in parts):
            continue
        changed[span] = (old.value, new.value)
    return changed


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
    record: R,
    value: str | None,
    times: Iterable[TimeExpression],
    changed: _Changes,
    field: str,
) -> R:
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
