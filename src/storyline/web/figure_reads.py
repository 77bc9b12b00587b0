"""The figures of one story: its series (each cut to the points its documents report), its
figures and its conflicts (cut to its figures). A series record holds every point of a
quantity across the store, so which series a story has cannot be asked of SQL without
reading every series; that is read once per stored story (SeriesIndex) and each request then
reads only the series of its page."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from storyline.model import Conflict, Figure, contract_json
from storyline.store import Store, pages, schema

# A series is a quantity reported more than once: fewer points in a story draw no line.
MIN_POINTS = 2

# story id -> its series as (id, points in the story, quantity), most points first.
SeriesIndex = dict[str, list[tuple[str, int, str]]]


def series_index(store: Store) -> SeriesIndex:
    """For each story, the series with MIN_POINTS or more points from its documents, most
    points first (then by quantity, as the unscoped list orders them)."""
    with store.reading() as conn:
        stories_of: dict[str, list[str]] = defaultdict(list)
        members = schema.story_documents
        for story, doc in conn.execute(select(members.c.story, members.c.doc)):
            stories_of[doc].append(story)
        found: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
        for (record,) in conn.execute(select(schema.series.c.record)):
            series = json.loads(record)
            counts: Counter[str] = Counter()
            for point in series["points"]:
                counts.update(stories_of.get(point["evidence"]["doc"], ()))
            for story, n in counts.items():
                if n >= MIN_POINTS:
                    found[story].append((series["id"], n, series["quantity"]))
    for rows in found.values():
        rows.sort(key=lambda r: (-r[1], r[2].casefold(), r[0]))
    return dict(found)


def _story_doc_ids(conn: Connection, story: str) -> set[str]:
    return set(conn.scalars(pages.story_docs(story)))


def _point_docs(series: dict[str, Any]) -> set[str]:
    return {p["evidence"]["doc"] for p in series["points"]}


def series_json(conn: Connection, limit: int, offset: int) -> tuple[list[str], set[str]]:
    """A page of every series as stored (their JSON, sent as it is: parsing and writing a
    page of thousands of points again took most of the answer's time), and the documents
    their points cite."""
    table = schema.series
    query = select(table.c.record).order_by(table.c.size.desc(), table.c.position)
    records = list(conn.scalars(pages.page_of(query, limit, offset)))
    return records, {d for r in records for d in _point_docs(json.loads(r))}


def story_series_json(
    conn: Connection, index: SeriesIndex, story: str, limit: int, offset: int
) -> tuple[list[str], set[str], int]:
    """A page of the story's series, each with only the points its documents report (their
    JSON), the documents those cite, and how many series the story has."""
    rows = index.get(story, [])
    chosen = [series_id for series_id, _, _ in rows[offset : offset + limit]]
    if not chosen:
        return [], set(), len(rows)
    docs = _story_doc_ids(conn, story)
    table = schema.series
    by_id = {}
    for record in conn.scalars(select(table.c.record).where(table.c.id.in_(chosen))):
        series = json.loads(record)
        series["points"] = [p for p in series["points"] if p["evidence"]["doc"] in docs]
        by_id[series["id"]] = series
    cut = [by_id[i] for i in chosen if i in by_id]
    cited = {d for s in cut for d in _point_docs(s)}
    return [contract_json(s) for s in cut], cited, len(rows)


def story_figures(
    conn: Connection, story: str, limit: int, offset: int
) -> tuple[list[Figure], int]:
    """A page of the figures the story's documents report, in the order /api/figures lists
    them (as-of date, undated last), and how many there are."""
    table = schema.figures
    query = select(table.c.record).where(table.c.doc.in_(pages.story_docs(story)))
    total = conn.scalar(query.with_only_columns(func.count())) or 0
    ordered = query.order_by(table.c.as_of.is_(None), table.c.as_of, table.c.position)
    found = conn.scalars(ordered.limit(limit).offset(offset))
    return [Figure.model_validate_json(r) for r in found], total


def story_figure_ids(conn: Connection, story: str) -> set[str]:
    table = schema.figures
    return set(conn.scalars(select(table.c.id).where(table.c.doc.in_(pages.story_docs(story)))))


def scoped_conflict(conflict: Conflict, kept: Sequence[str]) -> Conflict:
    """The conflict cut to the figures ``kept``: its note, which lists every value, names
    how many of them are left instead."""
    if len(kept) == len(conflict.items):
        return conflict
    what = conflict.quantity or conflict.note.split(":", 1)[0]
    note = f"{what}: {len(kept)} of the {len(conflict.items)} values that disagree are this story's"
    return conflict.model_copy(update={"items": list(kept), "note": note})


def story_conflicts(
    conn: Connection, story: str, limit: int, offset: int
) -> tuple[list[tuple[Conflict, list[Figure]]], int]:
    """A page of the conflicts with two figures or more from the story's documents, each cut
    to those figures, and how many there are."""
    mine = story_figure_ids(conn, story)
    table, figures = schema.conflicts, schema.figures
    scoped: list[Conflict] = []
    if mine:
        for (record,) in conn.execute(select(table.c.record).order_by(table.c.position)):
            conflict = Conflict.model_validate_json(record)
            kept = [i for i in conflict.items if i in mine]
            if len(kept) >= MIN_POINTS:
                scoped.append(scoped_conflict(conflict, kept))
    chosen = scoped[offset : offset + limit]
    ids = sorted({i for c in chosen for i in c.items})
    found: dict[str, Figure] = {}
    for at in range(0, len(ids), 500):
        rows = conn.scalars(select(figures.c.record).where(figures.c.id.in_(ids[at : at + 500])))
        found.update((f.id, f) for f in map(Figure.model_validate_json, rows))
    return [(c, [found[i] for i in c.items if i in found]) for c in chosen], len(scoped)


def conflicted_in_story(conflicted: list[str], conn: Connection, story: str) -> list[str]:
    mine = story_figure_ids(conn, story)
    return [i for i in conflicted if i in mine]
