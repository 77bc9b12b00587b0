"""Time expressions inside quotes, resolved against the day the quote was spoken.

extract_times reads every relative expression against the document's date. A speaker's
"on Wednesday" counts from the day they spoke, though: in “We will sign on Wednesday,” the
minister said on Monday (in an article of Friday 15 March) the quote was spoken on Monday the
11th and its Wednesday is the 13th, not the 20th. A quote has a day of its own only when its
reporting clause names one (quotes.extract_quotes sets Quote.date from that clause alone, never
from the document), and only a full calendar day can anchor "Wednesday" or "yesterday".

The re-resolution works from each expression's words and stored clause tense, like
resolve/dating/redate.py does when the document's date changes, so both stages agree: an
analysis re-dated to the day it already had is unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.analyze.quote_marks import find_quoted_spans
from storyline.model import Document, Quote, TimeExpression
from storyline.timex import anchor_date, normalize
from storyline.timex.days import day_of

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# The marks an interrupted quote's evidence holds around its reporting clause
# (“A,” he said on Monday, “B.”), with the mark that opens the first part and closes the last:
# the evidence itself runs from the first quoted word to the last.
_MARK_PAIRS = (("“", "”"), ("``", "''"), ('"', '"'))


def quote_day(quote: Quote) -> dt.date | None:
    """The calendar day the quote was spoken, when its reporting clause names one."""
    date = quote.date or ""
    return day_of(date) if _DAY.fullmatch(date) else None


def quoted_parts(quote: Quote) -> list[tuple[int, int]]:
    """Document offsets of the quote's own words: its evidence less the reporting clauses
    that interrupt it. Read from the evidence alone so that a stage holding only the analysis
    (re-dating) finds the same parts as the per-document stage."""
    ev = quote.evidence
    for opening, closing in _MARK_PAIRS:
        if closing not in ev.text:
            continue
        # Closing the last part and opening the first makes every part a complete quote.
        spans = find_quoted_spans(opening + ev.text + closing)
        shift = ev.start - len(opening)
        parts = [
            (max(ev.start, s.start + shift), min(ev.end, s.end + shift))
            for s in spans
            if s.end + shift > ev.start and s.start + shift < ev.end
        ]
        if parts:
            return parts
    return [(ev.start, ev.end)]


def anchor_quote_times(
    times: Sequence[TimeExpression], quotes: Sequence[Quote], day: dt.date | None
) -> list[TimeExpression]:
    """``times`` with the relative expressions inside a quote spoken on another day than
    ``day`` (the document's) resolved against the quote's day. The rest, the expressions
    that date the quotes among them, are returned as they are."""
    anchors: list[tuple[tuple[int, int], dt.date]] = []
    for quote in quotes:
        spoken = quote_day(quote)
        if spoken is not None and spoken != day:
            anchors.extend((part, spoken) for part in quoted_parts(quote))
    if not anchors:
        return list(times)
    result = []
    for te in times:
        spoken = _spoken_on(te, anchors)
        result.append(_reanchored(te, day, spoken) if spoken is not None else te)
    return result


def resolve_quote_times(
    document: Document, times: Sequence[TimeExpression], quotes: Sequence[Quote]
) -> list[TimeExpression]:
    """anchor_quote_times against the document's own publication day."""
    return anchor_quote_times(times, quotes, anchor_date(document))


def _spoken_on(
    te: TimeExpression, anchors: Sequence[tuple[tuple[int, int], dt.date]]
) -> dt.date | None:
    start, end = te.evidence.start, te.evidence.end
    for (part_start, part_end), spoken in anchors:
        if part_start <= start and end <= part_end:
            return spoken
    return None


def _reanchored(te: TimeExpression, day: dt.date | None, spoken: dt.date) -> TimeExpression:
    """The expression read against the day it was spoken, when its value came from the
    document's day (or stayed relative for want of one). One counted from a date the story
    named ("the following day", anchored there by extract_times) keeps its value: the quote's
    day is not what it refers to."""
    if te.value is None:
        return te
    anchors = {spoken.isoformat(), day.isoformat() if day is not None else None}
    if te.anchor not in anchors and not (te.anchor is None and "X" in te.value):
        return te
    # The words and tense alone must give the stored value: one read with more than that (a
    # quarterly report's "a year earlier" is that quarter a year before) is left alone rather
    # than re-read with less.
    counted_from = spoken if te.anchor == spoken.isoformat() else day
    before = normalize(te.evidence.text, counted_from, te.tense)
    if before is None or before.value != te.value:
        return te
    found = normalize(te.evidence.text, spoken, te.tense)
    if found is None or not found.anchored:
        return te
    # A qualifier left outside the extent ("about [Wednesday]") gave a mod the words lack.
    mod = found.mod if before.mod == te.mod else te.mod
    return te.model_copy(update={"value": found.value, "mod": mod, "anchor": spoken.isoformat()})
