"""StoryTime: the latest date a text has named, which anaphoric expressions count from.

"The following year", "that day", "the previous Friday", "earlier that day" refer to a time the
story has just talked about, not to the document's date: "Farkas became a general in 1995, and
the following year..." is 1996 whatever day the article appeared. The text is read in order;
each calendar value found (a year, a month, a day) becomes the story's time, and an anaphoric
expression is resolved against it when that date is precise enough for it (a day needs a day,
"the following month" a month at least). Otherwise it counts from the anchor, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from storyline.timex.lexicon import lexicon
from storyline.timex.normalize import normalize
from storyline.timex.text import clean
from storyline.timex.value import Tense, Timex

# How precise a date is: 1 year, 2 month, 3 day.
_CALENDAR = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?:T.*)?")
# How precise the story's time must be for a value of this form.
_NEEDS = (
    (re.compile(r"[0-9]{4}(?:T.*)?"), 1),
    (re.compile(r"[0-9]{4}-(?:[0-9]{2}|Q[1-4]|H[12]|SP|SU|FA|WI)"), 2),
)


@cache
def _anaphoric() -> re.Pattern[str]:
    words = sorted(lexicon().anaphoric, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])")


@cache
def _counted() -> re.Pattern[str]:
    """ "two days later", "three months afterwards": a count of calendar
    units (one or two words for the count) and a word of [anaphoric] counted, nothing else."""
    ends = "|".join(re.escape(w) for w in lexicon().counted_anaphoric)
    units = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie)"
    return re.compile(rf"(?:[\w-]+\s+){{1,2}}{units}s?\s+(?:{ends})")


def is_anaphoric(text: str) -> bool:
    """Whether the expression counts from the story's time ("the following year", "two days
    later")."""
    cleaned = clean(text)
    return _anaphoric().search(cleaned) is not None or _counted().fullmatch(cleaned) is not None


def is_bare_clock_time(text: str) -> bool:
    """ "at 10:35 a.m.", "the morning": a time of day without its day, which is the day the
    story is telling about ("The blast struck Nairobi on Friday. ... It came at 10:35 a.m."),
    not necessarily the document's date. Not "this morning" or "10 a.m. today", which name
    the anchor's day, nor "noon Thursday"."""
    unanchored = normalize(text, None)  # cached, and cheap for the many dates that are not
    if unanchored is None or unanchored.type != "TIME":
        return False
    if set(clean(text).split()) & _anchor_day_words():
        return False
    for anchor in _PROBES:
        timex = normalize(text, anchor)
        if timex is None or timex.type != "TIME" or not timex.value.startswith(f"{anchor}T"):
            return False
    return True


# Two anchors on different weekdays: a time of day whose date is the anchor's under both took
# its day from the anchor alone.
_PROBES = (dt.date(2001, 1, 1), dt.date(2001, 1, 3))


@cache
def _anchor_day_words() -> frozenset[str]:
    """Words that tie a time of day to the anchor's own day: "today", "tonight", "this"."""
    lex = lexicon()
    words = [*lex.relative_days, *lex.relative_phrases]
    words += [shift for shift, offset in lex.shifts.items() if offset == 0]
    return frozenset(word for word in words if " " not in word)


def _precision_needed(value: str) -> int:
    for pattern, precision in _NEEDS:
        if pattern.fullmatch(value):
            return precision
    return 3  # days, weeks, times of day


class StoryTime:
    """The latest calendar date named so far in a text, and how precise it is."""

    def __init__(self) -> None:
        self.date: dt.date | None = None
        self.precision = 0

    def note(self, value: str | None) -> None:
        """Take a value found in the text as the story's time, if it is a calendar date."""
        match = _CALENDAR.fullmatch(value or "")
        if match is None:
            return
        year, month, day = match.groups()
        try:
            self.date = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return
        self.precision = 3 if day else 2 if month else 1

    def resolve(
        self, text: str, tense: Tense | None, granularity: str | None = None
    ) -> Timex | None:
        """The expression read against the story's time, or None when it is not anaphoric, no
        date has been named yet, or the one named is too vague for it."""
        if self.date is None or not (is_anaphoric(text) or is_bare_clock_time(text)):
            return None
        timex = normalize(text, self.date, tense, granularity=granularity)
        if timex is None or not timex.anchored or "X" in timex.value:
            return None
        if _precision_needed(timex.value) > self.precision:
            return None
        return timex
