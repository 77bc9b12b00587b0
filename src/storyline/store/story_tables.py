"""The resolved story's tables: writing a whole story, reading it back a page at a time.

Each record is kept as its JSON beside its position in the storyline/1 contract's order and
the columns queries filter on (schema.py), so a read command pages through a table by
position and never re-resolves anything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, Table, delete, func, insert, select

from storyline.model import (
    Conflict,
    Derivation,
    Entity,
    Event,
    Figure,
    FigureSeries,
    Quote,
    Record,
    ResolvedStory,
    SourceCredit,
    Story,
    TimeExpression,
    TimelineEntry,
    contract_dump,
    contract_json,
)
from storyline.store import pages, schema

R = TypeVar("R", bound=Record)
# Rows sent to the database per statement: large enough that a 100,000-row table costs a
# few hundred round trips, small enough to bound the parameters of one statement.
CHUNK = 1000

# The record type behind each story table, for reading it back.
MODELS: dict[str, type[Record]] = {
    "entities": Entity,
    "events": Event,
    "figures": Figure,
    "quotes": Quote,
    "times": TimeExpression,
    "stories": Story,
    "conflicts": Conflict,
    "series": FigureSeries,
    "timeline": TimelineEntry,
    "source_credits": SourceCredit,
    "derivations": Derivation,
}


def _entity(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "kind": e.kind}


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "date": e.date,
        "source_actor": e.source_actor,
        "target_actor": e.target_actor,
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {"id": f.id, "doc": f.evidence.doc, "counts": f.counts, "as_of": f.as_of}


def _quote(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "doc": q.evidence.doc, "speaker": q.speaker, "date": q.date}


def _time(t: TimeExpression) -> dict[str, Any]:
    return {"id": t.id, "doc": t.evidence.doc, "value": t.value}


def _story(s: Story) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "size": len(s.documents)}


def _conflict(c: Conflict) -> dict[str, Any]:
    return {"kind": c.kind}


def _series(s: FigureSeries) -> dict[str, Any]:
    return {"id": s.id, "quantity": s.quantity, "size": len(s.points)}


def _line(t: TimelineEntry) -> dict[str, Any]:
    return {"date": t.date, "kind": t.kind, "type": t.type, "ref": t.ref}


def _credit(c: SourceCredit) -> dict[str, Any]:
    return {"doc": c.doc, "outlet": c.outlet, "role": c.role}


def _derivation(d: Derivation) -> dict[str, Any]:
    return {"doc": d.doc, "derived_from": d.derived_from}


# The queryable columns of each table's rows (position and record are added to all).
COLUMNS: Mapping[str, Callable[[Any], dict[str, Any]]] = {
    "entities": _entity,
    "events": _event,
    "figures": _figure,
    "quotes": _quote,
    "times": _time,
    "stories": _story,
    "conflicts": _conflict,
    "series": _series,
    "timeline": _line,
    "source_credits": _credit,
    "derivations": _derivation,
}


def _insert_all(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        conn.execute(insert(table), chunk)


def write_story(conn: Connection, story: ResolvedStory) -> None:
    """Replace the stored story with ``story`` (whose tables are in contract order)."""
    for table in (*schema.STORY_LINKS, *schema.STORY_TABLES.values()):
        conn.execute(delete(table))
    for name, table in schema.STORY_TABLES.items():
        columns = COLUMNS[name]
        records: list[Record] = getattr(story, name)
        _insert_all(
            conn,
            table,
            (
                {**columns(r), "position": i, "record": contract_json(contract_dump(r))}
                for i, r in enumerate(records)
            ),
        )
    _insert_all(
        conn,
        schema.event_documents,
        ({"event": e.id, "doc": d} for e in story.events for d in dict.fromkeys(e.documents)),
    )
    _insert_all(
        conn,
        schema.story_documents,
        ({"story": s.id, "doc": d} for s in story.stories for d in dict.fromkeys(s.documents)),
    )
    _insert_all(
        conn,
        schema.timeline_documents,
        (
            {"position": i, "doc": d}
            for i, t in enumerate(story.timeline)
            for d in dict.fromkeys([*t.documents, *(c.doc for c in t.citations)])
        ),
    )


def mark_pending(conn: Connection, doc_id: str) -> None:
    """The document changed: the stored story no longer reflects it."""
    from storyline.store.upsert import insert_new

    insert_new(conn, schema.story_pending, {"doc": doc_id}, ["doc"])


def id_chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """``ids`` in lists of at most CHUNK: one bounded IN (...) clause each, however many."""
    it = iter(ids)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def rows_for_ids(
    conn: Connection, query: Select[Any], column: Any, ids: Iterable[str]
) -> Iterator[Any]:
    """The rows of ``query`` whose ``column`` is among ``ids`` (each once), one bounded IN
    (...) clause at a time: rows come in the query's order within each chunk of ids."""
    for chunk in id_chunks(sorted(set(ids))):
        yield from conn.execute(query.where(column.in_(chunk)))


def values_by_id(conn: Connection, column: Any, ids: Iterable[str]) -> dict[str, Any]:
    """One column of a keyed table's rows whose id is among ``ids``, by id."""
    table = column.table
    rows = rows_for_ids(conn, select(table.c.id, column), table.c.id, ids)
    return {row[0]: row[1] for row in rows}


def clear_pending(conn: Connection, doc_ids: Collection[str]) -> None:
    """The stored story now reflects these documents."""
    for chunk in id_chunks(doc_ids):
        conn.execute(delete(schema.story_pending).where(schema.story_pending.c.doc.in_(chunk)))


def pending(conn: Connection) -> list[str]:
    return list(
        conn.scalars(select(schema.story_pending.c.doc).order_by(schema.story_pending.c.doc))
    )


def count(conn: Connection, table: Table) -> int:
    return conn.scalar(select(func.count()).select_from(table)) or 0


def read_page(
    conn: Connection, name: str, model: type[R], after: int, limit: int
) -> list[tuple[int, R]]:
    """Up to ``limit`` records of a story table after position ``after``, in order."""
    table = schema.STORY_TABLES[name]
    rows = conn.execute(
        select(table.c.position, table.c.record)
        .where(table.c.position > after)
        .order_by(table.c.position)
        .limit(limit)
    ).all()
    return [(row.position, model.model_validate_json(row.record)) for row in rows]


def timeline_page(
    conn: Connection,
    filters: pages.RecordFilters,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[TimelineEntry]:
    """Timeline lines in order, filtered as pages.timeline_query says."""
    # Paged by position first, as the web API pages it: the records are read for the page only.
    page = pages.page_of(pages.timeline_query(filters), limit, offset, schema.timeline)
    return [TimelineEntry.model_validate_json(r) for r in conn.scalars(page)]


def entities_of_kind(conn: Connection, kind: str | None = None) -> list[Entity]:
    """Every entity (of one kind), in contract order."""
    table = schema.entities
    query = select(table.c.record).order_by(table.c.position)
    if kind is not None:
        query = query.where(table.c.kind == kind)
    return [Entity.model_validate_json(r) for r in conn.scalars(query)]


def figures_page(
    conn: Connection,
    *,
    limit: int | None = None,
    offset: int = 0,
    filters: pages.RecordFilters = pages.NO_FILTERS,
) -> list[Figure]:
    """Figures by the date they hold as of (undated last), then in contract order; of the
    ``filters``, since/until keep those as of a date in that window, story those read in
    that story's documents (the others are not read)."""
    table = schema.figures
    query = select(table.c.record).order_by(
        table.c.as_of.is_(None), table.c.as_of, table.c.position
    )
    if filters.story is not None:
        query = query.where(table.c.doc.in_(pages.story_docs(filters.story)))
    query = pages.dated(query, table.c.as_of, filters.since, filters.until)
    page = pages.page_of(query, limit, offset)
    return [Figure.model_validate_json(r) for r in conn.scalars(page)]


def stories_page(conn: Connection, *, limit: int | None = None, offset: int = 0) -> list[Story]:
    """Stories, largest first (most documents), then in contract order."""
    table = schema.stories
    query = select(table.c.record).order_by(table.c.size.desc(), table.c.position)
    return [Story.model_validate_json(r) for r in conn.scalars(pages.page_of(query, limit, offset))]


def series_page(
    conn: Connection, *, limit: int | None = None, offset: int = 0
) -> list[FigureSeries]:
    """Figure series, most points first, then in contract order."""
    table = schema.series
    query = select(table.c.record).order_by(table.c.size.desc(), table.c.position)
    page = pages.page_of(query, limit, offset)
    return [FigureSeries.model_validate_json(r) for r in conn.scalars(page)]


def conflicts_page(
    conn: Connection, *, limit: int | None = None, offset: int = 0
) -> list[tuple[Conflict, list[Figure]]]:
    """Conflicts in contract order, each with the figures it sets against each other."""
    table, figures = schema.conflicts, schema.figures
    query = select(table.c.record).order_by(table.c.position)
    conflicts = [
        Conflict.model_validate_json(r) for r in conn.scalars(pages.page_of(query, limit, offset))
    ]
    ids = sorted({i for c in conflicts for i in c.items})
    found = {
        f.id: f
        for f in (
            Figure.model_validate_json(r)
            for r in conn.scalars(select(figures.c.record).where(figures.c.id.in_(ids)))
        )
    }
    return [(c, [found[i] for i in c.items if i in found]) for c in conflicts]


def quotes_page(
    conn: Connection,
    *,
    limit: int | None = None,
    offset: int = 0,
    speaker: str | None = None,
) -> list[tuple[Quote, str | None]]:
    """Quotes by date (undated last) with their speakers' names, filtered as
    pages.quotes_query says."""
    rows = conn.execute(pages.page_of(pages.quotes_query(speaker=speaker), limit, offset)).all()
    return [(Quote.model_validate_json(row.record), row.name) for row in rows]


def iter_table(
    read: Callable[[int], list[tuple[int, R]]],
) -> Iterator[R]:
    """Every record of a table, a page at a time (``read(after)`` gives the next page)."""
    after = -1
    while page := read(after):
        for _, record in page:
            yield record
        after = page[-1][0]
