"""The store: documents, their raw bytes and sources, analyses, rejections, settings.

One SQL layer (SQLAlchemy Core) for SQLite and PostgreSQL. Every write method is one
transaction, and writing the same thing twice changes nothing, so a killed run leaves a
consistent store and the next run finishes the work.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, case, delete, func, select, update
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from storyline.config import UNDETERMINED
from storyline.errors import QueryTimeout, StoreError
from storyline.model import (
    KNOWN_BASES,
    Analysis,
    Conflict,
    DateInterval,
    Document,
    DocumentHead,
    Entity,
    Evidence,
    Figure,
    FigureSeries,
    Ingested,
    Quote,
    Record,
    Rejection,
    ResolvedStory,
    Story,
    TimelineEntry,
    sha256_hex,
)
from storyline.store import schema, story_tables
from storyline.store import search as fts
from storyline.store.database import DEFAULT_DB, open_engine, timed_out, writer
from storyline.store.failures import store_failure, store_name
from storyline.store.migrations import VERSION_KEY, migrate, require_current
from storyline.store.paged_reads import PagedReads
from storyline.store.pages import NO_FILTERS, RecordFilters
from storyline.store.records import document_from_row, document_row, published_columns
from storyline.store.schema import analyses, doc_sources, documents, meta, raw, rejections
from storyline.store.upsert import insert_new, insert_new_returning, upsert

# Rows fetched per round trip by the iterators; documents can be large, so keep it modest.
PAGE_SIZE = 100
# The meta key holding the fingerprint of what the stored story was computed from.
STORY_KEY = "story.fingerprint"


@contextmanager
def _database_errors(engine: Engine) -> Iterator[None]:
    """Database failures surface as StoreError (or DiskFull), which the CLI prints as one
    line."""
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        # The driver's message, without the statement and its parameters (whole documents).
        cause: BaseException = exc.orig or exc if isinstance(exc, DBAPIError) else exc
        if timed_out(cause):
            raise QueryTimeout("the query took longer than its time limit") from exc
        failure = store_failure(cause, store_name(engine.url))
        if failure is not None:
            raise failure from exc
        if isinstance(exc, OSError):
            raise
        raise StoreError(f"database error: {cause}") from exc


class Store(PagedReads):
    def __init__(self, engine: Engine) -> None:
        """Use Store.open: it also creates or migrates the schema."""
        self._engine = engine
        self._writer = writer(engine)
        self._fts = False

    @classmethod
    def open(
        cls,
        db: str = DEFAULT_DB,
        *,
        read_only: bool = False,
        statement_timeout: float | None = None,
    ) -> Store:
        """Open the store at a filesystem path or an SQLAlchemy URL, creating it if needed.

        ``read_only`` (what a server reading the store wants): nothing is created, migrated or
        written, and the database refuses writes; the store must exist at the current schema
        version. ``statement_timeout``: seconds a statement may run before it is cancelled
        with QueryTimeout. Raises StoreError when it cannot be opened, SchemaMismatch when a
        newer storyline wrote it.
        """
        engine = open_engine(db, read_only=read_only, statement_timeout=statement_timeout)
        store = cls(engine)
        try:
            with _database_errors(engine):
                if read_only:
                    require_current(store._engine)
                    with store._engine.connect() as conn:
                        store._fts = fts.fts_ready(conn)
                else:
                    migrate(store._engine, store._writer)
                    store._fts = store._setup_fts()
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @property
    def full_text_index(self) -> bool:
        """True when search uses an FTS index rather than substring matching."""
        return self._fts

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with _database_errors(self._engine), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _database_errors(self._engine), self._engine.connect() as conn:
            yield conn

    def reading(self) -> AbstractContextManager[Connection]:
        """One read connection for several queries of a caller's own (the web app's view
        aggregates), with the store's errors as StorylineErrors."""
        return self._read()

    def _setup_fts(self) -> bool:
        """Make the full-text index if it is missing: FTS5 in SQLite, a GIN index of text
        search vectors in PostgreSQL. False when this database cannot have one."""
        with self._engine.connect() as conn:
            if fts.fts_ready(conn):
                return True
        if self.dialect not in ("sqlite", "postgresql"):
            return False
        try:
            with self._writer.begin() as conn:
                # Checked again under the write lock: another process may have made it.
                if not fts.fts_ready(conn):
                    fts.create_fts(conn)
        except OperationalError:  # this SQLite has no FTS5: search falls back to LIKE
            return False
        return True

    # -- documents ----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            found = conn.scalar(select(documents.c.seq).where(documents.c.id == doc_id))
        return found is not None

    def add_document(self, item: Ingested, analysis: Analysis | None = None) -> bool:
        """Store an ingested document with its raw bytes and source; True if it was new.

        The first write of a document wins; later ones only add their source (and raw bytes),
        and a publication date when the stored copy has none of its own (none, or one
        inferred) and the new one has it from metadata or its text: the same article
        arriving again with its date, or ingest rules that have learnt to read it. Any
        earlier rejection of the source is cleared.
        """
        doc = item.document
        ref = sha256_hex(item.raw)
        if doc.raw_ref is None:
            doc = doc.model_copy(update={"raw_ref": ref})
        elif doc.raw_ref != ref:
            raise ValueError(f"document {doc.id}: raw_ref {doc.raw_ref} is not the raw bytes' hash")
        if analysis is not None and analysis.doc != doc.id:
            raise ValueError(f"analysis of {analysis.doc} given with document {doc.id}")
        with self._write() as conn:
            insert_new(conn, raw, {"ref": ref, "data": item.raw}, ["ref"])
            seq = insert_new_returning(conn, documents, document_row(doc), ["id"], "seq")
            if seq is not None and self._fts:
                fts.fts_index(conn, seq, doc.title, doc.text)
            if seq is not None or (doc.published_basis in KNOWN_BASES and _adopt_date(conn, doc)):
                story_tables.mark_pending(conn, doc.id)
            upsert(
                conn,
                doc_sources,
                {"doc": doc.id, "source": doc.source, "raw_ref": ref},
                ["doc", "source"],
            )
            if analysis is not None:
                _put_analysis(conn, analysis)
            conn.execute(delete(rejections).where(rejections.c.source == doc.source))
        return seq is not None

    def get_document(self, doc_id: str) -> Document | None:
        with self._read() as conn:
            return _stored_document(conn, doc_id)

    def documents(self) -> Iterator[Document]:
        """Every document, ordered by id.

        Read a page at a time, each in its own short transaction, so the caller may write to
        the store while iterating.
        """
        after = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    select(documents.c.id, documents.c.record, documents.c.text)
                    .where(documents.c.id > after)
                    .order_by(documents.c.id)
                    .limit(PAGE_SIZE)
                ).all()
            for row in rows:
                yield document_from_row(row.record, row.text)
            if len(rows) < PAGE_SIZE:
                return
            after = rows[-1].id

    def count_documents(self) -> int:
        with self._read() as conn:
            return conn.scalar(select(func.count()).select_from(documents)) or 0

    def raw(self, raw_ref: str) -> bytes | None:
        with self._read() as conn:
            data: bytes | None = conn.scalar(select(raw.c.data).where(raw.c.ref == raw_ref))
        return data

    def sources(self, doc_id: str) -> list[str]:
        """Every source the document arrived from, in order."""
        with self._read() as conn:
            return list(
                conn.scalars(
                    select(doc_sources.c.source)
                    .where(doc_sources.c.doc == doc_id)
                    .order_by(doc_sources.c.source)
                )
            )

    def update_published(
        self,
        doc_id: str,
        published: str | DateInterval | None,
        basis: str | None,
        evidence: list[Evidence],
        reasons: list[str] | None = None,
    ) -> None:
        """Set a document's publication date, the basis for it, the evidence and (for an
        inferred date) the reasons."""
        with self._write() as conn:
            stored = _stored_document(conn, doc_id)
            if stored is None:
                raise StoreError(f"no document {doc_id} in the store")
            fields: dict[str, Any] = stored.model_dump()
            fields.update(
                published=published,
                published_basis=basis,
                published_evidence=evidence,
                published_reasons=reasons or [],
            )
            # Validated again so that a bad basis is refused rather than stored.
            _write_date(conn, Document.model_validate(fields))
            story_tables.mark_pending(conn, doc_id)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[str]:
        """Ids of the documents whose title or text holds every word of the query (best match
        first with a full-text index), ``offset`` of them skipped."""
        terms = fts.query_terms(query)
        with self._read() as conn:
            if self._fts:
                return fts.fts_search(conn, terms, limit, offset)
            return fts.like_search(conn, terms, limit, offset)

    def count_search(self, query: str) -> int:
        """How many documents search finds for the query, all pages together."""
        terms = fts.query_terms(query)
        with self._read() as conn:
            return fts.fts_count(conn, terms) if self._fts else fts.like_count(conn, terms)

    def documents_by_id(self, ids: Collection[str]) -> dict[str, Document]:
        """The stored documents among ``ids``, with their text."""
        stored = self.documents_json(ids)
        return {i: document_from_row(record, text) for i, (record, text) in stored.items()}

    # -- analyses -----------------------------------------------------------------------------

    def put_analysis(self, analysis: Analysis) -> None:
        """Store an analysis, replacing any of the same document and pipeline version."""
        with self._write() as conn:
            _put_analysis(conn, analysis)

    def get_analysis(self, doc_id: str, pipeline_version: str) -> Analysis | None:
        with self._read() as conn:
            record = conn.scalar(
                select(analyses.c.record).where(
                    analyses.c.doc == doc_id, analyses.c.pipeline_version == pipeline_version
                )
            )
        return None if record is None else Analysis.model_validate_json(record)

    def analyses(self, versions: str | Mapping[str, str]) -> Iterator[Analysis]:
        """Every analysis made by one pipeline version, ordered by document id. Given the
        version of each analyzed language (Config.analyzed_languages), each document's
        analysis of the version its language calls for; documents of other languages have
        none."""
        after = ""
        while True:
            query = select(analyses.c.doc, analyses.c.record)
            if isinstance(versions, str):
                query = query.where(analyses.c.pipeline_version == versions)
            else:
                query = query.join(documents, documents.c.id == analyses.c.doc).where(
                    analyses.c.pipeline_version == _wanted_version(versions)
                )
            with self._read() as conn:
                rows = conn.execute(
                    query.where(analyses.c.doc > after).order_by(analyses.c.doc).limit(PAGE_SIZE)
                ).all()
            for row in rows:
                yield Analysis.model_validate_json(row.record)
            if len(rows) < PAGE_SIZE:
                return
            after = rows[-1].doc

    def docs_missing_analysis(self, versions: str | Mapping[str, str]) -> list[str]:
        """Ids of the documents with no analysis by this pipeline version, in id order. Given
        the version of each analyzed language, the documents of those languages with no
        analysis of their language's version."""
        wanted = versions if isinstance(versions, str) else _wanted_version(versions)
        done = (
            select(analyses.c.doc)
            .where(analyses.c.doc == documents.c.id, analyses.c.pipeline_version == wanted)
            .exists()
        )
        query = select(documents.c.id).where(~done)
        if not isinstance(versions, str):
            query = query.where(_wanted_version(versions).is_not(None))
        with self._read() as conn:
            return list(conn.scalars(query.order_by(documents.c.id)))

    def docs_without_language(self, limit: int) -> list[str]:
        """Ids of up to ``limit`` documents whose language was never detected (stored before
        storyline detected languages), in id order."""
        with self._read() as conn:
            query = select(documents.c.id).where(documents.c.language.is_(None))
            return list(conn.scalars(query.order_by(documents.c.id).limit(limit)))

    def set_languages(self, found: Mapping[str, tuple[str, float]]) -> None:
        """Record the detected language and confidence of each document of ``found``; each
        is pending, as its analysis may now be another."""
        with self._write() as conn:
            for doc_id, (language, confidence) in found.items():
                stored = _stored_document(conn, doc_id)
                if stored is None:
                    continue
                doc = stored.model_copy(
                    update={"language": language, "language_confidence": confidence}
                )
                conn.execute(
                    update(documents)
                    .where(documents.c.id == doc_id)
                    .values(language=language, record=document_row(doc)["record"])
                )
                story_tables.mark_pending(conn, doc_id)

    # -- rejections ---------------------------------------------------------------------------

    def add_rejection(self, rejection: Rejection) -> None:
        """Record why a source was not ingested, replacing an earlier reason for it."""
        with self._write() as conn:
            upsert(conn, rejections, rejection.model_dump(), ["source"])

    def rejections(self) -> list[Rejection]:
        with self._read() as conn:
            rows = conn.execute(select(rejections).order_by(rejections.c.source)).all()
        return [Rejection(source=r.source, reason=r.reason, detail=r.detail) for r in rows]

    # -- the resolved story ----------------------------------------------------------------------

    def store_story(
        self,
        story: ResolvedStory,
        *,
        dated: Iterable[Document],
        resolved: Collection[str],
        fingerprint: str,
        meta_values: Mapping[str, str] | None = None,
    ) -> None:
        """Store a resolved story in one transaction: the inferred publication dates of
        ``dated``, every story table (replacing the last story) and the fingerprint of what it
        was computed from; the ``resolved`` documents stop being pending; ``meta_values`` (what
        the next update starts from, such as the story clustering's state) are stored with it.
        A run killed before the commit leaves the previous story, still stale, for the next
        build to redo."""
        with self._write() as conn:
            for doc in dated:
                _write_date(conn, doc)
            story_tables.write_story(conn, story.in_contract_order())
            story_tables.clear_pending(conn, resolved)
            upsert(conn, meta, {"key": STORY_KEY, "value": fingerprint}, ["key"])
            for key, value in (meta_values or {}).items():
                upsert(conn, meta, {"key": key, "value": value}, ["key"])

    def read_story(self) -> ResolvedStory:
        """The stored story, whole: every document and every story table, as the last
        build stored it (nothing is resolved)."""
        tables = {name: list(self.story_records(name)) for name in story_tables.MODELS}
        return ResolvedStory(
            documents=list(self.documents()), rejections=self.rejections(), **tables
        )

    def story_fingerprint(self) -> str | None:
        """What the stored story was computed from; None when no story was ever stored."""
        return self.get_meta(STORY_KEY)

    def story_state(self) -> tuple[str | None, int, int]:
        """What the stored story was computed from, how many documents changed since and how
        many inputs were rejected, read together: while all three are the same, every read
        answers the same (a document added or changed is pending until the story is stored
        again, which changes the fingerprint)."""
        with self._read() as conn:
            fingerprint = conn.scalar(select(meta.c.value).where(meta.c.key == STORY_KEY))
            pending = story_tables.count(conn, schema.story_pending)
            return fingerprint, pending, story_tables.count(conn, rejections)

    def pending_documents(self) -> list[str]:
        """Documents added or changed since the story was stored, in id order."""
        with self._read() as conn:
            return story_tables.pending(conn)

    def count_pending(self) -> int:
        with self._read() as conn:
            return story_tables.count(conn, schema.story_pending)

    def story_records(self, table: str) -> Iterator[Record]:
        """Every record of one story table (entities, events, figures, quotes, times,
        stories, conflicts, timeline) in contract order, a page at a time."""
        model = story_tables.MODELS[table]

        def page(after: int) -> list[tuple[int, Record]]:
            with self._read() as conn:
                return story_tables.read_page(conn, table, model, after, PAGE_SIZE * 10)

        return story_tables.iter_table(page)

    def timeline(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        story: str | None = None,
        type: str | None = None,
    ) -> list[TimelineEntry]:
        """The stored timeline's lines in order, filtered by date, actor, story and PLOVER
        type and paginated in SQL."""
        with self._read() as conn:
            filters = RecordFilters(since=since, until=until, actor=actor, story=story, type=type)
            return story_tables.timeline_page(conn, filters, limit=limit, offset=offset)

    def entity_names(self, ids: Collection[str]) -> dict[str, str]:
        """The names of the stored entities among ``ids``."""
        with self._read() as conn:
            return story_tables.values_by_id(conn, schema.entities.c.name, ids)

    def entities(self, kind: str | None = None) -> list[Entity]:
        """The stored entities (of one kind), in contract order."""
        with self._read() as conn:
            return story_tables.entities_of_kind(conn, kind)

    def figures(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        filters: RecordFilters = NO_FILTERS,
    ) -> list[Figure]:
        """The stored figures by as-of date (undated last), filtered by as-of date and story
        and paginated in SQL."""
        with self._read() as conn:
            return story_tables.figures_page(conn, limit=limit, offset=offset, filters=filters)

    def stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        """The stored stories, largest first, paginated in SQL."""
        with self._read() as conn:
            return story_tables.stories_page(conn, limit=limit, offset=offset)

    def series(self, *, limit: int | None = None, offset: int = 0) -> list[FigureSeries]:
        """The stored figure series, most points first, paginated in SQL."""
        with self._read() as conn:
            return story_tables.series_page(conn, limit=limit, offset=offset)

    def conflicts(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[tuple[Conflict, list[Figure]]]:
        """The stored conflicts, each with its figures, paginated in SQL."""
        with self._read() as conn:
            return story_tables.conflicts_page(conn, limit=limit, offset=offset)

    def quotes(
        self, *, limit: int | None = None, offset: int = 0, speaker: str | None = None
    ) -> list[tuple[Quote, str | None]]:
        """The stored quotes by date (undated last), each with its speaker entity's name,
        filtered by speaker and paginated in SQL."""
        with self._read() as conn:
            return story_tables.quotes_page(conn, limit=limit, offset=offset, speaker=speaker)

    def document_heads(self, ids: Collection[str] | None = None) -> list[DocumentHead]:
        """Documents without their text, in publication order (undated last): all of them, or
        those of ``ids``."""
        published = func.coalesce(documents.c.published_best, documents.c.published_earliest)
        query = select(documents.c.record).order_by(
            documents.c.published_earliest.is_(None), published, documents.c.id
        )
        with self._read() as conn:
            if ids is None:
                records = list(conn.scalars(query))
            else:
                rows = story_tables.rows_for_ids(conn, query, documents.c.id, ids)
                records = [row.record for row in rows]
        return [DocumentHead.model_validate_json(r) for r in records]

    # -- settings -----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self._read() as conn:
            value: str | None = conn.scalar(select(meta.c.value).where(meta.c.key == key))
        return value

    def set_meta(self, key: str, value: str) -> None:
        if key == VERSION_KEY:
            raise ValueError(f"{VERSION_KEY} is managed by the store's migrations")
        with self._write() as conn:
            upsert(conn, meta, {"key": key, "value": value}, ["key"])


def _put_analysis(conn: Connection, analysis: Analysis) -> None:
    story_tables.mark_pending(conn, analysis.doc)
    upsert(
        conn,
        analyses,
        {
            "doc": analysis.doc,
            "pipeline_version": analysis.pipeline_version,
            "record": analysis.model_dump_json(),
        },
        ["doc", "pipeline_version"],
    )


def _wanted_version(versions: Mapping[str, str]) -> ColumnElement[str]:
    """The analysis version a document's language calls for, NULL for a language with no
    pipeline; a document whose language was never detected is read as undetermined."""
    language = func.coalesce(documents.c.language, UNDETERMINED)
    return case(dict(versions), value=language, else_=None)


def _stored_document(conn: Connection, doc_id: str) -> Document | None:
    row = conn.execute(
        select(documents.c.record, documents.c.text).where(documents.c.id == doc_id)
    ).first()
    return None if row is None else document_from_row(row.record, row.text)


def _adopt_date(conn: Connection, doc: Document) -> bool:
    """Give a stored document the known publication date of a new copy of it, unless it has
    a known one already; True when it took the date."""
    stored = _stored_document(conn, doc.id)
    if stored is None or stored.published_basis in KNOWN_BASES:
        return False
    dated = stored.model_copy(
        update={
            "published": doc.published,
            "published_basis": doc.published_basis,
            "published_evidence": doc.published_evidence,
            "published_reasons": [],
            "published_source": doc.published_source,
            "published_overruled": doc.published_overruled,
        }
    )
    _write_date(conn, dated)
    return True


def _write_date(conn: Connection, doc: Document) -> None:
    """Store a document's publication date fields (the rest of its record is unchanged)."""
    conn.execute(
        update(documents)
        .where(documents.c.id == doc.id)
        .values(
            **published_columns(doc.published),
            published_basis=doc.published_basis,
            record=document_row(doc)["record"],
        )
    )
