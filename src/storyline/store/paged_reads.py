"""The store's reads for readers that page through the story (the web API): each a page of
one table filtered in SQL, with the total of the whole filtered query, in one transaction."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection, Hashable, MutableMapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, Table, func, select

from storyline.model import DocumentHead, Entity, Event, Quote, Record, TimelineEntry
from storyline.store import pages, schema, story_tables
from storyline.store.pages import Paged

T = TypeVar("T")
R = TypeVar("R", bound=Record)


def _parser(model: type[R]) -> Callable[[Any], R]:
    """Reads a row whose first column is a record's JSON."""
    return lambda row: model.model_validate_json(row[0])


def _record_json(row: Any) -> str:
    return str(row[0])


# Table -> the query of its records by filters, and the story table it pages by position.
# The filters each table's pages take: RecordFilters, or EntityFilters for entities.
_JSON_QUERIES: dict[str, tuple[Callable[[Any], Select[Any]], Table | None]] = {
    "timeline": (pages.timeline_query, schema.timeline),
    "events": (pages.events_query, schema.events),
    "entities": (pages.entities_query, None),
    "documents": (pages.documents_query, None),
}


@dataclass(frozen=True)
class EntityWeight:
    """How prominent an entity is: the documents that name it and its mentions in all."""

    id: str
    name: str
    kind: str
    docs: frozenset[str]
    mentions: int

    @property
    def documents(self) -> int:
        return len(self.docs)


class PagedReads:
    """Mixed into Store, whose ``_read`` opens a read transaction."""

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _fetch(
        self,
        query: Select[Any],
        parse: Callable[[Any], T],
        limit: int | None,
        offset: int,
        positioned: Table | None = None,
        total: int | None = None,
    ) -> Paged[T]:
        with self._read() as conn:
            return pages.fetch(
                conn, query, parse, limit=limit, offset=offset, positioned=positioned, total=total
            )

    def records_json(
        self,
        table: str,
        filters: pages.RecordFilters | pages.EntityFilters,
        *,
        limit: int | None = None,
        offset: int = 0,
        totals: MutableMapping[Hashable, int] | None = None,
    ) -> Paged[str]:
        """A page of one table's records as stored: their JSON, what the web API sends
        (model.contract_json), filtered as the ``<table>_paged`` method of the same filters
        does (timeline, events, entities, documents) without reading them into records.
        ``totals``: filtered totals already counted, by table and filters; the total of this
        query is looked up and kept there (the caller keeps it only while the story is the
        same)."""
        make, positioned = _JSON_QUERIES[table]
        key = (table, filters)
        known = None if totals is None else totals.get(key)
        found = self._fetch(make(filters), _record_json, limit, offset, positioned, known)
        if totals is not None and (offset or limit is None or len(found.items) >= limit):
            totals[key] = found.total
        return found

    def documents_json(self, ids: Collection[str]) -> dict[str, tuple[str, str]]:
        """The documents among ``ids``: their JSON without their text, as stored, and their
        text."""
        table = schema.documents
        query = select(table.c.id, table.c.record, table.c.text)
        with self._read() as conn:
            rows = story_tables.rows_for_ids(conn, query, table.c.id, ids)
            return {row.id: (row.record, row.text) for row in rows}

    def document_heads_json(self, ids: Collection[str]) -> list[tuple[str, str]]:
        """(id, JSON) of the documents among ``ids`` without their text, as stored, in
        publication order (undated last), as document_heads orders them."""
        table = schema.documents
        query = pages.documents_query().with_only_columns(table.c.id, table.c.record)
        with self._read() as conn:
            rows = story_tables.rows_for_ids(conn, query, table.c.id, ids)
            return [(row.id, row.record) for row in rows]

    def timeline_paged(
        self,
        filters: pages.RecordFilters = pages.NO_FILTERS,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Paged[TimelineEntry]:
        """A page of the timeline filtered as pages.timeline_query says, and its total."""
        query = pages.timeline_query(filters)
        return self._fetch(query, _parser(TimelineEntry), limit, offset, schema.timeline)

    def events_paged(
        self,
        filters: pages.RecordFilters = pages.NO_FILTERS,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Paged[Event]:
        """A page of the events filtered as pages.events_query says, and its total."""
        return self._fetch(
            pages.events_query(filters), _parser(Event), limit, offset, schema.events
        )

    def entities_paged(
        self,
        filters: pages.EntityFilters = pages.EntityFilters(),  # noqa: B008 (frozen)
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Paged[Entity]:
        """A page of the entities by name (of one kind, whose name holds ``q``), and its
        total."""
        return self._fetch(pages.entities_query(filters), _parser(Entity), limit, offset)

    def entity_weights(self) -> list[EntityWeight]:
        """Every entity by prominence: most documents naming it first, then most mentions,
        then by name. Reads every entity's mentions: a reader keeps the answer while the
        story stays as it is."""
        table = schema.entities
        query = select(table.c.id, table.c.name, table.c.kind, table.c.record)
        with self._read() as conn:
            rows = conn.execute(query).all()  # parsed after: the statement's time is limited
        found = []
        for row in rows:
            mentions = json.loads(row.record)["mentions"]
            # One string per document, shared by every entity naming it.
            docs = frozenset(sys.intern(m["doc"]) for m in mentions)
            found.append(EntityWeight(row.id, row.name, row.kind, docs, len(mentions)))
        return sorted(found, key=lambda e: (-e.documents, -e.mentions, e.name.lower(), e.id))

    def entities_json(self, ids: Collection[str]) -> dict[str, str]:
        """The entities among ``ids``, by id: their JSON as stored."""
        with self._read() as conn:
            return story_tables.values_by_id(conn, schema.entities.c.record, ids)

    def quotes_paged(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Paged[tuple[Quote, str | None]]:
        """A page of the quotes with their speakers' names, filtered as pages.quotes_query
        says, and its total."""
        query = pages.quotes_query(speaker=speaker, since=since, until=until)
        return self._fetch(
            query, lambda row: (Quote.model_validate_json(row.record), row.name), limit, offset
        )

    def documents_paged(
        self,
        filters: pages.RecordFilters = pages.NO_FILTERS,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Paged[DocumentHead]:
        """A page of the documents without their text, in publication order (undated last),
        filtered by publication date, outlet (any case) and story, and its total."""
        query = pages.documents_query(filters)
        return self._fetch(query, _parser(DocumentHead), limit, offset)

    def count_records(self, table: str) -> int:
        """How many records one story table holds."""
        with self._read() as conn:
            return story_tables.count(conn, schema.STORY_TABLES[table])

    def story_record(self, table: str, record_id: str) -> Record | None:
        """The record of a story table that has ids (entities, events, figures, quotes,
        times, stories, series) with this id."""
        found = schema.STORY_TABLES[table]
        with self._read() as conn:
            record = conn.scalar(select(found.c.record).where(found.c.id == record_id))
        return None if record is None else story_tables.MODELS[table].model_validate_json(record)

    def story_counts(self) -> dict[str, int]:
        """How many documents, rejections and records of each story table the store holds."""
        with self._read() as conn:
            counts = {
                "documents": story_tables.count(conn, schema.documents),
                "rejections": story_tables.count(conn, schema.rejections),
            }
            for name, table in schema.STORY_TABLES.items():
                counts[name] = story_tables.count(conn, table)
        return counts

    def date_ranges(self) -> dict[str, tuple[str | None, str | None]]:
        """The first and last publication days of the documents and dates of the timeline."""
        line = schema.timeline.c.date
        with self._read() as conn:
            first, last = conn.execute(
                select(func.min(pages.published_day()), func.max(pages.published_day()))
            ).one()
            since, until = conn.execute(select(func.min(line), func.max(line))).one()
        return {"published": (first, last), "timeline": (since, until)}
