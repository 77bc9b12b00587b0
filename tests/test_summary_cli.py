"""`storyline timeline --summary` on a store of the demo corpus: one JSON line per day, each
sentence cited at its article's exact characters, within the budget asked for; the plain
timeline unchanged beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from tests.evidence import check_spans

from storyline.cli import main
from storyline.pipeline import build, open_story

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("summary") / "demo.db")
    build([str(DEMO)], db)
    return db


def _lines(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_jsonl_days_with_cited_sentences(demo_db: str) -> None:
    args = ["timeline", "--db", demo_db, "--summary", "--max-dates", "4", "--sentences", "2"]
    rows = _lines(invoke(*args, "--format", "jsonl"))
    assert 1 <= len(rows) <= 4
    assert [r["date"] for r in rows] == sorted(str(r["date"]) for r in rows)
    texts = {d.id: d.text for d in open_story(demo_db).documents}
    for row in rows:
        assert set(row) == {"date", "sentences", "citations"}
        sentences, citations = row["sentences"], row["citations"]
        assert isinstance(sentences, list) and isinstance(citations, list)
        assert 1 <= len(sentences) <= 2
        assert [c["text"] for c in citations] == sentences
    assert check_spans(rows, texts) == sum(len(r["sentences"]) for r in rows)  # type: ignore[arg-type]


def test_since_until_and_table(demo_db: str) -> None:
    rows = _lines(
        invoke(
            "timeline",
            "--db",
            demo_db,
            "--summary",
            "--since",
            "2023-11",
            "--until",
            "2023-11",
            "--format",
            "jsonl",
        )
    )
    assert rows and all(str(r["date"]).startswith("2023-11") for r in rows)
    # A table asked for: a pipe gets TSV by default.
    table = invoke(
        "timeline", "--db", demo_db, "--summary", "--max-dates", "2", "--format", "table"
    )
    assert table.exit_code == 0 and "Summary timeline" in table.output


def test_story_filter_and_errors(demo_db: str) -> None:
    story = open_story(demo_db).stories[0]
    args = ["timeline", "--db", demo_db, "--summary", "--story", story.id]
    rows = _lines(invoke(*args, "--format", "jsonl"))
    assert json.loads(invoke(*args, "--format", "json").output) == rows
    assert all(c["doc"] in story.documents for r in rows for c in r["citations"])  # type: ignore[union-attr]
    unknown = CliRunner().invoke(
        main, ["timeline", "--db", demo_db, "--summary", "--story", "nope"]
    )
    assert unknown.exit_code != 0 and "no story 'nope'" in unknown.output
    actor = CliRunner().invoke(main, ["timeline", "--db", demo_db, "--summary", "--actor", "x"])
    assert actor.exit_code != 0 and "--actor does not apply" in actor.output


def test_plain_timeline_is_unchanged_by_the_new_options(demo_db: str) -> None:
    rows = _lines(invoke("timeline", "--db", demo_db, "--format", "jsonl"))
    assert rows and all("kind" in r and "summary" in r for r in rows)
