"""A wire dateline without a year ("WASHINGTON, Dec. 8 (UPI) —"): the article appeared on that
day, or a day off it where the outlet's clock and the wire's differ (on PolNeAR a UPI story
datelined Dec. 8 appeared on Dec. 7), in a year the rest of the evidence must pick: the other
clues, or documents with the same content."""

from __future__ import annotations

import datetime as dt
import math
import re

from storyline.model import Analysis, Document, TimeExpression
from storyline.resolve.dating.clues import Findings, Lean
from storyline.resolve.dating.settings import cues

_YEARLESS_DAY = re.compile(r"XXXX-([0-9]{2})-([0-9]{2})")
# How much likelier the named day is than either day next to it, and any other day. A lean,
# not a clue: a clue with the day in every year makes a century-wide interval of discrete
# days, and the year is better left to the other evidence.
SAME_DAY = 0.6
ELSEWHERE = 0.002


def dateline_findings(document: Document, analysis: Analysis) -> Findings:
    found = Findings()
    te = _dateline_day(document, analysis)
    if te is None or te.value is None:
        return found
    m = _YEARLESS_DAY.fullmatch(te.value)
    if m is None:
        return found
    month, day = int(m[1]), int(m[2])
    reason = f"the dateline '{te.evidence.text}' is the day the story was filed"

    def score(d: dt.date) -> float:
        off = abs((d - _nearest(d, month, day)).days)
        return math.log(SAME_DAY if off == 0 else (1 - SAME_DAY) / 2 if off == 1 else ELSEWHERE)

    found.leans.append(Lean(score, reason, (te.evidence,)))
    return found


def _dateline_day(document: Document, analysis: Analysis) -> TimeExpression | None:
    """The time expression inside a dateline opening one of the text's first lines."""
    c = cues()
    text = document.text
    start = 0
    for _ in range(c.dateline_lines):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        m = c.dateline.match(text, start, end)
        if m is not None:
            return next(
                (t for t in analysis.times if m.start() <= t.evidence.start < m.end()), None
            )
        if end >= len(text):
            break
        start = end + 1
    return None


def _nearest(d: dt.date, month: int, day: int) -> dt.date:
    """The month and day in d's year, or the one before or after, whichever is nearest d
    (February 29 falls back to the 28th outside leap years)."""
    options = []
    for year in (d.year - 1, d.year, d.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            options.append(dt.date(year, month, day - 1))
    return min(options, key=lambda o: abs((o - d).days))
