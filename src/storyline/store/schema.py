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
