"""Cross-document dating: other documents that report the same events date this one.

An undated document's relative expression ("on Wednesday") that shares its context with a
fact (facts.py: the same event, by words, actors, event type) and can name the fact's
days is taken to mean them; the publication days on which it would ("on Wednesday" =
2023-12-20 in a past-tense clause: 2023-12-20 to 2023-12-26) become a clue. Weaker links only
lean towards those days.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from functools import cache, lru_cache

from storyline.model import Evidence
from storyline.resolve.dating.clues import Clue, Findings, Lean, within
from storyline.resolve.dating.context import Mark
from storyline.resolve.dating.facts import Fact, FactIndex
from storyline.resolve.dating.relative import Relative
from storyline.resolve.dating.settings import settings
from storyline.timex.days import Span

# A fact and an expression are linked when their contexts share at least this much; less
# is needed when the expression itself is specific ("October 7" matches one day a year,
# "Wednesday" one in seven).
LINK_MIN = {"day": 3.0, "period": 4.0, "weekday": 5.0}
# A year-less date that matches a dated one ("October 7" / "October 7, 2023") needs less: one
# day of the year is specific. It only bounds the publication from one side (see _window).
FIXED_MIN = {"day": 0.5, "period": 2.0}
# Expressions that can name any day ("yesterday", "last week") are not linked: on PolNeAR
# fewer than half of such links were right, whatever the overlap.
_DAY_OF_YEAR = re.compile(r"XXXX-[0-9]{2}-[0-9]{2}")
_WEEKDAY = re.compile(r"XXXX-WXX-[1-7](?:T.*)?")
_PERIOD = re.compile(r"XXXX-(?:[0-9]{2}|SP|SU|FA|WI|Q[1-4]|H[12])")
# Links down to this share of the threshold lean without excluding days.
LEAN_SHARE = 0.15
# A rival fact scoring this close to the best one, but naming other days, widens the clue.
RIVAL = 0.8
# Days: how sharply the date of a document reporting the same event attracts.
LINK_SCALE = 1.5
# The strongest links an expression keeps. In a large corpus an expression shares context
# with ever more facts, most of them barely over LEAN_SHARE; weighing them all made each
# document's verdict cost grow with the corpus.
MAX_LINKS = 25


def link_findings(marks: list[Mark], index: FactIndex, limits: Span) -> Findings:
    """Clues and leans from the facts that the document's relative expressions link to.
    A link whose overlap reaches the threshold is a clue; all links down to LEAN_SHARE of it
    lean, together, towards the days on which the expression names what they name: each is
    right too rarely to exclude days, but together they are often enough to pick one."""
    found = Findings()
    weight = settings().weights["link"]
    for mark in marks:
        if not mark.rel.depends_on_anchor:
            continue
        linked = _links(mark, index, limits)
        if not linked:
            continue
        fact, score, window = linked[0]
        reason = (
            f"'{mark.te.evidence.text}' is {show_span(fact.likely)}, as in another document "
            f"reporting the same event"
        )
        evidence = (mark.te.evidence, fact.mark.te.evidence)
        if score >= 1.0:
            rivals = [
                w
                for _, s, w in linked[1:]
                if s >= RIVAL * score and (w[1] < window[0] or w[0] > window[1])
            ]
            spans = within([window, *rivals], limits)
            found.clues.append(Clue(spans, weight * min(score, 2.0), reason, evidence))
        lean = _names_what_they_name(mark, linked, reason, evidence, limits)
        if lean is not None:
            found.leans.append(lean)
        published = [(f.published, s) for f, s, _ in linked if f.published is not None]
        if published:
            found.leans.append(_near(published, LINK_SCALE, reason, evidence))
    return found


@cache
def _specificity(value: str | None) -> str:
    """How many days an expression of this value could name: a day of the year, a month or
    season, a weekday, or any day at all."""
    day = (value or "").split("T")[0]
    if _DAY_OF_YEAR.fullmatch(day):
        return "day"
    if _PERIOD.fullmatch(day):
        return "period"
    if _WEEKDAY.fullmatch(value or ""):
        return "weekday"
    return "vague"


def link_share(mark: Mark, fact: Mark, score: float, scale: float) -> float | None:
    """The link score of an expression to a fact as a share of what a link needs, when it
    reaches LEAN_SHARE of it (None otherwise, or when the expression cannot link to such a
    fact at all: "yesterday"; a weekday to a dated expression). Less is needed when the
    expression is specific, less again to a dated fact; ``scale`` is the corpus's."""
    fixed = fact.rel.kind == "fixed"
    needed = (FIXED_MIN if fixed else LINK_MIN).get(_specificity(mark.rel.value))
    if needed is None or score < LEAN_SHARE * needed * scale:
        return None
    return score / (needed * scale)


def _links(mark: Mark, index: FactIndex, limits: Span) -> list[tuple[Fact, float, Span]]:
    """The facts the expression can name, with their overlap as a share of the threshold
    (from LEAN_SHARE up) and the publication days each allows, best first: at most MAX_LINKS
    of them, the strongest, so that what one expression weighs does not grow with the corpus.
    Candidates are checked against the days strongest first, and only until that many hold."""
    if _specificity(mark.rel.value) == "vague":
        return []  # an expression that can name any day links to nothing
    shares = []
    for fact, score in index.scored(mark):
        share = link_share(mark, fact.mark, score, index.scale)
        if share is not None:
            shares.append((fact, share))
    shares.sort(key=lambda t: -t[1])
    found: list[tuple[Fact, float, Span]] = []
    for fact, share in shares:
        window = _link_window(mark, fact, limits)
        if window is not None:
            found.append((fact, share, window))
            if len(found) == MAX_LINKS:
                break
    return found


def _link_window(mark: Mark, fact: Fact, limits: Span) -> Span | None:
    """The publication days on which the expression names what the fact names (None: on
    none, or the fact is less precise than the expression)."""
    if not _as_precise(mark, fact):
        return None
    window = anchors_for(mark.rel, fact.span, limits)
    if window is None or (
        fact.likely != fact.span and anchors_for(mark.rel, fact.likely, limits) is None
    ):
        return None
    return _window(mark, fact, window, limits)


@lru_cache(maxsize=1 << 16)
def anchors_for(rel: Relative, target: Span, limits: Span) -> Span | None:
    """Relative.anchors_for, remembered: across a corpus the same words ("on Wednesday", past
    tense) are matched to the same days over and over."""
    return rel.anchors_for(target, limits)


def _as_precise(mark: Mark, fact: Fact) -> bool:
    """A fact names the same thing as an expression only if it is at least as precise: "Oct.
    13" is not "2012", "October" may be "October 13, 2015"."""
    named = mark.rel.at(fact.likely[0])
    if named is None:
        return False
    return (fact.likely[1] - fact.likely[0]) <= (named[1] - named[0])


def _window(mark: Mark, fact: Fact, window: Span, limits: Span) -> Span | None:
    """The publication days the link allows. What happened (past tense) happened by
    publication; what is to come, after it. A link to a dated expression ("October 7" to
    "October 7, 2023") gives only that bound: a famous day is written without its year long
    after it (on PolNeAR, "Sept. 11" meant 2001), so the tagger's reading of a year-less date
    as the latest one cannot be trusted for it."""
    start, end = window
    if fact.mark.rel.kind == "fixed":
        start, end = limits
    if mark.te.tense == "past":
        start = max(start, fact.span[0])
    elif mark.te.tense == "future":
        end = min(end, fact.span[1])
    if (start, end) == limits:
        return None
    return (start, end) if start <= end else None


def show_span(span: Span) -> str:
    a, b = span
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


def _names_what_they_name(
    mark: Mark,
    linked: list[tuple[Fact, float, Span]],
    reason: str,
    evidence: tuple[Evidence, ...],
    limits: Span,
) -> Lean | None:
    """Prefer the days on which the expression names what the linked facts most likely name
    (their documents may be dated only to within some days), each fact counting by its
    overlap."""
    named: dict[Span, float] = defaultdict(float)
    for fact, overlap, _ in linked:
        if fact.mark.rel.kind != "fixed":
            named[fact.likely] += overlap
    if not named:
        return None
    total = sum(named.values())
    strength = min(total, 2.0)
    # The days on which the expression names each span: one run of days each, as its value
    # never moves backwards with the anchor, so a day's hits are comparisons, not a
    # resolution of the expression per day and span.
    windows = [(anchors_for(mark.rel, span, limits), w) for span, w in named.items()]
    runs = [(w[0], w[1], weight) for w, weight in windows if w is not None]

    def score(d: dt.date) -> float:
        hit = sum(weight for first, last, weight in runs if first <= d <= last)
        return strength * math.log(0.1 + 0.9 * hit / total)

    support = tuple((first, last) for first, last, _ in runs)
    return Lean(score, reason, evidence, absolute=True, support=support)


def _near(
    days: list[tuple[dt.date, float]], scale: float, reason: str, evidence: tuple[Evidence, ...]
) -> Lean:
    """Documents reporting the same event appeared about the same time."""
    total = sum(w for _, w in days)
    strength = min(total, 2.0)
    # Links to documents of the same day count together: one term per day, not per link.
    by_day: dict[dt.date, float] = defaultdict(float)
    for day, w in days:
        by_day[day] += w
    weighed = list(by_day.items())

    def score(d: dt.date) -> float:
        mix = sum(w * math.exp(-abs((d - day).days) / scale) for day, w in weighed) / total
        return strength * math.log(0.02 + mix)

    window = dt.timedelta(days=7)
    support = tuple((day - window, day + window) for day in by_day)
    return Lean(score, reason, evidence, absolute=True, support=support)
