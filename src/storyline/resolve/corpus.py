"""All cross-document stages in order: from documents and their analyses to a ResolvedStory
(without its timeline, which the summarize stage writes from the events and quotes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from storyline.model import (
    Analysis,
    Document,
    Entity,
    Event,
    Figure,
    Quote,
    Rejection,
    ResolvedStory,
    TimeExpression,
)
from storyline.resolve.credits import source_credits
from storyline.resolve.date_conflicts import date_conflicts
from storyline.resolve.dating import Anchor, apply_dating
from storyline.resolve.entities import resolve_entities
from storyline.resolve.event_dates import StoryEventDater
from storyline.resolve.event_merge import merge_events
from storyline.resolve.figure_countries import figure_countries
from storyline.resolve.figure_series import (
    FigureContext,
    figure_dates,
    figure_series,
    figure_subjects,
)
from storyline.resolve.figures import figure_conflicts
from storyline.resolve.published import published_date
from storyline.resolve.rewrites import find_derivations
from storyline.resolve.story_groups import group_stories
from storyline.resolve.story_state import StreamState
from storyline.timex.anchor import anchor_date
from storyline.timex.days import calendar_date


def _speaker_name(quote: Quote, speaker: str | None, entities: dict[str, Entity]) -> str | None:
    """The speaker's entity name where the quote named them by one of its names ("Netanyahu"
    -> "Benjamin Netanyahu", "Israeli" -> "Israel"); a fuller phrase the quote gave ("Gaza's
    Hamas-run health ministry") stays as written."""
    entity = entities.get(speaker or "")
    name = quote.speaker_name
    if entity is None or name is None:
        return name
    names = {n.casefold() for n in (entity.name, *entity.aliases)}
    return entity.name if name.casefold() in names else name


def _quote_date(quote: Quote, published: str | None) -> dict[str, str | None]:
    """A statement with no calendar date of its own was made by the time its article
    appeared: the article's date is the best first estimate, and no expression dates it. One
    whose own expression is unresolved and whose article has no day keeps pointing at that
    expression, as an event keeps its date evidence."""
    own = calendar_date(quote.date)
    if own is None and published is not None:
        return {"date": published, "date_ref": None}
    return {"date": own, "date_ref": quote.date_ref}


def resolve_story(
    documents: Sequence[Document],
    analyses: Sequence[Analysis],
    rejections: Sequence[Rejection] = (),
    *,
    anchors: Sequence[Anchor] = (),
    today: dt.date | None = None,
    infer_dates: bool = True,
    changed: Collection[str] | None = None,
    story_state: StreamState | None = None,
) -> ResolvedStory:
    """Every cross-document stage. Dating comes first: undated documents get a publication
    date (or interval) and their relative time expressions are resolved against it, so that
    their events and statements are dated too. ``anchors`` are dates the user knows;
    ``today`` bounds publication dates (default: the current day). ``infer_dates=False``
    keeps the documents' inferred dates as they are (a store whose dates are up to date);
    ``changed`` (ids of documents new or changed since then) dates again only those and the
    documents that report the same events. ``story_state`` (the story clustering of an earlier
    build, updated in place) places only the documents it does not hold yet."""
    dated = apply_dating(
        documents, analyses, anchors, today=today, infer=infer_dates, changed=changed
    )
    documents, analyses = dated.documents, dated.analyses
    by_id = {d.id: d for d in documents}
    analyses = [a for a in analyses if a.doc in by_id]
    entities, remap = resolve_entities(analyses)
    entity_by_id = {e.id: e for e in entities}

    events: list[Event] = []
    quotes: list[Quote] = []
    figures: list[Figure] = []
    times: list[TimeExpression] = []
    for a in analyses:
        published = published_date(by_id[a.doc])
        dater = StoryEventDater(by_id[a.doc], a.times)
        for ev in a.events:
            events.append(
                ev.model_copy(
                    update={
                        "source_actor": remap.get(ev.source_actor or "", ev.source_actor),
                        "target_actor": remap.get(ev.target_actor or "", ev.target_actor),
                        "location": remap.get(ev.location or "", ev.location),
                        "reported_by": remap.get(ev.reported_by or "", ev.reported_by),
                        **dater.date_fields(ev),
                    }
                )
            )
        for q in a.quotes:
            speaker = remap.get(q.speaker or "", q.speaker)
            update = {"speaker": speaker, "speaker_name": _speaker_name(q, speaker, entity_by_id)}
            quotes.append(q.model_copy(update={**update, **_quote_date(q, published)}))
        figures.extend(f.model_copy(update={"as_of": calendar_date(f.as_of)}) for f in a.figures)
        times.extend(a.times)

    reported = events
    events = merge_events(events, analyses, remap, entities)
    # A figure counted by an event's verb takes the event's date, which merging may have
    # found in another article ("killing 1,200" retold a year later).
    merged = {r.id: e for e in events for r in e.reports}
    stories = group_stories(
        analyses, remap, entities, events, documents=documents, state=story_state
    )
    figure_context = FigureContext(
        figure_subjects(figures, entities),
        figure_dates(figures, reported, documents, merged),
        {doc: story.id for story in stories for doc in story.documents},
        figure_countries(figures, analyses, entities),
    )
    conflicts = figure_conflicts(figures, figure_context)
    credits = source_credits(documents)
    days = {d.id: anchor_date(d) for d in documents}
    return ResolvedStory(
        documents=sorted(documents, key=lambda d: d.id),
        entities=entities,
        events=sorted(events, key=lambda e: e.id),
        figures=sorted(figures, key=lambda f: f.id),
        quotes=sorted(quotes, key=lambda q: q.id),
        times=sorted(times, key=lambda t: t.id),
        stories=stories,
        conflicts=conflicts + date_conflicts(documents),
        series=figure_series(figures, figure_context.joined(c.items for c in conflicts)),
        rejections=sorted(rejections, key=lambda r: r.source),
        source_credits=credits,
        derivations=find_derivations(documents, analyses, days, credits),
    )
