"""Time expressions inside quotes: which quote holds them, and the day they count from.

extract_times reads every relative expression against the document's date. A speaker's
"on Wednesday" counts from the day they spoke, though: in “We will sign on Wednesday,” the
minister said on Monday (in an article of Friday 15 March) the quote was spoken on Monday the
11th and its Wednesday is the 13th, not the 20th. A quote has a day of its own only when its
reporting clause names one (quotes.extract_quotes sets Quote.date from that clause alone, never
from the document).

Here the quote marks are read once: every expression among a quote's own words names that
quote (TimeExpression.quote_ref), so that a later stage (re-dating) knows what it counts from
without reading them again. The re-reading itself is timex/reanchor.py's, shared with
resolve/dating/redate.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.analyze.quote_marks import find_quoted_spans
from storyline.model import Document, Quote, TimeExpression
from storyline.timex import anchor_date
from storyline.timex.reanchor import on_quote_days

# The marks an interrupted quote's evidence holds around its reporting clause
# (“A,” he said on Monday, “B.”), with the mark that opens the first part and closes the last:
# the evidence itself runs from the first quoted word to the last.
_MARK_PAIRS = (("“", "”"), ("``", "''"), ('"', '"'))


def quoted_parts(quote: Quote) -> list[tuple[int, int]]:
    """Document offsets of the quote's own words: its evidence less the reporting clauses
    that interrupt it, read from the evidence alone."""
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


def with_quote_refs(
    times: Sequence[TimeExpression], quotes: Sequence[Quote]
) -> list[TimeExpression]:
    """``times`` with ``quote_ref`` naming the quote whose own words hold each one (quotes do
    not overlap, so there is at most one); None for the rest, reporting clauses included."""
    parts = [(part, quote.id) for quote in quotes for part in quoted_parts(quote)]
    result = []
    for te in times:
        start, end = te.evidence.start, te.evidence.end
        ref = next((q for (a, b), q in parts if a <= start and end <= b), None)
        result.append(te if te.quote_ref == ref else te.model_copy(update={"quote_ref": ref}))
    return result


def resolve_quote_times(
    document: Document, times: Sequence[TimeExpression], quotes: Sequence[Quote]
) -> list[TimeExpression]:
    """``times`` naming their quotes, those inside a quote spoken on another day than the
    document's read against the quote's day."""
    return on_quote_days(with_quote_refs(times, quotes), quotes, anchor_date(document))
