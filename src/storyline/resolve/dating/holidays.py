"""Holidays: "before Ramadan, which could begin as early as Sunday", "ahead of Christmas,
which falls on Monday".

The time tagger leaves holidays that move each year unresolved; dating knows their days from
tables (data/lunar_holidays.toml: Ramadan and the Eids; data/calendar_holidays.toml: Hanukkah,
Passover, the Jewish New Year, Yom Kippur, Purim, Sukkot, the Lunar New Year) and, for
Christmas, Easter, Thanksgiving and the like, from the time tagger's rules. A weekday said
to be when such a holiday begins pins the publication to the week before one of the table's
start days (give or take the moon sighting, or the eve); a holiday still ahead ("before
Ramadan", or in a future-tense clause) puts publication within weeks before one.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from storyline.model import Analysis, Document, evidence
from storyline.resolve.dating.clues import Clue, Findings, within
from storyline.resolve.dating.context import Mark
from storyline.resolve.dating.relative import relative
from storyline.resolve.dating.settings import LunarHoliday, cues, lunar_calendar, settings
from storyline.timex.days import Span

# A weekday, or part of one ("Sunday evening": a Hebrew holiday begins at sundown).
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])(?:T[A-Z]{2})?")
_AHEAD = re.compile(r"\b(?:before|ahead of|in time for|eve of|run-up to|approach of)\s+$", re.I)


@cache
def _name_pattern(holiday: LunarHoliday) -> re.Pattern[str]:
    names = sorted(holiday.names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


@cache
def _start_cue() -> re.Pattern[str]:
    words = sorted(cues().holiday_start_words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def holiday_findings(
    document: Document, analysis: Analysis, marks: list[Mark], limits: Span
) -> Findings:
    found = Findings()
    sentences = [(s.start, s.end) for s in analysis.sentences] or [(0, len(document.text))]
    seen: set[tuple[str, int]] = set()
    for holiday, m in _mentions(document.text):
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), None)
        if sentence is None or (holiday.key, sentence[0]) in seen:
            continue
        clue = _begins_on_weekday(document, holiday, m, sentence, marks, limits)
        if clue is None:
            clue = _still_ahead(document, holiday, m, limits)
        if clue is not None:
            seen.add((holiday.key, sentence[0]))
            found.clues.append(clue)
    return found


def _mentions(text: str) -> list[tuple[LunarHoliday, re.Match[str]]]:
    """Every holiday named in the text, the longest name where names overlap: "Christmas Eve"
    is not Christmas, "New Year's Eve" not New Year's Day."""
    found = [(h, m) for h in lunar_calendar().holidays for m in _name_pattern(h).finditer(text)]
    return [(h, m) for h, m in found if not any(_inside_longer(m, o) for _, o in found)]


def _inside_longer(name: re.Match[str], other: re.Match[str]) -> bool:
    longer = other.end() - other.start() > name.end() - name.start()
    return longer and other.start() <= name.start() and name.end() <= other.end()


def _begins_on_weekday(
    document: Document,
    holiday: LunarHoliday,
    name: re.Match[str],
    sentence: Span | tuple[int, int],
    marks: list[Mark],
    limits: Span,
) -> Clue | None:
    start, end = sentence
    assert isinstance(start, int) and isinstance(end, int)
    after_name = document.text[name.end() : end]
    cue = _start_cue().search(after_name)
    if cue is None:
        return None
    cue_at = name.end() + cue.start()
    weekday_marks = [
        mk
        for mk in marks
        if cue_at <= mk.te.evidence.start < end
        and mk.rel.kind == "weekly"
        and mk.rel.value is not None
        and _WEEKDAY.fullmatch(mk.rel.value)
    ]
    if not weekday_marks:
        return None
    mark = weekday_marks[0]
    assert mark.rel.value is not None
    found = _WEEKDAY.fullmatch(mark.rel.value)
    assert found is not None
    weekday = int(found[1])
    # "could begin as early as Sunday" looks ahead even where the parse found no tense.
    rel = relative(mark.te.evidence.text, mark.te.tense or "future")
    tolerance = dt.timedelta(days=holiday.tolerance)
    spans: list[Span] = []
    for first in holiday.days:
        day = first - tolerance
        while day <= first + tolerance:
            if day.isoweekday() == weekday:
                window = rel.anchors_for((day, day), limits)
                if window is not None:
                    spans.append(window)
            day += dt.timedelta(days=1)
    allowed = within(spans, limits)
    if not allowed:
        return None
    weight = settings().weights["holiday_start"]
    title = holiday.key.replace("_", " ").capitalize()
    reason = (
        f"{title} begins on '{mark.te.evidence.text}': within {tolerance.days} days of the"
        f" first day of {title} in a year of the calendar"
    )
    ev = (evidence(document, name.start(), name.end()), mark.te.evidence)
    return Clue(allowed, weight, reason, ev)


def _still_ahead(
    document: Document, holiday: LunarHoliday, name: re.Match[str], limits: Span
) -> Clue | None:
    """ "before Ramadan": the article appeared in the weeks before the holiday began."""
    if _AHEAD.search(document.text[max(0, name.start() - 24) : name.start()]) is None:
        return None
    s = settings()
    lookahead = dt.timedelta(days=s.holiday_lookahead_days)
    tolerance = dt.timedelta(days=holiday.tolerance)
    spans = [(first - lookahead, first + tolerance) for first in holiday.days]
    allowed = within(spans, limits)
    if not allowed:
        return None
    reason = f"{holiday.key.replace('_', ' ').capitalize()} is still ahead"
    ev = (evidence(document, name.start(), name.end()),)
    return Clue(allowed, s.weights["holiday_ahead"], reason, ev)
