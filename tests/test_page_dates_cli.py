"""Dates a user can check, through the commands a user runs: `storyline build` over pages of
common layouts, then `storyline dates` and `storyline export` show where each date came from
and the date conflicts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from storyline.present.export import schema

pytestmark = pytest.mark.slow
PAGES = Path(__file__).resolve().parent / "data" / "dated_pages"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "250"},  # room for the evidence column
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pages")
    pages = work / "pages"
    pages.mkdir()
    for page in PAGES.glob("*.html"):
        shutil.copy(page, pages / page.name)
    result = run("build", "pages", "--db", "p.db", cwd=work)
    assert result.returncode == 0, result.stderr
    return work


def test_dates_lists_each_field_and_raw_value(built: Path) -> None:
    result = run("dates", "--db", "p.db", "--format", "json", cwd=built)
    assert result.returncode == 0, result.stderr
    rows = {Path(r["source"]).name: r for r in json.loads(result.stdout)}
    assert set(rows) == {p.name for p in PAGES.glob("*.html")}  # no two pages are one document
    agree = rows["en_byline_meta_agree.html"]
    assert agree["source_of_date"]["field"] == "meta article:published_time"
    assert agree["source_of_date"]["raw"] == "2019-03-12T09:00:00+00:00"
    late = rows["it_byline_meta_day_late.html"]
    assert late["date"] == "2019-03-12" and late["source_of_date"]["field"] == "byline"
    assert [o["value"] for o in late["overruled"]] == ["2019-03-13"]
    table = run("dates", "--db", "p.db", cwd=built)
    assert table.returncode == 0, table.stderr
    assert "meta article:published_time" in table.stdout


def test_export_carries_sources_and_date_conflicts_and_validates(built: Path) -> None:
    result = run("export", "--db", "p.db", cwd=built)
    assert result.returncode == 0, result.stderr
    export = json.loads(result.stdout)
    Draft202012Validator(schema()).validate(export)
    by_name = {Path(d["source"]).name: d for d in export["documents"]}
    ru = by_name["ru_byline.html"]
    assert ru["published_source"] == {
        "field": "byline",
        "raw": "Опубликовано 7 ноября 2022",
        "value": "2022-11-07",
    }
    [conflict] = [c for c in export["conflicts"] if c["kind"] == "date"]
    assert conflict["items"] == [by_name["en_meta_template_default.html"]["id"]]
    assert "2019-01-01" in conflict["note"] and "2019-03-20" in conflict["note"]


def test_conflicts_lists_the_date_conflict_with_its_document(built: Path) -> None:
    result = run("conflicts", "--db", "p.db", "--format", "json", cwd=built)
    assert result.returncode == 0, result.stderr
    [conflict] = [c for c in json.loads(result.stdout) if c["kind"] == "date"]
    assert conflict["figures"] == []
    assert conflict["sources"] == ["Harbour bridge closed to lorries"]
    assert "byline “Published 20 March 2019”" in conflict["note"]
