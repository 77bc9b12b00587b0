"""ReportedQuarter: the quarter an earnings report is about, numbered as the report numbers it.

A company whose fiscal year ends in June reports its "fiscal first quarter ended Sept. 30"; in
that report "the latest period", "the quarter" and "a year earlier" are fiscal first quarters
(1989-Q1, 1988-Q1), not the calendar quarter before the document's date that they count as on
their own (1989-Q3). The reported quarter the text last named by its number gives the number to
the quarters after it that it names without one: a fiscal quarter ("the fiscal-first quarter",
"its fourth quarter ended Sept. 30"), or the calendar quarter just ended (another company's
"third-quarter" profit in a roundup). A quarter numbered in passing ("the fourth quarter" of an
outlook) is not the one reported and changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from storyline.timex import calendar as cal
from storyline.timex.normalize import normalize
from storyline.timex.value import Timex

_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")
# The number is in the words, with or without the year: "the fourth quarter", "1988's second".
_NUMBERED = re.compile(r"(?:XXXX|[0-9]{4})-Q[1-4]")
_PERIOD_END = re.compile(r"\s+(?:ended|ending|that ended)\b", re.IGNORECASE)


def _numbered(text: str) -> bool:
    """Whether the words themselves give the quarter's number ("the fourth quarter")."""
    timex = normalize(text, None)
    return timex is not None and _NUMBERED.fullmatch(timex.value) is not None


class ReportedQuarter:
    """The number of the reported quarter a text last named by its number, given to the
    quarters it names without one."""

    def __init__(self, anchor: dt.date | None) -> None:
        # The number those take on their own: the last calendar quarter ended by the anchor.
        self.default = str(cal.shift_quarter(anchor, -1)[1]) if anchor else None
        self.number: str | None = None

    def note(self, text: str, timex: Timex | None, after: str = "") -> None:
        """Take the quarter the words name if it is a reported one: a fiscal quarter ("fiscal"
        in the words, or a period end after them: "the fourth quarter ended Sept. 30"), or the
        calendar quarter just ended."""
        match = _QUARTER.fullmatch(timex.value) if timex is not None else None
        if match is None or not _numbered(text):
            return
        fiscal = "fiscal" in text.lower() or _PERIOD_END.match(after) is not None
        if fiscal or match.group(2) == self.default:
            self.number = match.group(2)

    def renumber(self, text: str, timex: Timex | None) -> Timex | None:
        """The timex with the reported quarter's number, if it is a quarter the words do not
        number ("the latest period", "a year earlier" in a quarterly report) and that took the
        calendar's number ("the current quarter", "the next quarter" keep theirs)."""
        if self.number is None or timex is None:
            return timex
        match = _QUARTER.fullmatch(timex.value)
        if match is None or match.group(2) != self.default or _numbered(text):
            return timex
        return dataclasses.replace(timex, value=f"{match.group(1)}-Q{self.number}")
