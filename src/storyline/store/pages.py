"""Filtered pages of the stored story with their totals, for readers that page through it
(the web API): each filter set is one query, paged and counted in SQL.

Date filters compare ISO prefixes as the timeline orders them: ``since`` keeps dates from it on
("2023-12" falls between "2023-11-30" and "2023-12-01"), ``until`` every date that begins with
it or sorts before it ("2023-12-31" is inside "2023-12"). Undated rows match neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from storyline.store import schema

T = TypeVar("T")
# The escape character of the LIKE patterns holds() makes.
_ESCAPE = "/"


class holds(ColumnElement[bool]):
    """``column`` holds ``part``, in any case: LIKE on SQLite, whose LIKE already ignores
    the case of ASCII letters as its lower() does (lower(column) would be computed on every
    row and keep an index of the column from covering the scan), ILIKE on PostgreSQL."""

    type = Boolean()
    inherit_cache = True
    # The column and pattern are part of the statement cache's key.
    _traverse_internals = [("clauses", InternalTraversal.dp_clauseelement_tuple)]  # noqa: RUF012
    # A condition in itself, as a comparison is: never compared with true.
    _is_implicitly_boolean = True

    def __init__(self, column: ColumnElement[Any], part: str) -> None:
        escaped = "".join(_ESCAPE + c if c in "%_" + _ESCAPE else c for c in part.lower())
        self.clauses = (column, literal(f"%{escaped}%"))

    @property
    def _from_objects(self) -> list[Any]:
        return list(self.clauses[0]._from_objects)


@compiles(holds)
def _holds_anywhere(element: holds, compiler: Any, **kw: Any) -> str:
    column, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"lower({column}) LIKE {pattern} ESCAPE '{_ESCAPE}'"


@compiles(holds, "sqlite")
def _holds_sqlite(element: holds, compiler: Any, **kw: Any) -> str:
    column, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"{column} LIKE {pattern} ESCAPE '{_ESCAPE}'"


@compiles(holds, "postgresql")
def _holds_postgresql(element: holds, compiler: Any, **kw: Any) -> str:
    column, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"{column} ILIKE {pattern} ESCAPE '{_ESCAPE}'"


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a query's rows and how many rows the whole query has."""

    items: list[T]
    total: int


def fetch(
    conn: Connection,
    query: Select[Any],
    parse: Callable[[Any], T],
    *,
    limit: int | None,
    offset: int,
    positioned: Table | None = None,
    total: int | None = None,
) -> Paged[T]:
    """The page of ``query`` at ``offset`` (each row through ``parse``) and its total;
    ``positioned``: the story table whose records ``query`` reads in position order;
    ``total``: the total when the caller knows it already (not counted again)."""
    items = [parse(row) for row in conn.execute(page_of(query, limit, offset, positioned))]
    if offset == 0 and (limit is None or len(items) < limit):
        return Paged(items, len(items))  # the whole result is in hand
    if total is not None:
        return Paged(items, total)
    # The same rows counted, none of their columns read: a count over a subquery selecting the
    # records would read every one of them, and records are large.
    counted = query.order_by(None).with_only_columns(func.count(), maintain_column_froms=True)
    return Paged(items, conn.scalar(counted) or 0)


def page_of(
    query: Select[Any], limit: int | None, offset: int, positioned: Table | None = None
) -> Select[Any]:
    """``query`` cut to a page. A query of the records of one story table, ``positioned``,
    in position order finds the page's positions first and reads only their records: sorting
    with the records in hand, SQLite would copy every matching record into its sorter to keep
    fifty."""
    table = positioned
    if table is None:
        paged = query.offset(offset)
        return paged if limit is None else paged.limit(limit)
    keys = query.with_only_columns(table.c.position, maintain_column_froms=True).offset(offset)
    if limit is not None:
        keys = keys.limit(limit)
    return (
        select(*query.selected_columns)
        .where(table.c.position.in_(select(keys.subquery().c.position)))
        .order_by(table.c.position)
    )


def dated(
    query: Select[Any], column: ColumnElement[Any], since: str | None, until: str | None
) -> Select[Any]:
    """``query`` keeping the rows whose ``column`` date lies in [since, until]."""
    window = date_window(column, since, until)
    return query if window is None else query.where(window)


def date_window(
    column: ColumnElement[Any], since: str | None, until: str | None
) -> ColumnElement[bool] | None:
    """``column``'s date lies in [since, until] (None: no bound given)."""
    bounds = []
    if since is not None:
        bounds.append(column >= since)
    if until is not None:
        bounds.append(func.substr(column, 1, len(until)) <= until)
    return and_(*bounds) if bounds else None


def unplaced(column: ColumnElement[Any]) -> ColumnElement[bool]:
    """``column`` holds no date with a year ("XXXX-10-07", a day of some year), or none:
    ISO dates begin with a digit, and digits sort between "/" and ":"."""
    return or_(column.is_(None), column < "0", column >= ":")


def named(part: str) -> Select[Any]:
    """Ids of the entities whose name holds ``part``, in any case: a common table expression,
    so a query that filters several columns by it scans the names once."""
    entities = schema.entities
    found = select(entities.c.id).where(holds(entities.c.name, part)).cte("named")
    return select(found.c.id)


def _acts(events: Table, actor: str, ids: Select[Any]) -> ColumnElement[bool]:
    """The events whose source or target is the entity ``actor`` names by its id, or one of
    the entities ``ids`` (those whose names hold it)."""
    return or_(
        events.c.source_actor == actor,
        events.c.target_actor == actor,
        events.c.source_actor.in_(ids),
        events.c.target_actor.in_(ids),
    )


@dataclass(frozen=True)
class OutletMatch:
    """An outlet as listings name it: a stored outlet (any case), or the label a listing gives
    documents that name none (their input's file name), which no column holds: ``docs`` are
    those documents, found by the reader that made the labels."""

    name: str
    docs: tuple[str, ...] = ()

    @classmethod
    def of(cls, outlet: str | OutletMatch) -> OutletMatch:
        return outlet if isinstance(outlet, OutletMatch) else cls(outlet)


def outlet_filter(outlet: str | OutletMatch) -> ColumnElement[bool]:
    """Documents (by their id column) that ``outlet`` published."""
    match, documents = OutletMatch.of(outlet), schema.documents
    named_so = func.lower(documents.c.outlet) == match.name.lower()
    return or_(named_so, documents.c.id.in_(match.docs)) if match.docs else named_so


def outlet_docs(outlet: str | OutletMatch) -> Select[Any]:
    """Ids of the documents ``outlet`` published."""
    return select(schema.documents.c.id).where(outlet_filter(outlet))


@dataclass(frozen=True)
class RecordFilters:
    """What a page of timeline lines, events or documents is filtered by (None: not by
    that): ``since``/``until`` ISO dates; ``actor`` an entity id or a part of a name (any
    case); ``type`` a PLOVER type and ``mode`` an event's mode (events); ``outlet`` the outlet
    that published a document; ``story`` a story's id. Hashable: filtered totals are kept
    by it."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    outlet: str | OutletMatch | None = None
    story: str | None = None


NO_FILTERS = RecordFilters()


def story_docs(story: str) -> Select[Any]:
    members = schema.story_documents
    return select(members.c.doc).where(members.c.story == story)


def timeline_query(f: RecordFilters = NO_FILTERS) -> Select[Any]:
    """Timeline lines in order: ``actor`` (an entity id, or a part of a name in any case)
    keeps the events whose source or target and the statements whose speaker it is;
    ``story`` the lines citing that story's documents; ``type`` the events of that PLOVER
    type (``mode`` and ``outlet`` are not read)."""
    table = schema.timeline
    query = select(table.c.record).order_by(table.c.position)
    actor, story, type = f.actor, f.story, f.type
    if actor is not None:
        events, quotes = schema.events, schema.quotes
        ids = named(actor)
        acting = select(events.c.id).where(_acts(events, actor, ids))
        speaking = select(quotes.c.id).where(
            or_(quotes.c.speaker == actor, quotes.c.speaker.in_(ids))
        )
        query = query.where(or_(table.c.ref.in_(acting), table.c.ref.in_(speaking)))
    if story is not None:
        links = schema.timeline_documents
        in_story = select(links.c.position).where(links.c.doc.in_(story_docs(story)))
        query = query.where(table.c.position.in_(in_story))
    if type is not None:
        query = query.where(table.c.type == type)
    return dated(query, table.c.date, f.since, f.until)


def events_query(f: RecordFilters = NO_FILTERS) -> Select[Any]:
    """Events in contract order (by date, undated last): ``actor`` is an entity id or a part
    of an entity's name, matched against source and target; ``outlet`` keeps the events one
    of whose documents that outlet published (any case); ``story`` those drawing on that
    story's documents."""
    events, links = schema.events, schema.event_documents
    query = select(events.c.record).order_by(events.c.position)
    actor, type, mode, outlet, story = f.actor, f.type, f.mode, f.outlet, f.story
    if actor is not None:
        query = query.where(_acts(events, actor, named(actor)))
    if type is not None:
        query = query.where(events.c.type == type)
    if mode is not None:
        query = query.where(events.c.mode == mode)
    if outlet is not None:
        query = query.where(
            events.c.id.in_(select(links.c.event).where(links.c.doc.in_(outlet_docs(outlet))))
        )
    if story is not None:
        query = query.where(
            events.c.id.in_(select(links.c.event).where(links.c.doc.in_(story_docs(story))))
        )
    return dated(query, events.c.date, f.since, f.until)


@dataclass(frozen=True)
class EntityFilters:
    """What a page of entities is filtered by: a kind, and a part of their names (any case)."""

    kind: str | None = None
    q: str | None = None


def entities_query(f: EntityFilters = EntityFilters()) -> Select[Any]:
    """Entities by name (any case), of one kind, whose name holds ``q``."""
    entities = schema.entities
    query = select(entities.c.record).order_by(func.lower(entities.c.name), entities.c.id)
    if f.kind is not None:
        query = query.where(entities.c.kind == f.kind)
    if f.q is not None:
        query = query.where(holds(entities.c.name, f.q))
    return query


def quotes_query(
    *, speaker: str | None = None, since: str | None = None, until: str | None = None
) -> Select[Any]:
    """Quotes by date (undated last), then in contract order, each row with the name of the
    entity that said it (None when the speaker is no known entity). ``speaker`` keeps the
    quotes whose speaker's name (the entity's, else the words naming the speaker) holds it,
    in any case."""
    quotes, entities = schema.quotes, schema.entities
    query = (
        select(quotes.c.record, entities.c.name)
        .select_from(quotes.outerjoin(entities, entities.c.id == quotes.c.speaker))
        .order_by(quotes.c.date.is_(None), quotes.c.date, quotes.c.position)
    )
    if speaker is not None:
        # The entity's name, else the speaker's own words: written so that both read an
        # index (entities by name, quotes by speaker) rather than joining every quote.
        by_words = and_(
            holds(quotes.c.speaker, speaker),
            quotes.c.speaker.not_in(select(entities.c.id)),
        )
        query = query.where(or_(quotes.c.speaker.in_(named(speaker)), by_words))
    return dated(query, quotes.c.date, since, until)


def published_day() -> ColumnElement[Any]:
    """A document's publication date to order and filter by: the best guess, else the
    interval's start."""
    documents = schema.documents
    return func.coalesce(documents.c.published_best, documents.c.published_earliest)


def documents_query(f: RecordFilters = NO_FILTERS) -> Select[Any]:
    """Documents' records (without their text) in publication order, undated last, by
    publication date, outlet and story (the other filters are not read)."""
    documents = schema.documents
    query = select(documents.c.record).order_by(
        documents.c.published_earliest.is_(None), published_day(), documents.c.id
    )
    if f.outlet is not None:
        query = query.where(outlet_filter(f.outlet))
    if f.story is not None:
        query = query.where(documents.c.id.in_(story_docs(f.story)))
    return dated(query, published_day(), f.since, f.until)
