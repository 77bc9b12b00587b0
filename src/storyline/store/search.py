"""Full-text search over documents' title and text.

SQLite with FTS5 gets a real index (an external-content table, so the text is stored once, in
``documents``); PostgreSQL an expression index (GIN) of text search vectors of title and text
with the 'simple' configuration (words as written, lower-cased; no stemming, no stop words, no
diacritics folding, which would need an extension). Both match whole words, every word of the
query. Every other case falls back to a case-insensitive substring match, which is slower and
also matches inside words, but portable.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, text
from sqlalchemy.exc import OperationalError

from storyline.store.schema import documents

FTS_TABLE = "documents_fts"
PG_INDEX = "documents_text_search"
# The vector PostgreSQL's index holds and its searches compare with: the same expression, or
# the index is not used.
_PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

_WORD = re.compile(r"\w+")


def query_terms(query: str) -> list[str]:
    """The words of a search query; punctuation is dropped so that FTS5 syntax cannot break."""
    return _WORD.findall(query)


def fts_ready(conn: Connection) -> bool:
    """True when the full-text index exists and this database can read it."""
    if conn.dialect.name == "postgresql":
        found = conn.scalar(
            text("SELECT 1 FROM pg_indexes WHERE indexname = :name"), {"name": PG_INDEX}
        )
        return found is not None
    if conn.dialect.name != "sqlite":
        return False
    exists = conn.scalar(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLE},
    )
    if not exists:
        return False
    try:
        conn.execute(text(f"SELECT rowid FROM {FTS_TABLE} LIMIT 0"))
    except OperationalError:  # the table was made by an SQLite built with FTS5, this one is not
        return False
    return True


def create_fts(conn: Connection) -> None:
    """Create the full-text index and fill it from the documents already stored.

    Raises OperationalError when this SQLite has no FTS5.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON documents USING gin ({_PG_VECTOR})")
        )
        return
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "title, text, content='documents', content_rowid='seq', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
    )
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def fts_index(conn: Connection, seq: int, title: str | None, body: str) -> None:
    """Index one new document (documents are never rewritten, so there is no update).
    PostgreSQL keeps its expression index up to date itself."""
    if conn.dialect.name == "postgresql":
        return
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (:seq, :title, :body)"),
        {"seq": seq, "title": title, "body": body},
    )


def fts_search(conn: Connection, terms: list[str], limit: int, offset: int = 0) -> list[str]:
    """Ids of the documents holding every term, best match first (on PostgreSQL, the best
    match of the title), ``offset`` of them skipped."""
    if not terms:
        return []
    if conn.dialect.name == "postgresql":
        # Ranked by how the title matches: ranking by the whole text would compute every
        # match's text search vector again (the index holds no vectors to read back), a
        # second for a common word in 4,600 articles; the matches themselves come from the
        # index alone.
        sql = (
            "WITH q AS (SELECT plainto_tsquery('simple', :words) AS q), "
            f"found AS MATERIALIZED (SELECT id, title FROM documents, q WHERE {_PG_VECTOR} @@ q.q) "
            "SELECT id FROM found, q "
            "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '')), q.q) DESC, id "
            "LIMIT :limit OFFSET :offset"
        )
    else:
        sql = (
            f"SELECT d.id FROM {FTS_TABLE} JOIN documents AS d ON d.seq = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :match ORDER BY {FTS_TABLE}.rank, d.id "
            "LIMIT :limit OFFSET :offset"
        )
    rows = conn.execute(text(sql), {**_match(terms), "limit": limit, "offset": offset})
    return [row[0] for row in rows]


def fts_count(conn: Connection, terms: list[str]) -> int:
    """How many documents hold every term."""
    if not terms:
        return 0
    if conn.dialect.name == "postgresql":
        sql = (
            f"SELECT count(*) FROM documents, plainto_tsquery('simple', :words) AS q "
            f"WHERE {_PG_VECTOR} @@ q"
        )
    else:
        sql = f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"
    return conn.scalar(text(sql), _match(terms)) or 0


def _match(terms: list[str]) -> dict[str, str]:
    """The query's parameters: FTS5 gets each term quoted as a phrase (its syntax cannot
    break), PostgreSQL the words for plainto_tsquery, which ANDs them and ignores any
    operator characters in them."""
    return {
        "match": " ".join('"' + term.replace('"', '""') + '"' for term in terms),
        "words": " ".join(terms),
    }


def _like_conditions(terms: list[str]) -> ColumnElement[bool]:
    return and_(
        *(
            or_(
                documents.c.title.icontains(term, autoescape=True),
                documents.c.text.icontains(term, autoescape=True),
            )
            for term in terms
        )
    )


def like_search(conn: Connection, terms: list[str], limit: int, offset: int = 0) -> list[str]:
    """Ids of the documents whose title or text contains every term, in id order."""
    if not terms:
        return []
    stmt = (
        select(documents.c.id)
        .where(_like_conditions(terms))
        .order_by(documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(conn.scalars(stmt))


def like_count(conn: Connection, terms: list[str]) -> int:
    """How many documents' title or text contains every term."""
    if not terms:
        return 0
    stmt = select(func.count()).select_from(documents).where(_like_conditions(terms))
    return conn.scalar(stmt) or 0
