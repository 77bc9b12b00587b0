"""The listings at a terminal and in a pipe: tables that read at 80 columns, plain TSV when
standard output is not a terminal (unless --format says otherwise), and the filters each
listing takes, applied in the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console
from tests.terminal import run_in_terminal, screen_lines

from storyline.cli import main
from storyline.model import DocumentHead, Evidence, TimelineEntry
from storyline.pipeline import build
from storyline.present.table import timeline_table
from storyline.present.tsv import table_tsv

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "corpus"
STORYLINE = [sys.executable, "-m", "storyline"]
# Every listing, with the columns of its TSV header.
HEADERS = {
    "timeline": ["Date", "Summary", "Type", "Sources"],
    "dates": ["Document", "Date", "Interval", "Basis", "Evidence", "Language"],
    "stories": ["Id", "Title", "Key actors", "Dates", "Docs", "Events"],
    "actors": None,
    "sources": None,
    "figures": None,
    "quotes": None,
    "conflicts": None,
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def as_json(command: str, db: str, *args: str) -> list[dict[str, Any]]:
    result = invoke(command, "--format", "json", "--db", db, *args)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    build([str(DEMO)], db)
    return db


def test_a_timeline_source_with_a_long_file_name_takes_one_line_at_80_columns() -> None:
    name = "a-very-long-file-name-of-a-saved-page-" + "x" * 22 + ".txt"
    assert len(name) == 64
    doc = DocumentHead(id="d" * 64, source=f"/home/someone/saved/pages/{name}")
    entry = TimelineEntry(
        date="2024-03-05",
        kind="event",
        summary="Workers walked out",
        type="PROTEST",
        ref="ev:1",
        citations=[Evidence(doc=doc.id, start=0, end=7, text="Workers")],
        documents=[doc.id],
    )
    console = Console(width=80, record=True, color_system=None)
    console.print(timeline_table([entry], {doc.id: doc}))
    lines = console.export_text().splitlines()
    rows = [line for line in lines if "2024-03-05" in line or line.startswith("│  ")]
    assert len(rows) == 1, lines  # folded, the name took seven lines
    assert "/home/someone" not in console.export_text()
    assert "a-very-long-fil…" in rows[0]
    assert all(len(line) <= 80 for line in lines)
    # The TSV of the same table has the whole name, and no path.
    assert table_tsv(timeline_table([entry], {doc.id: doc})).splitlines()[1].endswith(name)


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(HEADERS))
def test_a_pipe_gets_tsv_one_record_a_line(command: str, demo_db: str) -> None:
    done = subprocess.run(
        [*STORYLINE, command, "--db", demo_db], capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    header = lines[0].split("\t")
    if HEADERS[command] is not None:
        assert header == HEADERS[command]
    assert len(header) > 1
    assert "\x1b" not in done.stdout and "│" not in done.stdout and "━" not in done.stdout
    records = as_json(command, demo_db)
    assert len(lines) == 1 + len(records)
    assert all(len(line.split("\t")) == len(header) for line in lines)


@pytest.mark.slow
def test_a_format_given_is_kept_on_a_pipe(demo_db: str) -> None:
    table = invoke("timeline", "--format", "table", "--limit", "2", "--db", demo_db)
    assert "┃ Date" in table.stdout
    tsv = invoke("timeline", "--format", "tsv", "--limit", "2", "--db", demo_db)
    assert tsv.stdout.splitlines()[0] == "Date\tSummary\tType\tSources"
    assert len(tsv.stdout.splitlines()) == 3


@pytest.mark.slow
@pytest.mark.parametrize("command", ["timeline", "stories", "dates", "sources", "actors"])
def test_a_terminal_gets_a_table_that_fits_80_columns(command: str, demo_db: str) -> None:
    code, drawn = run_in_terminal([*STORYLINE, command, "--db", demo_db], columns=80)
    assert code == 0, drawn
    lines = screen_lines(drawn)
    assert any(c in drawn for c in "┃│"), lines  # a table, not TSV
    assert all(len(line) <= 80 for line in lines), [x for x in lines if len(x) > 80]


@pytest.mark.slow
def test_the_stories_table_keeps_words_whole_at_80_columns(demo_db: str) -> None:
    code, drawn = run_in_terminal([*STORYLINE, "stories", "--db", demo_db], columns=80)
    assert code == 0, drawn
    screen = "\n".join(screen_lines(drawn))
    for story in as_json("stories", demo_db):
        for word in story["title"].split():
            assert word in screen, (word, screen)  # no word is folded over two lines
        assert story["id"] in screen
        start, end = story["start"], story["end"]
        assert start is None or (start in screen and (end is None or end in screen))


@pytest.mark.slow
def test_the_timeline_by_type(demo_db: str) -> None:
    every = as_json("timeline", demo_db)
    assaults = as_json("timeline", demo_db, "--type", "ASSAULT")
    assert 0 < len(assaults) < len(every)
    assert assaults == [e for e in every if e["type"] == "ASSAULT"]
    two = as_json("timeline", demo_db, "--type", "ASSAULT", "--limit", "2", "--offset", "1")
    assert two == assaults[1:3]
    summary = invoke("timeline", "--summary", "--type", "ASSAULT", "--db", demo_db)
    assert summary.exit_code == 1
    assert summary.stderr.startswith("Error: --type does not apply to --summary")


@pytest.mark.slow
def test_dates_by_date_story_and_page(demo_db: str) -> None:
    every = as_json("dates", demo_db)
    days = sorted(r["date"] for r in every if r["date"])
    middle = days[len(days) // 2]
    since = as_json("dates", demo_db, "--since", middle)
    until = as_json("dates", demo_db, "--until", middle)
    assert since == [r for r in every if r["date"] and r["date"] >= middle]
    assert until == [r for r in every if r["date"] and r["date"] <= middle]
    assert 0 < len(since) < len(every) and 0 < len(until) < len(every)
    story = as_json("stories", demo_db)[0]
    members = as_json("dates", demo_db, "--story", story["id"])
    assert {r["id"] for r in members} == set(story["documents"])
    assert as_json("dates", demo_db, "--limit", "3", "--offset", "2") == every[2:5]
    english = as_json("dates", demo_db, "--language", "en", "--limit", "2")
    assert english == [r for r in every if r["language"] == "en"][:2]
    bad = invoke("dates", "--since", "last week", "--db", demo_db)
    assert bad.exit_code == 1 and "is not a date" in bad.stderr


@pytest.mark.slow
def test_quotes_by_date_and_actor(demo_db: str) -> None:
    every = as_json("quotes", demo_db)
    dated = sorted(q["date"] for q in every if q["date"])
    middle = dated[len(dated) // 2]
    since = as_json("quotes", demo_db, "--since", middle)
    assert since == [q for q in every if q["date"] and q["date"] >= middle]
    assert 0 < len(since) < len(every)
    until = as_json("quotes", demo_db, "--until", middle)
    assert until == [q for q in every if q["date"] and q["date"] <= middle]
    speaker = next(q["speaker_name"] for q in every if q.get("speaker_name"))
    by_actor = as_json("quotes", demo_db, "--actor", speaker)
    assert by_actor and by_actor == as_json("quotes", demo_db, "--speaker", speaker)
    assert len(by_actor) < len(every)


def test_help_says_which_filters_a_listing_does_not_take() -> None:
    for command, says in (
        ("dates", "--type, --actor"),
        ("quotes", "--type, --story"),
        ("stories", "paged only"),
        ("sources", "no date, actor, type or story filter"),
    ):
        text = " ".join(invoke(command, "--help").stdout.split())
        assert says in text, (command, text)


@pytest.mark.slow
def test_figures_by_date_and_story(demo_db: str) -> None:
    every = as_json("figures", demo_db)
    dated = sorted(f["as_of"] for f in every if f["as_of"])
    middle = dated[len(dated) // 2]
    since = as_json("figures", demo_db, "--since", middle)
    assert since == [f for f in every if f["as_of"] and f["as_of"] >= middle]
    assert 0 < len(since) < len(every)
    until = as_json("figures", demo_db, "--until", middle[:7])  # a month takes all its days
    assert until == [f for f in every if f["as_of"] and f["as_of"][:7] <= middle[:7]]
    story = as_json("stories", demo_db)[0]
    members = set(story["documents"])
    in_story = as_json("figures", demo_db, "--story", story["id"])
    assert in_story == [f for f in every if f["evidence"]["doc"] in members]
    assert 0 < len(in_story) < len(every)
    series = invoke("figures", "--series", "--since", middle, "--db", demo_db)
    assert series.exit_code == 1 and "do not apply to --series" in series.stderr
