"""Figures across sources: what each figure counts and where, the date it holds for, and each
quantity as a series over time.

A figure's quantity is what it counts and where ("people killed", "Gaza"). The place is read
from the figure itself, else from whose figure it is when a place's own tally keeper gives it
("Gaza's health ministry", "Lebanese officials": resolve/data/tally_keepers.txt), and named by
its entity, so that "Gaza", "the Gaza Strip" and "Gazan" are one place and "Israeli" is Israel.

A figure's date is its own as-of date, else the date of the event whose verb counts it
("burst out of Gaza on October 7, killing 1,200": the killing's date, also when a later
article retells it and the event is dated by another article), else the day its article
appeared.

A count that names only a unit ("USD", "%", "barrels", "miles": resolve/data/unit_counts.txt
and every currency code) is no quantity: extraction keeps "$100 million" of aid and "$110
million" of damages, or the BP well's "60,000 barrels" a day and its "4.9 million barrels" in
all, as the same "USD" or "barrels", and a place beside them ("New York", for a share
price's "1.5 percent") does not say what is measured either. A bare "people"
(resolve/data/bare_counts.txt) is no quantity for the same reason: any crowd, employed,
gathered or sharing a video, until the text says what happened to them ("people killed").
Such figures form no series (a "USD" chart of every dollar amount in a store reads as a trend
and is none) and no conflicts (resolve/figures.py). What extraction can tell apart stays: a
counted thing ("people killed", "relief wells") is a quantity whatever its unit; the day
extraction keeps what a unit measures ("barrels of oil a day"), that count is no longer
unit-only. Until then the BP well's flow estimates are lost with the rest: extraction gives
them as plain "barrels", like every other amount of oil.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from storyline import datafiles
from storyline.model import (
    Document,
    Entity,
    Event,
    Figure,
    FigureSeries,
    PointBasis,
    SeriesPoint,
    sha256_hex,
)
from storyline.resolve.published import published_date
from storyline.timex.days import calendar_date

# A series is a running tally (a death toll, the hostages still held); counts under this are
# mostly single incidents ("a strike killed 17"), which do not continue one another.
SERIES_MIN = 100
# The figure follows the verb that counts it within a clause: "killing around 1,140 people".
_VERB_REACH = 60
_STEM = 4
_PLACE_KINDS = frozenset({"place", "group"})
_WORD = re.compile(r"[\w-]+")


@cache
def unit_only(counts: str) -> bool:
    """Whether ``counts`` names a unit and not what is measured (module docstring), also with
    an outcome read after it ("barrels released"), or anyone with nothing said of them."""
    folded = counts.casefold()
    currencies = datafiles.mapping("storyline.analyze", "currencies.txt").values()
    if folded in _units() or counts in currencies or folded in _bare():
        return True
    what, _, outcome = folded.rpartition(" ")
    outcomes = datafiles.mapping("storyline.analyze", "outcomes.txt").values()
    return bool(what) and what in _units() and outcome in outcomes


def _units() -> frozenset[str]:
    return datafiles.words("storyline.resolve", "unit_counts.txt")


def _bare() -> frozenset[str]:
    return datafiles.words("storyline.resolve", "bare_counts.txt")


@dataclass(frozen=True)
class FigureContext:
    """What the cross-document stages know about each figure: its quantity's place (an
    entity's name, or the figure's own words when no entity names it), its date and its
    article's story."""

    subjects: Mapping[str, str | None]
    dates: Mapping[str, tuple[str, PointBasis]]
    # The story of each document, by id, when stories are known: within one, an article
    # may retell a dated count however long after (resolve/figures.py, RESTATED_DAYS).
    stories: Mapping[str, str] = field(default_factory=dict)
    # The countries each figure's sentence names (resolve/figure_countries.py), by figure id.
    countries: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def quantity(self, f: Figure) -> tuple[str, str]:
        return ((f.counts or "").casefold(), (self.subjects.get(f.id) or "").casefold())

    def joined(self, groups: Iterable[Sequence[str]]) -> FigureContext:
        """The same context where figures that disagree over one value (a conflict's
        members, by id) share the one place any of them names: "1,200 individuals, as
        reported by Israel" set against AFP's 1,140 killed in Israel is that count too."""
        subjects = dict(self.subjects)
        for ids in groups:
            named = {subjects[i] for i in ids if subjects.get(i)}
            if len(named) == 1:
                [place] = named
                subjects.update((i, place) for i in ids)
        return FigureContext(subjects, self.dates, self.stories, self.countries)

    def label(self, f: Figure) -> str:
        subject = self.subjects.get(f.id)
        return f"{f.counts} ({subject})" if subject else f.counts or ""


def _place_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Every name and alias of a place or people, folded, to the place's display name."""
    names: dict[str, str] = {}
    for e in entities:
        if e.kind not in _PLACE_KINDS:
            continue
        shown = e.name.removeprefix("the ")
        for name in (e.name, *e.aliases):
            names.setdefault(name.casefold().removeprefix("the "), shown)
    return names


def _keeper_place(text: str, places: Mapping[str, str]) -> str | None:
    """The place whose own tally keeper the words name ("Gaza's Hamas-run health ministry"
    -> Gaza), or None when they name no keeper or no place."""
    keepers = datafiles.words("storyline.resolve", "tally_keepers.txt")
    words = [w.casefold().removesuffix("'s") for w in _WORD.findall(text.replace("’", "'"))]
    if not any(w in keepers for w in words):
        return None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            found = places.get(" ".join(words[i : i + size]))
            if found is not None:
                return found
    return None


def figure_subjects(figures: Iterable[Figure], entities: Iterable[Entity]) -> dict[str, str | None]:
    places = _place_names(entities)
    subjects: dict[str, str | None] = {}
    for f in figures:
        if f.subject:
            subjects[f.id] = places.get(f.subject.casefold().removeprefix("the "), f.subject)
            continue
        whose = f.attribution_evidence.text if f.attribution_evidence else f.attributed_to
        subjects[f.id] = _keeper_place(whose, places) if whose else None
    return subjects


# A tally in the present perfect ("the campaign has killed 44,429") runs up to its article's
# day: the first such killing's date is not the figure's.
_RUNNING_TALLY = re.compile(r"\b(?:has|have)(?:\s+been)?\s+$", re.IGNORECASE)


def _counting_event(f: Figure, events: Sequence[Event], text: str) -> Event | None:
    """The event whose verb counts the figure: the nearest trigger ending shortly before the
    figure in the same sentence, a form of the figure's own verb ("killing" / "killed") and
    not a running tally's ("has killed")."""
    verb = (f.counts or "").split()[-1:] or [""]
    stem = verb[0].casefold()[:_STEM]
    if len(stem) < _STEM:
        return None
    best: tuple[int, Event] | None = None
    for ev in events:
        t = ev.trigger
        if t is None or t.doc != f.evidence.doc or not t.text.casefold().startswith(stem):
            continue
        sentence = ev.mentions[0] if ev.mentions else None
        if sentence is None or not sentence.start <= f.evidence.start < sentence.end:
            continue
        gap = f.evidence.start - t.end
        if 0 <= gap <= _VERB_REACH and (best is None or gap < best[0]):
            best = (gap, ev)
    if best is None:
        return None
    trigger = best[1].trigger
    assert trigger is not None
    if _RUNNING_TALLY.search(text[max(0, trigger.start - 12) : trigger.start]):
        return None
    return best[1]


def figure_dates(
    figures: Iterable[Figure],
    events: Iterable[Event],
    documents: Iterable[Document],
    merged: Mapping[str, Event] | None = None,
) -> dict[str, tuple[str, PointBasis]]:
    """Each figure's date and how it was found (module docstring). ``merged`` maps an event
    id to the event it became across documents, whose date may come from another article."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.trigger is not None:
            by_doc[event.trigger.doc].append(event)
    documents = list(documents)
    published = {d.id: published_date(d) for d in documents}
    texts = {d.id: d.text for d in documents}
    dates: dict[str, tuple[str, PointBasis]] = {}
    for f in figures:
        own = calendar_date(f.as_of)
        if own is not None:
            dates[f.id] = (own, "as_of")
            continue
        text = texts.get(f.evidence.doc, "")
        ev: Event | None = _counting_event(f, by_doc.get(f.evidence.doc, []), text)
        if ev is not None and merged is not None:
            ev = merged.get(ev.id, ev)
        event_day = calendar_date(ev.date) if ev is not None else None
        if ev is not None and event_day is not None and ev.date_basis != "publication":
            dates[f.id] = (event_day, "event")
            continue
        day = published.get(f.evidence.doc)
        if day is not None:
            dates[f.id] = (day, "publication")
    return dates


def figure_series(figures: Iterable[Figure], context: FigureContext) -> list[FigureSeries]:
    """Each quantity given by two figures or more (SERIES_MIN or more each), its points in
    date order: the Gaza death toll over time, or the people killed on 7 October as each
    source counts them. Quantities with the most points first."""
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.counts and f.value >= SERIES_MIN and f.id in context.dates and not unit_only(f.counts):
            groups[context.quantity(f)].append(f)
    found = []
    for key, members in groups.items():
        if len(members) < 2:
            continue
        points = [_point(f, context) for f in members]
        points.sort(key=lambda p: (p.date, p.value, p.figure))
        first = members[0]
        found.append(
            FigureSeries(
                id="fs:" + sha256_hex("\x1f".join(key).encode())[:12],
                quantity=context.label(first),
                counts=first.counts or "",
                subject=context.subjects.get(first.id),
                points=points,
            )
        )
    return sorted(found, key=lambda s: (-len(s.points), s.quantity.casefold(), s.id))


def _point(f: Figure, context: FigureContext) -> SeriesPoint:
    day, basis = context.dates[f.id]
    whose = f.attributed_to or (f.attribution_evidence.text if f.attribution_evidence else None)
    return SeriesPoint(
        date=day,
        date_basis=basis,
        value=f.value,
        low=f.low,
        high=f.high,
        approximate=f.approximate,
        attributed_to=whose,
        figure=f.id,
        evidence=f.evidence,
    )
