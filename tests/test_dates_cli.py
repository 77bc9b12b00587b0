"""Publication dates of the seed articles, through the commands a user runs:
`storyline build`, `storyline dates`, `storyline export`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.shared_data import require_shared

pytestmark = pytest.mark.slow
# The same place as conftest's SEEDS; a module-scoped fixture cannot use its seeds_dir.
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"

# The seeds' real publication days (the file names' three-digit prefixes).
REAL = {
    "000": ["2023-12-20"],
    "001": ["2024-10-25"],
    "002": ["2023-12-20", "2023-12-21"],  # one of these two
    "004": ["2024-03-09"],
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def rows_by_seed(cwd: Path) -> dict[str, dict[str, Any]]:
    result = run("dates", "--db", "s.db", "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return {Path(r["source"]).name[:3]: r for r in json.loads(result.stdout)}


def contains(row: dict[str, Any], day: str) -> bool:
    return bool(row["earliest"] <= day <= row["latest"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_shared(SEEDS)
    work = tmp_path_factory.mktemp("seeds")
    result = run("build", str(SEEDS), "--db", "s.db", cwd=work)
    assert result.returncode == 0, result.stderr
    return work


def test_every_seed_gets_a_date_or_an_interval_holding_its_real_day(built: Path) -> None:
    rows = rows_by_seed(built)
    assert rows["003"]["date"] == "2024-12-02" and rows["003"]["basis"] == "text"
    for seed, days in REAL.items():
        row = rows[seed]
        assert row["basis"] == "inferred", seed
        assert any(contains(row, day) for day in days), (seed, row["earliest"], row["latest"])
        assert row["evidence"] and row["reasons"], seed
    # Where the evidence singles out a day, it is the real one.
    assert rows["000"]["date"] == "2023-12-20"
    assert rows["002"]["date"] in REAL["002"]
    assert rows["004"]["date"] == rows["004"]["earliest"] == rows["004"]["latest"] == "2024-03-09"
    # Without the date of Sinwar's killing the interval of 001 is wide, but honest.
    assert rows["001"]["date"] is None


def test_the_export_carries_the_dates_and_000_and_002_share_their_wednesday(built: Path) -> None:
    result = run("export", "--db", "s.db", cwd=built)
    assert result.returncode == 0, result.stderr
    export = json.loads(result.stdout)
    texts = {d["id"]: d["text"] for d in export["documents"]}
    by_seed = {Path(d["source"]).name[:3]: d for d in export["documents"]}
    assert by_seed["004"]["published"] == {
        "earliest": "2024-03-09",
        "latest": "2024-03-09",
        "best": "2024-03-09",
    }
    for doc in export["documents"]:
        for ev in doc["published_evidence"]:
            assert texts[ev["doc"]][ev["start"] : ev["end"]] == ev["text"]
        # An inferred date says why; a date from the text needs no reasons.
        assert bool(doc["published_reasons"]) == (doc["published_basis"] == "inferred")
    # "travelled to Egypt on Wednesday" (000) and "a strategic visit to Egypt on Wednesday"
    # (002): the same Wednesday, which is resolved in both once the documents are dated.
    wednesdays = {
        seed: next(
            t["value"]
            for t in export["times"]
            if t["evidence"]["doc"] == by_seed[seed]["id"] and t["evidence"]["text"] == "Wednesday"
        )
        for seed in ("000", "002")
    }
    assert wednesdays == {"000": "2023-12-20", "002": "2023-12-20"}
    # "the five-month-old war" in 004 (2024-03-09): a duration whose start is October 2023.
    ages = [t for t in export["times"] if t["evidence"]["doc"] == by_seed["004"]["id"]]
    assert any(t["value"] == "P5M" and t.get("begins") == "2023-10" for t in ages), ages
    linked = {ev["doc"] for ev in by_seed["000"]["published_evidence"]}
    assert by_seed["002"]["id"] in linked
    # Their events are on the timeline at that date.
    dated = {(e["date"], e["type"]) for e in export["events"]}
    assert ("2023-12-20", "CONSULT") in dated


def test_an_anchor_narrows_the_interval_and_stays_in_the_store(built: Path) -> None:
    result = run(
        "build", ".", "--db", "s.db", "--anchor", "Yahya Sinwar killed=2024-10-16", cwd=built
    )
    # No new input in the work folder beyond the store itself: a rejection is fine here.
    assert result.returncode in (0, 2), result.stderr
    row = rows_by_seed(built)["001"]
    assert row["earliest"] == "2024-10-16" and contains(row, "2024-10-25")
    assert any("Yahya Sinwar killed" in reason for reason in row["reasons"])
    table = run("dates", "--db", "s.db", cwd=built)
    assert table.returncode == 0 and "inferred" in table.stdout


def test_bad_anchors_are_refused_with_a_hint(built: Path) -> None:
    result = run("build", ".", "--db", "s.db", "--anchor", "Sinwar killed", cwd=built)
    assert result.returncode == 1
    assert "hint" in result.stderr


def test_analyze_dates_one_document_from_its_own_text(seeds_dir: Path, tmp_path: Path) -> None:
    result = run(
        "analyze", str(seeds_dir / next(p.name for p in seeds_dir.glob("004_*"))), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    [obj] = [json.loads(line) for line in result.stdout.splitlines()]
    published = obj["documents"][0]["published"]
    # Alone, 004 has no start date for "the five-month-old war": the Ramadan weekday and
    # "yesterday (Friday)" still narrow it to Saturdays of a few years, one of them the real day.
    assert obj["documents"][0]["published_basis"] == "inferred"
    assert published["earliest"] <= "2024-03-09" <= published["latest"]
    assert dt.date.fromisoformat(published["earliest"]).isoweekday() == 6
