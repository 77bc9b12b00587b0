"""`storyline actors`, `figures` and `quotes` on a store holding a story built by hand: every
format, the filters, paging, and what an empty store or an empty answer prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.evidence import check_spans
from tests.present.conftest import make_story, span

from storyline.cli import main
from storyline.model import Figure, Ingested, Quote, ResolvedStory, span_id
from storyline.present.quotes import QUOTE_SHOWN
from storyline.resolve.figure_series import figure_series
from storyline.resolve.figures import own_context
from storyline.store import Store

LISTINGS = ("actors", "figures", "quotes")


def invoke(*args: str) -> Result:
    # Wide enough that no table cell the tests look for is folded.
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def listed(command: str, db: str, *args: str) -> list[dict[str, Any]]:
    result = invoke(command, "--format", "json", "--db", db, *args)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def hand_made_story() -> ResolvedStory:
    """The present tests' story, with a quote nobody is named for, one whose speaker is no
    entity, and a figure given as a range."""
    story = make_story()
    docs = {d.outlet: d for d in story.documents}
    coastal = docs["Coastal Times"]
    unsaid, union = span(coastal, "Protesters gathered"), span(coastal, "idle workers")
    ranged = span(coastal, "1 140")
    quotes = [
        Quote(
            id=span_id("q", coastal.id, unsaid.start, unsaid.end), text=unsaid.text, evidence=unsaid
        ),
        Quote(
            id=span_id("q", coastal.id, union.start, union.end),
            text=union.text,
            speaker="the union",
            speaker_name="the union",
            date="2024-03-06",
            evidence=union,
        ),
    ]
    ranged_figure = Figure(
        id=span_id("fig", coastal.id, ranged.start, ranged.end + 1),
        value=1150,
        low=1100,
        high=1200,
        counts="idle workers",
        evidence=ranged,
    )
    return story.model_copy(
        update={"quotes": story.quotes + quotes, "figures": [*story.figures, ranged_figure]}
    )


def store_story(db: str, story: ResolvedStory) -> None:
    with Store.open(db) as store:
        for doc in story.documents:
            plain = doc.model_copy(update={"raw_ref": None})
            store.add_document(Ingested(document=plain, raw=doc.text.encode()))
        store.store_story(
            story, dated=[], resolved=[d.id for d in story.documents], fingerprint="by hand"
        )


@pytest.fixture
def db(db_url: str) -> str:
    """The hand-made story in a store on each backend."""
    store_story(db_url, hand_made_story())
    return db_url


@pytest.mark.parametrize("command", LISTINGS)
def test_json_and_jsonl_agree_and_every_span_is_the_documents_text(command: str, db: str) -> None:
    rows = listed(command, db)
    lines = invoke(command, "--format", "jsonl", "--db", db).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows
    texts = {d.id: d.text for d in hand_made_story().documents}
    assert check_spans(rows, texts) >= len(rows) > 0


def test_actors_are_ranked_by_mentions_with_their_counts(db: str) -> None:
    rows = listed("actors", db)
    assert [r["name"] for r in rows][:1] == ["Velmora"]
    assert [r["mention_count"] for r in rows] == sorted(
        (r["mention_count"] for r in rows), reverse=True
    )
    velmora = rows[0]
    assert (velmora["mention_count"], velmora["document_count"]) == (3, 3)
    assert set(velmora) >= {"id", "name", "kind", "aliases", "mentions", "country"}
    table = invoke("actors", "--db", db).stdout
    assert "Ada Brenn" in table and "Council chair Ada Brenn" in table


def test_actors_by_kind_and_an_unknown_kind(tmp_path: Path) -> None:
    story = hand_made_story()
    kinds = {"GPE": "place", "ORG": "org", "PERSON": "person", "NORP": "group"}
    entities = [e.model_copy(update={"kind": kinds[e.kind]}) for e in story.entities]
    path = str(tmp_path / "kinds.db")
    store_story(path, story.model_copy(update={"entities": entities}))
    assert [r["name"] for r in listed("actors", path, "--kind", "person")] == ["Ada Brenn"]
    nothing = invoke("actors", "--kind", "other", "--db", path)
    assert (
        nothing.exit_code == 0
        and nothing.output.strip() == f"no other actors in the story in {path}"
    )
    bad = invoke("actors", "--kind", "persons", "--db", path)
    assert bad.exit_code == 1
    [line] = bad.output.strip().splitlines()
    assert "'persons' is not a kind" in line and "person, org, place, group" in line


def test_figures_carry_bounds_attribution_and_their_documents_label(db: str) -> None:
    rows = listed("figures", db)
    # By the date each holds as of, undated last.
    assert [r["as_of"] for r in rows] == ["2024-03", None, None]
    assert {r["source_label"] for r in rows} == {"Harbor Wire", "Coastal Times"}
    assert rows[0]["attributed_to"] == "officials"
    table = invoke("figures", "--db", db).stdout
    assert "1,100–1,200" in table and "~1,140" in table and "idle workers (Velmora)" in table


def test_quotes_name_their_speaker_or_say_unknown_and_filter_by_speaker(db: str) -> None:
    rows = listed("quotes", db)
    assert [r["speaker_label"] for r in rows] == ["Ada Brenn", "the union", "unknown"]
    assert [r["date"] for r in rows] == ["2024-03-05", "2024-03-06", None]
    assert [r["speaker_label"] for r in listed("quotes", db, "--speaker", "BRENN")] == ["Ada Brenn"]
    # A speaker that is no entity is matched by the words naming it.
    assert [r["text"] for r in listed("quotes", db, "--speaker", "union")] == ["idle workers"]
    assert listed("quotes", db, "--speaker", "50%_") == []
    table = invoke("quotes", "--db", db).stdout
    assert "unknown" in table and "undated" in table and "Harbor Wire" in table


@pytest.mark.parametrize("command", LISTINGS)
def test_limit_and_offset_page_through_the_rows(command: str, db: str) -> None:
    every = listed(command, db)
    assert listed(command, db, "--limit", "1", "--offset", "1") == every[1:2]
    assert listed(command, db, "--offset", "1") == every[1:]
    past = invoke(command, "--offset", "50", "--db", db)
    assert past.exit_code == 0 and "past the first 50" in past.output


def test_long_quotes_are_cut_in_the_table_only(tmp_path: Path) -> None:
    story = make_story()
    doc = next(d for d in story.documents if d.outlet == "Harbor Wire")
    long_text = doc.text
    assert len(long_text) > QUOTE_SHOWN
    ev = span(doc, long_text)
    said = Quote(id=span_id("q", doc.id, ev.start, ev.end), text=long_text, evidence=ev)
    path = str(tmp_path / "long.db")
    store_story(path, story.model_copy(update={"quotes": [said]}))
    assert listed("quotes", path)[0]["text"] == long_text
    assert "…" in invoke("quotes", "--db", path).stdout


@pytest.mark.parametrize("command", LISTINGS)
def test_an_empty_store_or_story_says_so_in_one_line(command: str, tmp_path: Path) -> None:
    missing = invoke(command, "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1
    [line] = missing.output.strip().splitlines()
    assert "no story store" in line and "storyline build" in line
    empty = str(tmp_path / "empty.db")
    Store.open(empty).close()
    result = invoke(command, "--db", empty)
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert "no documents" in line and "storyline build" in line
    # Documents, but nothing of this kind in their story.
    bare = str(tmp_path / "bare.db")
    store_story(bare, make_story().model_copy(update={"entities": [], "figures": [], "quotes": []}))
    as_table = invoke(command, "--db", bare)
    assert as_table.exit_code == 0
    assert as_table.output.strip() == f"no {command} in the story in {bare}"
    as_json = invoke(command, "--format", "json", "--db", bare)
    assert json.loads(as_json.stdout) == []


def test_stories_list_their_ids_titles_and_counts(db: str) -> None:
    story = hand_made_story()
    rows = listed("stories", db)
    assert [r["id"] for r in rows] == [
        s.id for s in sorted(story.stories, key=lambda s: -len(s.documents))
    ]
    for row in rows:
        assert row["document_count"] == len(row["documents"])
        assert row["event_count"] == len(row["events"])
    assert rows[0]["title"] in invoke("stories", "--db", db).stdout


def test_conflicts_carry_their_figures_and_sources(db: str) -> None:
    story = hand_made_story()
    rows = listed("conflicts", db)
    assert len(rows) == len(story.conflicts) > 0
    texts = {d.id: d.text for d in story.documents}
    for row, conflict in zip(rows, story.conflicts, strict=True):
        assert row["note"] == conflict.note
        assert [f["id"] for f in row["figures"]] == conflict.items
        assert check_spans(row["figures"], texts) >= len(row["figures"])
        assert row["sources"] and all("/" not in label for label in row["sources"])
    assert invoke("conflicts", "--db", db).exit_code == 0


def test_an_empty_store_says_so_for_stories_and_conflicts(tmp_path: Path) -> None:
    for command in ("stories", "conflicts", "sources"):
        missing = invoke(command, "--db", str(tmp_path / "none.db"))
        assert missing.exit_code == 1 and "no story store" in missing.output
        bare = str(tmp_path / f"{command}.db")
        if command == "sources":
            continue  # a story with documents always has their outlets
        store_story(bare, make_story().model_copy(update={"stories": [], "conflicts": []}))
        result = invoke(command, "--db", bare)
        assert result.exit_code == 0
        assert result.output.strip() == f"no {command} in the story in {bare}"


def test_sources_group_documents_by_outlet(db: str) -> None:
    story = hand_made_story()
    rows = listed("sources", db)
    by_outlet = {r["outlet"]: r for r in rows}
    for doc in story.documents:
        if doc.outlet:
            assert doc.id in by_outlet[doc.outlet]["documents"]
    assert sum(r["document_count"] for r in rows) == len(story.documents)
    counts = [r["document_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(r["first"] is None or r["first"] <= r["last"] for r in rows)


def test_figure_series_put_one_quantity_in_date_order(tmp_path: Path) -> None:
    story = make_story()
    doc = story.documents[0]
    ev = span(doc, doc.text[:5])

    def toll(value: float, day: str) -> Figure:
        return Figure(
            id=f"fig:{doc.id}:{value}",
            value=value,
            counts="people killed",
            as_of=day,
            evidence=ev,
        )

    figures = [toll(44400, "2024-12-01"), toll(19667, "2023-12-20"), toll(17, "2024-01-02")]
    path = str(tmp_path / "series.db")
    series = figure_series(figures, own_context(figures))
    store_story(path, story.model_copy(update={"figures": figures, "series": series}))
    [listed_series] = listed("figures", path, "--series")
    assert listed_series["quantity"] == "people killed"
    # In date order; a single incident's count ("17") is no point of a running tally.
    assert [(p["date"], p["value"]) for p in listed_series["points"]] == [
        ("2023-12-20", 19667),
        ("2024-12-01", 44400),
    ]
    assert all(p["evidence"]["text"] == doc.text[:5] for p in listed_series["points"])
    assert all(p["source_label"] for p in listed_series["points"])
    assert "44,400" in invoke("figures", "--series", "--db", path).stdout


def test_sources_show_what_each_outlet_draws_on_and_retells(db: str) -> None:
    story = hand_made_story()
    by_outlet = {r["outlet"]: r for r in listed("sources", db)}
    wire, coastal = by_outlet["Harbor Wire"], by_outlet["Coastal Times"]
    assert wire["credits"] == ["AFP"] and wire["retells"] == []
    assert coastal["cited"] == ["Harbor Wire"]
    [retold] = coastal["retells"]
    [derivation] = story.derivations
    assert (retold["doc"], retold["derived_from"]) == (derivation.doc, derivation.derived_from)
    assert retold["derived_from_outlet"] == "Harbor Wire"
    table = invoke("sources", "--db", db).stdout
    assert "Harbor Wire (50% shared)" in table
