"""Re-reading a resolved time expression against another anchor day.

Two stages resolve a relative expression again, from its words and stored clause tense (no
re-parsing): the per-document analysis, for an expression inside a quote (a speaker's "on
Wednesday" counts from the day they spoke, not from the article's), and dating, once it infers
a document's publication day. Both read them here, so the two agree: an analysis re-dated to
the day it already had is unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.model import Quote, TimeExpression
from storyline.timex.days import day_of
from storyline.timex.normalize import normalize

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def quote_day(quote: Quote) -> dt.date | None:
    """The calendar day the quote was spoken, when its reporting clause names one: only a full
    day ("2024-03-11", not "2024-W11" or a time of day) can anchor "Wednesday" or
    "yesterday"."""
    date = quote.date or ""
    return day_of(date) if _DAY.fullmatch(date) else None


def against_day(te: TimeExpression, day: dt.date | None) -> TimeExpression:
    """The expression against ``day`` (None: its anchor-free value, so that an earlier guess
    does not linger); unchanged when its value never depended on a date."""
    if te.value is None or (te.anchor is None and "X" not in te.value):
        return te
    found = normalize(te.evidence.text, day, te.tense)
    if found is None:
        return te
    anchor = day.isoformat() if day is not None and found.anchored else None
    return te.model_copy(update={"value": found.value, "mod": found.mod, "anchor": anchor})


def against_quote_day(te: TimeExpression, day: dt.date | None, spoken: dt.date) -> TimeExpression:
    """The expression, inside a quote spoken on ``spoken``, read against that day, when its
    value came from the document's ``day`` (or stayed relative for want of one). One counted
    from a date the story named ("the following day", anchored there by extract_times) keeps
    its value: the quote's day is not what it refers to."""
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


def on_quote_days(
    times: Sequence[TimeExpression], quotes: Sequence[Quote], day: dt.date | None
) -> list[TimeExpression]:
    """``times`` with every expression inside a quote (``quote_ref``) spoken on another day
    than ``day`` (the document's) read against the quote's day. The rest, the expressions
    that date the quotes among them, are returned as they are."""
    spoken: dict[str, dt.date] = {}
    for quote in quotes:
        said = quote_day(quote)
        if said is not None and said != day:
            spoken[quote.id] = said
    if not spoken:
        return list(times)
    return [
        against_quote_day(te, day, spoken[te.quote_ref]) if te.quote_ref in spoken else te
        for te in times
    ]
