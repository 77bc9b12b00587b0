"""What a document's own time expressions say about when it appeared.

- A date it reports as past ("on October 7, 2023", "in March 2016", "in 2015") is a lower
  bound: the article appeared on or after it. A date still to come ("will vote on December 20,
  2023") is an upper bound. Years that name a thing ("the 2016 race") or a deadline ("by
  2020") bound nothing.
- "yesterday (Friday)" says which weekday the article appeared on.
- Weekday names and year-less days lean towards the days shortly after them ("on Wednesday" in
  a past-tense clause: most often one or two days before publication).

Lunar holidays and ages ("the five-month-old war") are in holidays.py and
links.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache

from storyline.model import Analysis, Document, TimeExpression
from storyline.resolve.dating.clues import Clue, Findings, Lean, after, before
from storyline.resolve.dating.relative import Relative, relative
from storyline.resolve.dating.settings import cues, settings
from storyline.timex.days import Span, precision

_REF_MONDAY = dt.date(2024, 1, 1)
# The days after a reported day where a best publication day is looked for.
RECENT_DAYS = 30
_WORD = re.compile(r"[A-Za-z]+")


def text_findings(document: Document, analysis: Analysis, limits: Span) -> Findings:
    found = Findings()
    # Quotes whose reporting clause names when they were said.
    spoken_earlier = {q.id for q in analysis.quotes if q.date is not None}
    # A year-less day named again ("January 1" three times) is one piece of evidence, not
    # several: only its first mention leans. (Weekdays named again do add evidence: on
    # PolNeAR, counting them once lost a tenth of the exact days.)
    recent: set[str | None] = set()
    for te in analysis.times:
        rel = relative(te.evidence.text, te.tense)
        if rel.kind != "fixed" and te.quote_ref in spoken_earlier:
            # "'We meet on Wednesday,' he said on Monday": that Wednesday counts from the
            # Monday, whose distance from publication is unknown here.
            continue
        if rel.kind == "fixed":
            clue = _reported_date(document, te, rel, limits)
            if clue is not None:
                found.clues.append(clue)
                if rel.value is not None and precision(rel.value) == "day" and te.tense == "past":
                    found.leans.append(_after_day_lean(te, rel))
        elif rel.kind == "weekly":
            weekday = _publication_weekday(te, rel)
            if weekday is not None:
                found.clues.append(weekday)
            lean = _weekday_lean(te, rel)
            if lean is not None:
                found.leans.append(lean)
        elif rel.kind == "step" and te.tense == "past":
            lean = _recency_lean(te, rel)
            if lean is not None and rel.value not in recent:
                recent.add(rel.value)
                found.leans.append(lean)
    return found


# --- dates with a year ----------------------------------------------------------------------


def _reported_date(
    document: Document, te: TimeExpression, rel: Relative, limits: Span
) -> Clue | None:
    assert rel.fixed is not None and rel.value is not None
    start, end = rel.fixed
    grain = precision(rel.value)
    weights = settings().weights
    tense = "past" if _after_since(document, te) else te.tense
    if tense == "past":
        if grain not in ("day", "month", "year") or not _happened(document, te, grain):
            return None
        if grain == "day":
            start -= dt.timedelta(days=settings().day_slack)
        spans = after(start, limits)
        reason = f"reports {rel.value} as past"
        weight = weights[f"past_{grain}"]
    elif tense == "future" and grain in ("day", "month"):
        spans = before(end, limits)
        reason = f"reports {rel.value} as still to come"
        weight = weights[f"future_{grain}"]
    else:
        return None
    if not spans:
        return None
    return Clue(spans, weight, reason, (te.evidence,))


def _happened(document: Document, te: TimeExpression, grain: str) -> bool:
    """Whether a past-tense date is when something happened: not a deadline ("by 2020",
    "from 2018 to 2020") and, for a bare year, not the name of a thing ("the 2016 race")."""
    text = document.text
    before_words = text[max(0, te.evidence.start - 24) : te.evidence.start].lower().split()
    for phrase in cues().deadline_words:
        words = phrase.split()
        if before_words[-len(words) :] == words:
            return False
    if grain == "year" and re.fullmatch(r"[0-9]{4}", te.evidence.text.strip()):
        if before_words and (
            before_words[-1] in cues().year_determiners or before_words[-1].endswith(("'s", "’s"))
        ):
            return False  # "the 2016 Republican nomination", "Clinton's 2016 bid"
        following = _WORD.match(text, _skip_spaces(text, te.evidence.end))
        if following is not None and following.group().islower():
            return following.group() in cues().after_year_ok
    return True


def _after_since(document: Document, te: TimeExpression) -> bool:
    """ "for the first time since June 25, 2007": a date after "since" has passed, whatever
    the tense of the clause."""
    before_text = document.text[max(0, te.evidence.start - 7) : te.evidence.start].lower()
    return before_text.rstrip().endswith("since")


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


# --- weekdays --------------------------------------------------------------------------------


@cache
def _pair_pattern() -> re.Pattern[str]:
    c = cues()
    days = "|".join(re.escape(d) for d in c.weekdays)
    relative_days = "|".join(re.escape(r) for r in sorted(c.relative_days, key=len, reverse=True))
    return re.compile(
        rf"\b(?P<r1>{relative_days})\b\W*\(?\s*\b(?P<a>{days})\b"
        rf"|\b(?P<b>{days})\b\W*\(\s*(?P<r2>{relative_days})\b",
        re.IGNORECASE,
    )


def _publication_weekday(te: TimeExpression, rel: Relative) -> Clue | None:
    """ "yesterday (Friday)": the weekdays of publication on which "yesterday" is a Friday."""
    m = _pair_pattern().search(te.evidence.text)
    if m is None:
        return None
    named = cues().weekdays.index((m["a"] or m["b"]).lower()) + 1
    # The relative day alone says how far from publication it is; the weekday, which day.
    counted = relative((m["r1"] or m["r2"]).lower(), te.tense)
    allowed = set()
    for i in range(7):
        day = _REF_MONDAY + dt.timedelta(days=i)
        span = counted.at(day)
        if span is not None and span[0] == span[1] and span[0].isoweekday() == named:
            allowed.add(day.isoweekday())
    if not allowed or len(allowed) == 7:
        return None
    names = ", ".join(cues().weekdays[w - 1].title() for w in sorted(allowed))
    weight = settings().weights["publication_weekday"]
    reason = f"'{te.evidence.text}' puts publication on a {names}"
    return Clue((), weight, reason, (te.evidence,), frozenset(allowed))


def _weekday_lean(te: TimeExpression, rel: Relative) -> Lean | None:
    """ "on Wednesday" leans towards the days shortly after (past) or before (future) the
    Wednesday it names, by the measured lag tables."""
    offsets = set()
    for i in range(7):
        day = _REF_MONDAY + dt.timedelta(days=i)
        span = rel.at(day)
        if span is None or span[0] != span[1]:
            return None
        offsets.add((span[0] - day).days)
    if len(offsets) == 1:
        return None  # "yesterday": the same whatever the day, so it says nothing here
    tense = te.tense or "unknown"
    table = settings().weekday_lag[tense]
    future = tense == "future"

    def score(day: dt.date) -> float:
        span = rel.at(day)
        if span is None:
            return math.log(table.floor)
        lag = (span[0] - day).days if future else (day - span[0]).days
        return math.log(table.p(lag))

    return Lean(score, f"'{te.evidence.text}' ({tense} tense)", (te.evidence,))


def _after_day_lean(te: TimeExpression, rel: Relative) -> Lean:
    """A dated day reported as past ("on September 26, 2016") leans towards the days after
    it: news reports what happened recently. Not on its own reason enough to name a best day
    (a history of September 11, 2001 is not written that week)."""
    assert rel.fixed is not None
    day = rel.fixed[0]
    s = settings()

    def score(d: dt.date) -> float:
        return math.log(s.recency((d - day).days))

    support = ((day, day + dt.timedelta(days=RECENT_DAYS)),)
    reason = f"'{te.evidence.text}' reported as past"
    return Lean(score, reason, (te.evidence,), absolute=False, support=support)


def _recency_lean(te: TimeExpression, rel: Relative) -> Lean | None:
    """A year-less day reported as past ("on Sept. 26") leans towards the days after it."""
    if rel.value is None or not re.fullmatch(r"XXXX-[0-9]{2}-[0-9]{2}", rel.value):
        return None
    s = settings()

    def score(day: dt.date) -> float:
        span = rel.at(day)
        if span is None:
            return math.log(s.day_recency_floor)
        return math.log(s.recency((day - span[0]).days))

    return Lean(score, f"'{te.evidence.text}' reported as past", (te.evidence,))
