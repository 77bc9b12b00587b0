"""Schema version 6: the documents' language, a column of its own; a store from before it is
brought forward and its documents' languages detected, so that a Russian document analyzed by
the English pipeline back then loses that analysis."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text
from tests.store.conftest import build_item

from storyline.config import Config
from storyline.model import Analysis
from storyline.pipeline.stages import detect_stored_languages
from storyline.store import Store
from storyline.store.database import resolve_url
from storyline.store.migrations import CURRENT_VERSION

ENGLISH = "The council voted on Tuesday to close two public libraries next spring."
RUSSIAN = "Городской совет во вторник проголосовал за закрытие двух публичных библиотек."


def _as_version_5(db_url: str) -> None:
    """The store as schema version 5 left it: no language column, none in the records."""
    engine = create_engine(resolve_url(db_url) if "://" in db_url else f"sqlite:///{db_url}")
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX documents_language"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN language"))
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
    engine.dispose()


def _columns(db_url: str) -> set[str]:
    engine = create_engine(resolve_url(db_url) if "://" in db_url else f"sqlite:///{db_url}")
    with engine.connect() as conn:
        found = {c["name"] for c in inspect(conn).get_columns("documents")}
    engine.dispose()
    return found


def test_a_version_5_store_gains_languages(db_url: str) -> None:
    config = Config()
    english = build_item(ENGLISH, "en.txt")
    russian = build_item(RUSSIAN, "ru.txt")
    with Store.open(db_url) as store:
        for item in (english, russian):
            # As the English pipeline analyzed every document before languages were detected.
            analysis = Analysis(doc=item.document.id, pipeline_version=config.pipeline_version)
            store.add_document(item, analysis)
    _as_version_5(db_url)
    assert "language" not in _columns(db_url)

    with Store.open(db_url) as store:
        assert "language" in _columns(db_url)
        with store.reading() as conn:
            version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))
            assert version.scalar() == str(CURRENT_VERSION) == "6"
        assert store.docs_without_language(10) == sorted([english.document.id, russian.document.id])
        assert detect_stored_languages(store) == 2
        assert store.docs_without_language(10) == []
        stored = store.documents_by_id([english.document.id, russian.document.id])
        assert stored[english.document.id].language == "en"
        assert stored[russian.document.id].language == "ru"
        assert (stored[russian.document.id].language_confidence or 0) > 0.5
        versions = config.analyzed_languages()
        # The Russian document's English analysis is no longer its analysis, nor is one missing.
        assert [a.doc for a in store.analyses(versions)] == [english.document.id]
        assert store.docs_missing_analysis(versions) == []
        assert russian.document.id in store.pending_documents()
        assert detect_stored_languages(store) == 0


def test_a_new_store_has_the_language_column_once(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_document(build_item(ENGLISH, "en.txt", language="en", language_confidence=0.99))
        with store.reading() as conn:
            assert conn.execute(text("SELECT language FROM documents")).scalars().all() == ["en"]
    Store.open(db_url).close()
    assert "language" in _columns(db_url)
