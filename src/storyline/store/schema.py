"""The tables, as the current schema version defines them.

Nested and list fields of a record are kept as its JSON (``record``); only what queries filter,
order or join on gets a column of its own. ``documents.text`` is a column of its own because
evidence offsets point into it and full-text search reads it.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()

# Key/value settings; holds the schema version, so it exists outside the migrations.
meta = Table(
    "meta",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("value", Text, nullable=False),
)

# Raw input bytes, content-addressed by their sha256 hex.
raw = Table(
    "raw",
    metadata,
    Column("ref", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    # An explicit integer key: SQLite's implicit rowid may change on VACUUM, and the FTS index
    # refers to rows by this number.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    # A plain date fills all three; an interval fills earliest/latest and best when known.
    Column("published_best", String(40)),
    Column("published_earliest", String(40)),
    Column("published_latest", String(40)),
    Column("published_basis", String(20)),
    Column("raw_ref", String(64), ForeignKey("raw.ref")),
    Column("text", Text, nullable=False),
    # The Document as JSON, without its text.
    Column("record", Text, nullable=False),
    # Schema version 6: the text's language ("en", "und"); NULL until it is detected.
    Column("language", String(16)),
)
Index("documents_published_best", documents.c.published_best)

# Every source a document arrived from (the same article may come from several files/feeds).
doc_sources = Table(
    "doc_sources",
    metadata,
    Column("doc", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("source", Text, primary_key=True),
    # The raw bytes read from this source; they differ between sources when, say, one file is
    # the HTML page and another the plain-text dump of the same article.
    Column("raw_ref", String(64), ForeignKey("raw.ref")),
)
Index("doc_sources_source", doc_sources.c.source)

analyses = Table(
    "analyses",
    metadata,
    Column("doc", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("pipeline_version", String(200), primary_key=True),
    Column("record", Text, nullable=False),
)
Index("analyses_version_doc", analyses.c.pipeline_version, analyses.c.doc)

rejections = Table(
    "rejections",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", String(100), nullable=False),
    Column("detail", Text, nullable=False),
)

# The tables migration 1 creates (meta is created before any migration runs).
VERSION_1_TABLES = (raw, documents, doc_sources, analyses, rejections)


# -- the resolved story (schema version 2) -------------------------------------------------------
#
# What `build` resolves across documents, stored so that every read command queries it rather
# than resolving again. Each table keeps its records in the storyline/1 contract's order
# (`position`), so reading a page of any table is an index range scan on both backends,
# whatever their collations. Rewritten whole, in one transaction, by each build.

# Documents whose text, date or analysis changed since the story was last stored: the story
# is stale while this holds any, and an update re-resolves from them. Written in the same
# transaction as the change; emptied in the one that stores the story.
story_pending = Table(
    "story_pending",
    metadata,
    Column("doc", String(64), primary_key=True),
)

ID = 200  # record ids hold a document id and offsets ("q:<doc>:120-180")


def _story_table(name: str, *columns: Column[object], keyed: bool = True) -> Table:
    """A story table: its records' JSON, their contract position, and the columns queries
    filter or order on. Conflicts and timeline lines have no id of their own: position is
    their key."""
    key = (Column("id", String(ID), primary_key=True),) if keyed else ()
    position = Column("position", Integer, primary_key=not keyed, nullable=False)
    table = Table(name, metadata, *key, position, *columns, Column("record", Text, nullable=False))
    if keyed:
        Index(f"{name}_position", table.c.position, unique=True)
    return table


entities = _story_table(
    "entities",
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
)
events = _story_table(
    "events",
    Column("type", String(20), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("date", String(40)),
    Column("source_actor", String(ID)),
    Column("target_actor", String(ID)),
)
Index("events_date", events.c.date)
figures = _story_table(
    "figures",
    Column("doc", String(64), nullable=False),
    Column("counts", Text),
    Column("as_of", String(40)),
)
quotes = _story_table(
    "quotes",
    Column("doc", String(64), nullable=False),
    Column("speaker", Text),
    Column("date", String(40)),
)
times = _story_table(
    "times",
    Column("doc", String(64), nullable=False),
    Column("value", String(100)),
)
stories = _story_table(
    "stories",
    Column("title", Text, nullable=False),
    Column("size", Integer, nullable=False),
)
conflicts = _story_table("conflicts", Column("kind", String(40), nullable=False), keyed=False)
series = _story_table(
    "series",
    Column("quantity", Text, nullable=False),
    Column("size", Integer, nullable=False),
)
timeline = _story_table(
    "timeline",
    Column("date", String(40), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("type", String(20)),
    Column("ref", String(ID), nullable=False),
    keyed=False,
)
Index("timeline_date", timeline.c.date)

# Which documents each event, story and timeline line draws on: the filters by source.
event_documents = Table(
    "event_documents",
    metadata,
    Column("event", String(ID), primary_key=True),
    Column("doc", String(64), primary_key=True),
)
Index("event_documents_doc", event_documents.c.doc)
story_documents = Table(
    "story_documents",
    metadata,
    Column("story", String(ID), primary_key=True),
    Column("doc", String(64), primary_key=True),
)
Index("story_documents_doc", story_documents.c.doc)
timeline_documents = Table(
    "timeline_documents",
    metadata,
    Column("position", Integer, primary_key=True),
    Column("doc", String(64), primary_key=True),
)
Index("timeline_documents_doc", timeline_documents.c.doc)

# -- sources (schema version 3): the outlets each document credits, and rewrites ------------------
source_credits = _story_table(
    "source_credits",
    Column("doc", String(64), nullable=False),
    Column("outlet", Text),
    Column("role", String(20), nullable=False),
    keyed=False,
)
Index("source_credits_doc", source_credits.c.doc)
derivations = _story_table(
    "derivations",
    Column("doc", String(64), nullable=False),
    Column("derived_from", String(64), nullable=False),
    keyed=False,
)

_VERSION_2_STORY: dict[str, Table] = {
    "entities": entities,
    "events": events,
    "figures": figures,
    "quotes": quotes,
    "times": times,
    "stories": stories,
    "conflicts": conflicts,
    "timeline": timeline,
}
# The tables of the stored story, by the contract table each holds (documents live above).
STORY_TABLES: dict[str, Table] = {
    **_VERSION_2_STORY,
    "series": series,
    "source_credits": source_credits,
    "derivations": derivations,
}
STORY_LINKS = (event_documents, story_documents, timeline_documents)
# Frozen: the tables as version 2 made them; tables added later come with their own version.
VERSION_2_TABLES = (story_pending, *_VERSION_2_STORY.values(), *STORY_LINKS)
VERSION_3_TABLES = (series, source_credits, derivations)


# -- indexes for paging with filters (schema version 4) --------------------------------------------
#
# What the web API filters and orders by, so a filtered page and its total read an index rather
# than every row (records are large: a scan reads them all). Defined on the tables above, so a
# new store gets them with its tables; version 4 adds them to an older one.
VERSION_4_INDEXES = (
    # Entities by name in any case, holding the name itself, id and kind: a page of them in
    # that order, filtered by a part of the name, reads this index alone.
    Index(
        "entities_by_name",
        func.lower(entities.c.name),
        entities.c.id,
        entities.c.name,
        entities.c.kind,
    ),
    # The same columns plain: SQLite scans an index for an unordered search of names (the
    # actors a filter names) only when the index holds the columns themselves.
    Index("entities_names", entities.c.name, entities.c.id, entities.c.kind),
    Index("events_source_actor", events.c.source_actor),
    Index("events_target_actor", events.c.target_actor),
    Index("events_type", events.c.type, events.c.position),
    Index("events_mode", events.c.mode, events.c.position),
    Index("quotes_speaker", quotes.c.speaker),
    # The order quotes are listed in: by date, undated last.
    Index("quotes_by_date", quotes.c.date.is_(None), quotes.c.date, quotes.c.position),
    Index("timeline_ref", timeline.c.ref),
    Index("timeline_type", timeline.c.type, timeline.c.position),
    Index("documents_outlet", func.lower(documents.c.outlet)),
)


# -- languages (schema version 6) ------------------------------------------------------------------
# Which analysis a document gets depends on its language (Config.analysis_version), and listings
# filter by it.
LANGUAGE_COLUMN = documents.c.language
VERSION_6_INDEXES = (Index("documents_language", documents.c.language),)
