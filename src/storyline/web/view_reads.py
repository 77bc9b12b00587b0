"""The aggregates the app's views need and the list endpoints do not give: the timeline
filtered as the report filters it (by story, actor, event type or group, outlet, words and
days), its histogram over a day range, a story's key dates, the actors of the timeline, the
story's headline facts, quotes grouped by speaker and what the story cites in one document.
Each is counted in SQL; only a handful of rows comes back to Python."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, String, func, literal, or_, select, union_all

from storyline.model import (
    Derivation,
    DocumentHead,
    Event,
    Evidence,
    Quote,
    SourceCredit,
    Story,
    TimelineEntry,
)
from storyline.present.display import input_name
from storyline.present.report_view import (
    SPAN_MARGIN_DAYS,
    SPAN_MARGIN_SHARE,
    SPAN_QUANTILE,
    day_of,
    event_groups,
)
from storyline.store import pages, schema
from storyline.store.pages import holds

# Citations checked against their document's text per statement.
_CHECK_CHUNK = 200
# Quotes listed per speaker: the view shows three and the rest on request.
QUOTES_PER_SPEAKER = 25
# Entries of one day read to pick the one a key date is labelled with.
_KEY_DAY_ROWS = 200


@dataclass(frozen=True)
class ViewFilters:
    """The report's timeline filters: ``type`` is a PLOVER type, an event group's key or
    "statement"; ``actor`` an entity id (or a part of a name); ``q`` words every entry holds
    (in its summary or cited words); ``since``/``until`` ISO dates."""

    story: str | None = None
    actor: str | None = None
    type: str | None = None
    outlet: str | pages.OutletMatch | None = None
    q: str | None = None
    since: str | None = None
    until: str | None = None


def _words(q: str | None) -> list[str]:
    return [w for w in (q or "").split() if w]


def timeline_query(f: ViewFilters, *, dated: bool = True) -> Select[Any]:
    """The timeline's (position, record) rows in order, filtered as ``f`` says."""
    table = schema.timeline
    query: Select[Any] = pages.timeline_query(
        pages.RecordFilters(actor=f.actor, story=f.story)
    ).with_only_columns(table.c.position, table.c.record)
    if f.type:
        groups = {g.key: g.types for g in event_groups()}
        if f.type == "statement":
            query = query.where(table.c.kind == "statement")
        elif f.type in groups:
            query = query.where(table.c.type.in_(groups[f.type]))
        else:
            query = query.where(table.c.type == f.type)
    if f.outlet:
        links = schema.timeline_documents
        published = pages.outlet_docs(f.outlet)
        query = query.where(
            table.c.position.in_(select(links.c.position).where(links.c.doc.in_(published)))
        )
    for word in _words(f.q):
        # The record holds the summary and the cited words: a word of either matches.
        query = query.where(holds(table.c.record, word))
    window = pages.date_window(table.c.date, f.since, f.until) if dated else None
    if window is not None:
        # As the report's timeline: a line whose date has no place on the axis
        # ("XXXX-10-07") is in every window, or no window would ever show it.
        query = query.where(or_(window, pages.unplaced(table.c.date)))
    return query


def count_of(conn: Connection, query: Select[Any], offset: int, limit: int, got: int) -> int:
    """The rows of ``query`` in all, given a page of ``got`` of them at ``offset``."""
    if offset == 0 and got < limit:
        return got  # the whole result is in hand
    counted = query.order_by(None).with_only_columns(func.count(), maintain_column_froms=True)
    return conn.scalar(counted) or 0


def day_number(text: str | None) -> int | None:
    day = day_of(text)
    return None if day is None else (day - dt.date(1970, 1, 1)).days


def histogram(conn: Connection, f: ViewFilters, start: str, end: str, bins: int) -> list[int]:
    """How many matching entries fall in each of ``bins`` equal slices of the days
    [start, end]; an entry whose date has no day ("XXXX-10-07") is in none."""
    a, b = day_number(start), day_number(end)
    counts = [0] * bins
    if a is None or b is None or b < a:
        return counts
    b += 1
    width = (b - a) / bins
    table = schema.timeline
    per_date = (
        timeline_query(ViewFilters(**{**f.__dict__, "since": start, "until": end}))
        .with_only_columns(table.c.date, func.count())
        .order_by(None)
        .group_by(table.c.date)
    )
    for date, n in conn.execute(per_date):
        day = day_number(date)
        if day is not None and a <= day < b:
            counts[min(bins - 1, int((day - a) / width))] += n
    return counts


def key_dates(conn: Connection, story: str | None, limit: int) -> list[dict[str, Any]]:
    """The days (full dates) most documents report on, of one story (counting its own
    documents) or of all, in date order, each with the summary of its most widely reported
    entry (of that story)."""
    table, links = schema.timeline, schema.timeline_documents
    docs = func.count(links.c.doc.distinct())
    entries = func.count(table.c.position.distinct())
    query = (
        select(table.c.date, docs, entries)
        .select_from(table.outerjoin(links, links.c.position == table.c.position))
        .where(func.length(table.c.date) == 10)
        .group_by(table.c.date)
        .order_by(docs.desc(), entries.desc(), table.c.date)
        .limit(limit)
    )
    of_day = select(table.c.record).order_by(table.c.position).limit(_KEY_DAY_ROWS)
    if story:
        # A line many stories' documents report is a key date of this story by its own.
        of_story = pages.timeline_query(pages.RecordFilters(story=story)).with_only_columns(
            table.c.position
        )
        query = query.where(
            table.c.position.in_(of_story), links.c.doc.in_(pages.story_docs(story))
        )
        of_day = of_day.where(table.c.position.in_(of_story))
    found = []
    for date, n_docs, n_entries in conn.execute(query):
        if day_number(date) is None:
            continue
        rows = conn.execute(of_day.where(table.c.date == date))
        lines = [TimelineEntry.model_validate_json(r[0]) for r in rows]
        top = max(lines, key=lambda e: len(set(e.documents) | {c.doc for c in e.citations}))
        found.append(
            {"date": date, "documents": n_docs, "entries": n_entries, "summary": top.summary}
        )
    return sorted(found, key=lambda d: d["date"])


def actors(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """The entities that act in or speak on timeline lines, most lines first."""
    table, events, quotes, entities = schema.timeline, schema.events, schema.quotes, schema.entities
    acting = union_all(
        select(events.c.source_actor.label("actor"), table.c.position).join(
            events, events.c.id == table.c.ref
        ),
        select(events.c.target_actor.label("actor"), table.c.position).join(
            events, events.c.id == table.c.ref
        ),
        select(quotes.c.speaker.label("actor"), table.c.position).join(
            quotes, quotes.c.id == table.c.ref
        ),
    ).subquery()
    lines = func.count(acting.c.position.distinct())
    query = (
        select(entities.c.id, entities.c.name, lines)
        .join(acting, acting.c.actor == entities.c.id)
        .group_by(entities.c.id, entities.c.name)
        .order_by(lines.desc(), entities.c.name, entities.c.id)
        .limit(limit)
    )
    return [{"id": i, "name": n, "entries": c} for i, n, c in conn.execute(query)]


def _quantile(days: Sequence[dt.date], q: float) -> dt.date:
    return days[round(q * (len(days) - 1))]


def time_span(conn: Connection) -> dict[str, Any]:
    """The story's time span as the report computes it (report_view.time_span), from the
    dates the store holds rather than the story in memory."""
    table = schema.timeline
    counted = conn.execute(select(table.c.date, func.count()).group_by(table.c.date)).all()
    entries = sorted((day, date, n) for date, n in counted if (day := day_of(date)) is not None)
    published = sorted(
        d for (p,) in conn.execute(select(pages.published_day())) if (d := day_of(p)) is not None
    )
    if published:
        low, high = _quantile(published, SPAN_QUANTILE), _quantile(published, 1 - SPAN_QUANTILE)
        basis = "publication dates"
    elif entries:
        flat = [day for day, _, n in entries for _ in range(n)]
        low, high = _quantile(flat, 0.25), _quantile(flat, 0.75)
        basis = "timeline dates"
    else:
        return {"start": None, "end": None, "outside": 0, "outside_dates": [], "basis": ""}
    margin = max(dt.timedelta(days=SPAN_MARGIN_DAYS), (high - low) * SPAN_MARGIN_SHARE)
    inside = [(day, date) for day, date, _ in entries if low - margin <= day <= high + margin]
    outside = [(date, n) for day, date, n in entries if not low - margin <= day <= high + margin]
    start, end = (inside[0][1], inside[-1][1]) if inside else (low.isoformat(), high.isoformat())
    return {
        "start": start,
        "end": end,
        "outside": sum(n for _, n in outside),
        "outside_dates": sorted(d for d, _ in outside)[:5],
        "basis": basis,
    }


def extent_and_types(conn: Connection) -> tuple[dict[str, str] | None, list[str]]:
    """The first and last day of the dated lines, and the event types the timeline holds."""
    table = schema.timeline
    days = sorted(
        d for (date,) in conn.execute(select(table.c.date).distinct()) if (d := day_of(date))
    )
    types = sorted(t for (t,) in conn.execute(select(table.c.type).distinct()) if t)
    extent = {"start": days[0].isoformat(), "end": days[-1].isoformat()} if days else None
    return extent, types


def story_titles(conn: Connection) -> list[str]:
    return list(
        conn.scalars(select(schema.stories.c.title).order_by(schema.stories.c.position).limit(2))
    )


# -- the lines of a page: actors, mode, stories and citations checked --------------------------


def line_details(
    conn: Connection, positions: Sequence[int], entries: Sequence[TimelineEntry]
) -> list[dict[str, Any]]:
    """Per line: its event's mode and actors with their roles (a statement: its speaker),
    the stories it belongs to, and which citations' words differ from their document."""
    refs = [e.ref for e in entries]
    events, quotes, links, members = (
        schema.events,
        schema.quotes,
        schema.timeline_documents,
        schema.story_documents,
    )
    roles: dict[str, list[dict[str, str]]] = {}
    modes: dict[str, str] = {}
    for (record,) in conn.execute(select(events.c.record).where(events.c.id.in_(refs))):
        event = Event.model_validate_json(record)
        modes[event.id] = event.mode
        roles[event.id] = [
            {"id": i, "role": role}
            for i, role in (
                (event.source_actor, "source"),
                (event.target_actor, "target"),
                (event.location, "location"),
                (event.reported_by, "reported by"),
            )
            if i
        ]
    for qid, speaker in conn.execute(
        select(quotes.c.id, quotes.c.speaker).where(quotes.c.id.in_(refs))
    ):
        if speaker:
            roles[qid] = [{"id": speaker, "role": "speaker"}]
    stories: dict[int, list[str]] = defaultdict(list)
    query = (
        select(links.c.position, members.c.story)
        .join(members, members.c.doc == links.c.doc)
        .where(links.c.position.in_(positions))
        .distinct()
    )
    for position, story in conn.execute(query):
        stories[position].append(story)
    wrong = unverified(conn, [c for e in entries for c in e.citations])
    return [
        {
            "mode": modes.get(e.ref) if modes.get(e.ref) != "asserted" else None,
            "actors": roles.get(e.ref, []),
            "stories": sorted(stories.get(p, [])),
            "unverified": [i for i, c in enumerate(e.citations) if span_key(c) in wrong],
        }
        for p, e in zip(positions, entries, strict=True)
    ]


def span_key(ev: Evidence) -> tuple[str, int, int, str]:
    return (ev.doc, ev.start, ev.end, ev.text)


def unverified(conn: Connection, spans: Iterable[Evidence]) -> set[tuple[str, int, int, str]]:
    """The spans whose words are not their document's text at their offsets: checked in the
    database, so no document's text is read here."""
    wanted = list({span_key(s): s for s in spans}.values())
    wrong: set[tuple[str, int, int, str]] = set()
    docs = schema.documents
    for at in range(0, len(wanted), _CHECK_CHUNK):
        chunk = wanted[at : at + _CHECK_CHUNK]
        parts = [
            select(
                literal(i).label("i"),
                func.substr(docs.c.text, s.start + 1, max(0, s.end - s.start)).label("words"),
            ).where(docs.c.id == s.doc)
            for i, s in enumerate(chunk)
        ]
        found = {i: words for i, words in conn.execute(union_all(*parts))}
        for i, s in enumerate(chunk):
            if s.start < 0 or s.end < s.start or found.get(i) != s.text:
                wrong.add(span_key(s))
    return wrong


# -- one document: what the story cites in it, its credits and retellings ----------------------


def cited_in(conn: Connection, doc: str) -> list[Evidence]:
    """The spans of ``doc`` that timeline lines, figures and quotes cite, checked."""
    table, links = schema.timeline, schema.timeline_documents
    spans: list[Evidence] = []
    rows = conn.execute(
        select(table.c.record).where(
            table.c.position.in_(select(links.c.position).where(links.c.doc == doc))
        )
    )
    for (record,) in rows:
        spans += [c for c in TimelineEntry.model_validate_json(record).citations if c.doc == doc]
    for table_ in (schema.figures, schema.quotes):
        for (record,) in conn.execute(select(table_.c.record).where(table_.c.doc == doc)):
            spans.append(Evidence.model_validate(_evidence_of(record)))
    wrong = unverified(conn, spans)
    unique = {span_key(s): s for s in spans}
    return [s for key, s in unique.items() if key not in wrong]


def _evidence_of(record: str) -> Any:
    return json.loads(record)["evidence"]


def credits_of(conn: Connection, doc: str) -> list[SourceCredit]:
    table = schema.source_credits
    rows = conn.execute(select(table.c.record).where(table.c.doc == doc).order_by(table.c.position))
    return [SourceCredit.model_validate_json(r[0]) for r in rows]


def derivations_of(conn: Connection, doc: str) -> list[Derivation]:
    table = schema.derivations
    rows = conn.execute(
        select(table.c.record)
        .where(or_(table.c.doc == doc, table.c.derived_from == doc))
        .order_by(table.c.position)
    )
    return [Derivation.model_validate_json(r[0]) for r in rows]


def all_derivations(conn: Connection, limit: int) -> list[Derivation]:
    table = schema.derivations
    rows = conn.execute(select(table.c.record).order_by(table.c.position).limit(limit))
    return [Derivation.model_validate_json(r[0]) for r in rows]


def heads(conn: Connection, ids: Iterable[str]) -> list[DocumentHead]:
    wanted = list(set(ids))
    docs = schema.documents
    found = []
    for at in range(0, len(wanted), 500):
        rows = conn.execute(select(docs.c.record).where(docs.c.id.in_(wanted[at : at + 500])))
        found += [DocumentHead.model_validate_json(r[0]) for r in rows]
    return found


# -- quotes by speaker ------------------------------------------------------------------------


def speakers(
    conn: Connection, q: str | None, limit: int, offset: int, story: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Speakers by how many quotes they have, the quotes no one is named for last: one group
    per resolved entity, else per name the quotes give (an entity is named by its name). A
    page of them with their first quotes in date order, and how many speakers there are.
    ``q``: words each listed quote or its speaker's name holds; ``story``: only quotes of
    that story's documents."""
    quotes, entities = schema.quotes, schema.entities
    name = func.coalesce(entities.c.name, quotes.c.speaker, literal("unattributed", String))
    joined = quotes.outerjoin(entities, entities.c.id == quotes.c.speaker)
    conditions = [or_(holds(name, w), holds(quotes.c.record, w)) for w in _words(q)]
    if story:
        members = schema.story_documents
        conditions.append(quotes.c.doc.in_(select(members.c.doc).where(members.c.story == story)))
    count = func.count()
    grouped = (
        select(quotes.c.speaker, name.label("name"), count)
        .select_from(joined)
        .where(*conditions)
        .group_by(quotes.c.speaker, name)
    )
    total = conn.scalar(select(func.count()).select_from(grouped.subquery())) or 0
    unnamed = quotes.c.speaker.is_(None)
    chosen = conn.execute(
        grouped.order_by(unnamed, count.desc(), name, quotes.c.speaker).limit(limit).offset(offset)
    ).all()
    groups = []
    for speaker, label, n in chosen:
        # By the speaker column, which an index holds: one group's quotes, not every quote.
        who = quotes.c.speaker.is_(None) if speaker is None else quotes.c.speaker == speaker
        rows = conn.execute(
            select(quotes.c.record)
            .select_from(joined)
            .where(who, *conditions)
            .order_by(quotes.c.date.is_(None), quotes.c.date, quotes.c.position)
            .limit(QUOTES_PER_SPEAKER)
        )
        groups.append(
            {
                "speaker": label,
                "count": n,
                "quotes": [Quote.model_validate_json(r[0]) for r in rows],
            }
        )
    return groups, total


def conflicted_figures(conn: Connection) -> list[str]:
    """Ids of the figures any conflict sets against another."""
    table, figures = schema.conflicts, schema.figures
    ids: set[str] = set()
    for (record,) in conn.execute(select(table.c.record)):
        ids.update(json.loads(record)["items"])
    if not ids:
        return []
    found = []
    wanted = sorted(ids)
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        found += list(conn.scalars(select(figures.c.id).where(figures.c.id.in_(chunk))))
    return sorted(found)


# -- stories as the app's cards ---------------------------------------------------------------


def story_cards(
    conn: Connection, several: bool | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """A page of the stories, largest first, as the app's cards show them: title, how many
    documents, outlets and events, first and last day, key actors (ids). ``several``: only
    the stories of two documents or more (True), of one (False), or all (None)."""
    table = schema.stories
    query = select(table.c.id, table.c.record).order_by(table.c.size.desc(), table.c.position)
    if several is not None:
        query = query.where(table.c.size >= 2 if several else table.c.size < 2)
    total = conn.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = conn.execute(pages.page_of(query, limit, offset))
    stories = [Story.model_validate_json(r.record) for r in rows]
    outlets = _outlets_of_stories(conn, [s.id for s in stories])
    cards = [
        {
            "id": s.id,
            "title": s.title,
            "documents": len(s.documents),
            "events": len(s.events),
            "outlets": len(outlets.get(s.id, ())),
            "start": s.start,
            "end": s.end,
            "key_actors": s.key_actors,
        }
        for s in stories
    ]
    return cards, total


def _outlets_of_stories(conn: Connection, ids: Sequence[str]) -> dict[str, set[str]]:
    """The outlets (as listings name them) of each story's documents."""
    members, docs = schema.story_documents, schema.documents
    query = (
        select(members.c.story, docs.c.outlet, docs.c.source)
        .join(docs, docs.c.id == members.c.doc)
        .where(members.c.story.in_(ids))
    )
    found: dict[str, set[str]] = defaultdict(set)
    for story, outlet, source in conn.execute(query) if ids else ():
        found[story].add(outlet or input_name(source) or "unknown outlet")
    return found


def story_documents(conn: Connection, story: str) -> set[str]:
    return set(conn.scalars(pages.story_docs(story)))
