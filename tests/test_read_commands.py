"""The read commands (timeline, dates, actors, figures, quotes, export, report) answer from
the story `build` stored: they load no analysis and resolve nothing, agree with each other, and
say so when the stored story is out of date."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.evidence import check_spans

from storyline.cli import main
from storyline.model import Analysis
from storyline.pipeline import build
from storyline.resolve import corpus
from storyline.store import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "corpus"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    build([str(DEMO)], db)
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    build([str(seeds)], db)
    return db


@pytest.fixture
def no_resolving(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts every analysis read from the store and every cross-document resolve."""
    calls = {"analyses": 0, "resolve": 0}
    real_analyses, real_get = Store.analyses, Store.get_analysis
    real_resolve = corpus.resolve_story

    def analyses(self: Store, version: str) -> Any:
        calls["analyses"] += 1
        return real_analyses(self, version)

    def get_analysis(self: Store, doc: str, version: str) -> Analysis | None:
        calls["analyses"] += 1
        return real_get(self, doc, version)

    def resolve(*args: Any, **kwargs: Any) -> Any:
        calls["resolve"] += 1
        return real_resolve(*args, **kwargs)

    monkeypatch.setattr(Store, "analyses", analyses)
    monkeypatch.setattr(Store, "get_analysis", get_analysis)
    monkeypatch.setattr("storyline.pipeline.stages.resolve_story", resolve)
    return calls


@pytest.mark.parametrize(
    "command",
    [
        ["timeline"],
        ["timeline", "--format", "json", "--limit", "3"],
        ["dates", "--format", "json"],
        ["actors", "--kind", "person"],
        ["figures", "--format", "json"],
        ["quotes", "--format", "jsonl", "--speaker", "a"],
        ["stories", "--format", "json"],
        ["sources"],
        ["conflicts"],
        ["timeline", "--actor", "hamas", "--format", "json"],
        ["export", "--format", "jsonl"],
        ["report", "-o", "{tmp}/story.html"],
    ],
)
def test_read_commands_load_no_analysis_and_resolve_nothing(
    command: list[str], demo_db: str, no_resolving: dict[str, int], tmp_path: Path
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = invoke(*args, "--db", demo_db)
    assert result.exit_code == 0, result.output
    assert no_resolving == {"analyses": 0, "resolve": 0}


def _published(value: Any) -> tuple[Any, Any, Any]:
    """(best, earliest, latest) of an export's `published`: a date or an interval."""
    if isinstance(value, dict):
        return value.get("best"), value["earliest"], value["latest"]
    return value, value, value


def _place(ev: dict[str, Any]) -> tuple[str, int, int]:
    return ev["doc"], ev["start"], ev["end"]


@pytest.mark.parametrize("store", ["demo_db", "seeds_db"])
def test_dates_and_export_agree_on_every_document(
    store: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(store)
    dates = json.loads(invoke("dates", "--format", "json", "--db", db).stdout)
    exported = json.loads(invoke("export", "--db", db).stdout)
    documents = {d["id"]: d for d in exported["documents"]}
    assert sorted(documents) == sorted(row["id"] for row in dates)
    for row in dates:
        doc = documents[row["id"]]
        assert (row["date"], row["earliest"], row["latest"]) == _published(doc["published"])
        assert row["basis"] == doc["published_basis"]
        # The export sorts evidence by place for stable diffs; dates keeps the order of weight.
        assert sorted(row["evidence"], key=_place) == doc["published_evidence"]
        assert row["reasons"] == doc["published_reasons"]


def test_the_timeline_pages_and_filters_by_date_in_the_store(demo_db: str) -> None:
    every = json.loads(invoke("timeline", "--format", "json", "--db", demo_db).stdout)
    assert len(every) > 6
    page = json.loads(
        invoke(
            "timeline", "--format", "json", "--limit", "3", "--offset", "2", "--db", demo_db
        ).stdout
    )
    assert page == every[2:5]
    middle = every[len(every) // 2]["date"][:7]
    since = json.loads(
        invoke("timeline", "--format", "json", "--since", middle, "--db", demo_db).stdout
    )
    until = json.loads(
        invoke("timeline", "--format", "json", "--until", middle, "--db", demo_db).stdout
    )
    assert since and all(row["date"] >= middle for row in since)
    assert until and all(row["date"][:7] <= middle for row in until)
    # A month's lines are in both: the month is inside either bound.
    assert len(since) + len(until) >= len(every)
    bad = invoke("timeline", "--since", "last week", "--db", demo_db)
    assert bad.exit_code == 1 and "not a date" in bad.output


def test_the_timeline_of_one_actor_and_of_one_story(demo_db: str) -> None:
    export = json.loads(invoke("export", "--db", demo_db).stdout)
    every = json.loads(invoke("timeline", "--format", "json", "--db", demo_db).stdout)
    entities = {e["id"]: e["name"] for e in export["entities"]}
    events = {e["id"]: e for e in export["events"]}
    quotes = {q["id"]: q for q in export["quotes"]}

    def who(ref: str) -> set[str]:
        if ref in events:
            return {
                entities.get(events[ref][k] or "", "") for k in ("source_actor", "target_actor")
            }
        return {entities.get(quotes[ref]["speaker"] or "", "")}

    actor = json.loads(
        invoke("timeline", "--format", "json", "--actor", "NETANYAHU", "--db", demo_db).stdout
    )
    assert actor and len(actor) < len(every)
    assert all(any("netanyahu" in n.lower() for n in who(row["ref"])) for row in actor)
    assert [r for r in every if any("netanyahu" in n.lower() for n in who(r["ref"]))] == actor
    story = export["stories"][0]["id"]
    told = json.loads(
        invoke("timeline", "--format", "json", "--story", story, "--db", demo_db).stdout
    )
    members = set(export["stories"][0]["documents"])
    assert told and all(set(row["documents"]) & members for row in told)
    assert (
        invoke("timeline", "--story", "s:none", "--format", "json", "--db", demo_db).stdout.strip()
        == "[]"
    )


def test_a_stale_story_is_reported_in_one_line_then_updated(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    files = sorted(p for p in DEMO.rglob("*") if p.suffix in (".txt", ".html"))
    for path in files[:3]:
        shutil.copy(path, first / path.name)
    shutil.copy(files[3], second / files[3].name)
    build([str(first)], db)
    before = json.loads(invoke("export", "--db", db).stdout)
    # Stored without resolving (a killed build, another writer): the story is now stale.
    build([str(second)], db, resolve=False)
    for command in (
        ["timeline"],
        ["dates"],
        ["actors"],
        ["figures"],
        ["quotes"],
        ["export"],
        ["report", "-o", str(tmp_path / "r.html")],
    ):
        result = invoke(*command, "--db", db)
        assert result.exit_code == 1, command
        [line] = result.output.strip().splitlines()
        assert "out of date: 1 document(s)" in line and "storyline build" in line
        assert "--refresh" in line
    refreshed = json.loads(invoke("export", "--refresh", "--db", db).stdout)
    assert len(refreshed["documents"]) == len(before["documents"]) + 1
    assert invoke("timeline", "--db", db).exit_code == 0
    # `storyline build` with no paths does the same for a store that went stale.
    build([str(files[4])], db, resolve=False)
    assert invoke("dates", "--db", db).exit_code == 1
    updated = invoke("build", "--db", db)
    assert updated.exit_code == 0, updated.output
    assert invoke("dates", "--db", db).exit_code == 0


@pytest.mark.parametrize("store", ["demo_db", "seeds_db"])
def test_every_span_the_listings_and_the_export_print_is_the_documents_text(
    store: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(store)
    exported = json.loads(invoke("export", "--db", db).stdout)
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    assert check_spans({t: v for t, v in exported.items() if t != "documents"}, texts) > 50
    for command in ("actors", "figures", "quotes"):
        rows = json.loads(invoke(command, "--format", "json", "--db", db).stdout)
        assert rows, command
        assert check_spans(rows, texts) >= len(rows), command
        # The same records the export holds, whole.
        records = {r["id"]: r for r in exported["entities" if command == "actors" else command]}
        assert len(rows) == len(records), command
        for row in rows:
            assert {k: v for k, v in row.items() if k in records[row["id"]]} == records[row["id"]]


def test_actors_of_a_kind_most_mentioned_first(demo_db: str) -> None:
    every = json.loads(invoke("actors", "--format", "json", "--db", demo_db).stdout)
    counts = [r["mention_count"] for r in every]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    for row in every:
        assert row["mention_count"] == len(row["mentions"])
        assert row["document_count"] == len({m["doc"] for m in row["mentions"]})
    people = json.loads(
        invoke("actors", "--format", "json", "--kind", "person", "--db", demo_db).stdout
    )
    assert people == [r for r in every if r["kind"] == "person"]
    assert (
        json.loads(
            invoke(
                "actors", "--format", "json", "--limit", "3", "--offset", "2", "--db", demo_db
            ).stdout
        )
        == every[2:5]
    )
