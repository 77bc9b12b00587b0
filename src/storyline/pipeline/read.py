"""What the read commands (timeline, dates, actors, figures, quotes, export, report) answer
from: the story `build` stored, queried, never resolved again. A store whose story is out of
date says so, or, asked to (--refresh), brings it up to date first."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from storyline.errors import EmptyStore, StaleStory
from storyline.model import (
    Conflict,
    Derivation,
    DocumentHead,
    Figure,
    FigureSeries,
    Quote,
    ResolvedStory,
    SourceCredit,
    Story,
    TimelineEntry,
)
from storyline.pipeline.stages import (
    DEFAULT_DB,
    analyze_missing,
    require_store,
    stored_config,
    update_story,
)
from storyline.present.actors import Actor, by_prominence
from storyline.present.sources import Outlet, outlets
from storyline.store import Store
from storyline.store.pages import RecordFilters


@dataclass(frozen=True)
class TimelinePage:
    """Lines of the stored timeline, with the documents they cite (for their source labels)."""

    entries: list[TimelineEntry]
    documents: dict[str, DocumentHead]


@dataclass(frozen=True)
class FiguresPage:
    """Figures of the stored story, with the documents they were read in."""

    figures: list[Figure]
    documents: dict[str, DocumentHead]


@dataclass(frozen=True)
class SeriesPage:
    """Figure series of the stored story, with the documents their points were read in."""

    series: list[FigureSeries]
    documents: dict[str, DocumentHead]


@dataclass(frozen=True)
class QuotesPage:
    """Quotes of the stored story, the names of the entities that said them (by entity id)
    and the documents they were read in."""

    quotes: list[Quote]
    speakers: dict[str, str]
    documents: dict[str, DocumentHead]


@contextmanager
def current_store(db: str, *, refresh: bool = False) -> Iterator[Store]:
    """The store at ``db`` with its story up to date. Raises EmptyStore when there is no
    store or nothing in it, StaleStory when documents changed since the story was stored
    (with ``refresh``: the story is brought up to date first, as `storyline build` would)."""
    require_store(db)
    with Store.open(db) as store:
        if store.count_documents() == 0 and not store.rejections():
            raise EmptyStore(f"no documents in {db}")
        if refresh:
            config = stored_config(store)
            analyze_missing(store, config)
            update_story(store, config)
        elif store.story_fingerprint() is None:
            raise StaleStory(f"no story has been built in {db} yet")
        elif pending := store.count_pending():
            raise StaleStory(
                f"the story in {db} is out of date: {pending} document(s) added or changed "
                "since it was built"
            )
        yield store


def count_documents(db: str = DEFAULT_DB) -> int:
    """How many documents the store at ``db`` holds (0 when there is no store yet), whatever
    the state of its story: what an interrupted build kept."""
    try:
        require_store(db)
    except EmptyStore:
        return 0
    with Store.open(db, read_only=True) as store:
        return store.count_documents()


def open_story(db: str = DEFAULT_DB, *, refresh: bool = False) -> ResolvedStory:
    """The whole stored story (every document and record), for export and the report."""
    with current_store(db, refresh=refresh) as store:
        return store.read_story()


def open_timeline(
    db: str = DEFAULT_DB,
    *,
    limit: int | None = None,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    story: str | None = None,
    type: str | None = None,
    refresh: bool = False,
) -> TimelinePage:
    """A page of the stored timeline, filtered by date, actor (a part of an entity's name),
    story id and PLOVER type in the store; only the documents it cites are read, and without
    their text."""
    with current_store(db, refresh=refresh) as store:
        entries = store.timeline(
            limit=limit,
            offset=offset,
            since=since,
            until=until,
            actor=actor,
            story=story,
            type=type,
        )
        cited = {ev.doc for e in entries for ev in e.citations} | {
            d for e in entries for d in e.documents
        }
        heads = store.document_heads(cited)
    return TimelinePage(entries, {h.id: h for h in heads})


def open_dates(
    db: str = DEFAULT_DB,
    *,
    refresh: bool = False,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DocumentHead]:
    """The documents' publication dates, basis, evidence and reasons, in publication order
    (undated last), as the last build stored them: every document, or those published in
    [since, until] and of one story, a page of them, filtered and paged in the store."""
    with current_store(db, refresh=refresh) as store:
        if (since, until, story, limit, offset) == (None, None, None, None, 0):
            return store.document_heads()
        filters = RecordFilters(since=since, until=until, story=story)
        return store.documents_paged(filters, limit=limit, offset=offset).items


def open_actors(
    db: str = DEFAULT_DB,
    *,
    kind: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    refresh: bool = False,
) -> list[Actor]:
    """The stored entities (of one kind), most mentioned first. Ranked and paged here rather
    than in SQL: the store keeps each entity's mentions in its record, not a count of them."""
    with current_store(db, refresh=refresh) as store:
        ranked = by_prominence(store.entities(kind))
    return ranked[offset : None if limit is None else offset + limit]


def open_figures(
    db: str = DEFAULT_DB,
    *,
    limit: int | None = None,
    offset: int = 0,
    refresh: bool = False,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
) -> FiguresPage:
    """A page of the stored figures, by the date they hold as of (undated last): those as of
    a date in [since, until], read in one story's documents."""
    filters = RecordFilters(since=since, until=until, story=story)
    with current_store(db, refresh=refresh) as store:
        figures = store.figures(limit=limit, offset=offset, filters=filters)
        heads = store.document_heads({f.evidence.doc for f in figures})
    return FiguresPage(figures, {h.id: h for h in heads})


def open_series(
    db: str = DEFAULT_DB, *, limit: int | None = None, offset: int = 0, refresh: bool = False
) -> SeriesPage:
    """A page of the stored figure series, most points first."""
    with current_store(db, refresh=refresh) as store:
        series = store.series(limit=limit, offset=offset)
        heads = store.document_heads({p.evidence.doc for s in series for p in s.points})
    return SeriesPage(series, {h.id: h for h in heads})


def open_quotes(
    db: str = DEFAULT_DB,
    *,
    speaker: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    refresh: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> QuotesPage:
    """A page of the stored quotes by date (undated last); ``speaker`` keeps those whose
    speaker's name holds it, in any case; ``since``/``until`` those dated in that window."""
    with current_store(db, refresh=refresh) as store:
        if since is None and until is None:
            rows = store.quotes(limit=limit, offset=offset, speaker=speaker)
        else:
            paged = store.quotes_paged(
                limit=limit, offset=offset, speaker=speaker, since=since, until=until
            )
            rows = paged.items
        heads = store.document_heads({q.evidence.doc for q, _ in rows})
    speakers = {q.speaker: name for q, name in rows if q.speaker and name is not None}
    return QuotesPage([q for q, _ in rows], speakers, {h.id: h for h in heads})


def open_stories(
    db: str = DEFAULT_DB, *, limit: int | None = None, offset: int = 0, refresh: bool = False
) -> list[Story]:
    """A page of the stored stories, largest first."""
    with current_store(db, refresh=refresh) as store:
        return store.stories(limit=limit, offset=offset)


def open_entity_names(db: str = DEFAULT_DB, ids: Collection[str] = ()) -> dict[str, str]:
    """The names of the stored entities among ``ids`` (a story's key actors)."""
    with current_store(db) as store:
        return store.entity_names(ids)


@dataclass(frozen=True)
class ConflictsPage:
    """Conflicts of the stored story, each with its figures, and the documents they cite."""

    conflicts: list[tuple[Conflict, list[Figure]]]
    documents: dict[str, DocumentHead]


def open_conflicts(
    db: str = DEFAULT_DB, *, limit: int | None = None, offset: int = 0, refresh: bool = False
) -> ConflictsPage:
    """A page of the stored conflicts, with the heads of the documents their figures are in."""
    with current_store(db, refresh=refresh) as store:
        conflicts = store.conflicts(limit=limit, offset=offset)
        cited = {f.evidence.doc for _, figures in conflicts for f in figures}
        # A date conflict's item is its document.
        cited |= {doc for c, _ in conflicts if c.kind == "date" for doc in c.items}
        heads = store.document_heads(cited)
    return ConflictsPage(conflicts, {h.id: h for h in heads})


def open_sources(
    db: str = DEFAULT_DB, *, limit: int | None = None, offset: int = 0, refresh: bool = False
) -> list[Outlet]:
    """The stored documents grouped by outlet, most documents first (grouped here: an outlet
    is a field of each document's record)."""
    with current_store(db, refresh=refresh) as store:
        credits = [r for r in store.story_records("source_credits") if isinstance(r, SourceCredit)]
        derived = [r for r in store.story_records("derivations") if isinstance(r, Derivation)]
        found = outlets(store.document_heads(), credits, derived)
    return found[offset : None if limit is None else offset + limit]
