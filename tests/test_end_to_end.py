"""The whole tool through its public commands, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from storyline.present.export import schema

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "examples" / "corpus"
BAD = REPO / "examples" / "bad"

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=600,
    )


def check_evidence(export: dict[str, Any]) -> int:
    """Every evidence span in an export equals its document's text at its offsets."""
    texts = {d["id"]: d["text"] for d in export["documents"]}
    spans: list[dict[str, Any]] = []
    for d in export["documents"]:
        spans += d.get("published_evidence") or []
    for e in export["entities"]:
        spans += e["mentions"]
    for e in export["events"]:
        spans += e["mentions"] + ([e["date_evidence"]] if e["date_evidence"] else [])
    for kind in ("figures", "quotes", "times"):
        spans += [r["evidence"] for r in export[kind]]
    for s in spans:
        assert texts[s["doc"]][s["start"] : s["end"]] == s["text"], s
    return len(spans)


def check_refs(export: dict[str, Any]) -> dict[str, int]:
    """Every ref names a record of the export, in the record's own document: a quote's or
    figure's date, an event's, the time expression it came from (and is the value of, once
    that is a calendar date); a time expression, the quote whose words hold it. Returns how
    many refs of each kind there are."""
    times = {t["id"]: t for t in export["times"]}
    quotes = {q["id"]: q for q in export["quotes"]}
    counted = {"quotes": 0, "figures": 0, "events": 0, "times": 0}
    for kind, date, ref in (
        ("quotes", "date", "date_ref"),
        ("figures", "as_of", "as_of_ref"),
        ("events", "date", "date_ref"),
    ):
        for record in export[kind]:
            if record[ref] is None:
                continue
            named = times[record[ref]]
            assert named["evidence"]["doc"] in _docs_of(record), record
            assert record[date] is None or named["value"].startswith(record[date]), record
            counted[kind] += 1
    for e in export["events"]:
        assert (e["date_ref"] is None) == (e["date_evidence"] is None), e
        if e["date_ref"] is not None:
            assert times[e["date_ref"]]["evidence"] == e["date_evidence"], e
    for t in export["times"]:
        if t["quote_ref"] is not None:
            held = quotes[t["quote_ref"]]["evidence"]
            assert held["doc"] == t["evidence"]["doc"], t
            assert held["start"] <= t["evidence"]["start"] < held["end"], t
            counted["times"] += 1
    return counted


def _docs_of(record: dict[str, Any]) -> list[str]:
    return record.get("documents") or [record["evidence"]["doc"]]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("demo")
    result = run("build", str(CORPUS), "--db", "story.db", cwd=work)
    assert result.returncode == 0, result.stderr
    return work


def test_build_timeline_export_report(demo_store: Path) -> None:
    table = run("timeline", "--db", "story.db", cwd=demo_store)
    assert table.returncode == 0, table.stderr
    rows = json.loads(
        run("timeline", "--db", "story.db", "--format", "json", cwd=demo_store).stdout
    )
    assert len(rows) >= 5
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert all(r["citations"] for r in rows)

    exported = run("export", "--db", "story.db", "--format", "json", cwd=demo_store)
    assert exported.returncode == 0, exported.stderr
    obj = json.loads(exported.stdout)
    jsonschema.validate(obj, schema())
    assert obj["schema"] == "storyline/1"
    assert len(obj["documents"]) >= 8
    assert check_evidence(obj) > 100
    assert all(check_refs(obj).values())

    report = run("report", "--db", "story.db", "-o", "out.html", cwd=demo_store)
    assert report.returncode == 0, report.stderr
    html = (demo_store / "out.html").read_text()
    assert "<script src" not in html and rows[0]["summary"].split()[0] in html


def test_the_demo_harbor_post_retells_the_levant_ledger(demo_store: Path) -> None:
    """The Harbor Post's Haniyeh story retells The Levant Ledger's AFP-credited copy of the
    same day (both written for the demo)."""
    obj = json.loads(run("export", "--db", "story.db", cwd=demo_store).stdout)
    outlet = {d["id"]: d["outlet"] for d in obj["documents"]}
    pairs = [(outlet[d["doc"]], outlet[d["derived_from"]]) for d in obj["derivations"]]
    assert pairs == [("Harbor Post", "The Levant Ledger")]
    [derivation] = obj["derivations"]
    assert derivation["added"] and derivation["dropped"]
    wires = {(c["doc"], c["outlet"]) for c in obj["source_credits"] if c["role"] == "wire"}
    assert (derivation["derived_from"], "AFP") in wires


def test_rebuild_is_idempotent(demo_store: Path) -> None:
    before = json.loads(run("export", "--db", "story.db", cwd=demo_store).stdout)
    again = run("build", str(CORPUS), "--db", "story.db", cwd=demo_store)
    assert again.returncode == 0, again.stderr
    assert "0 new document(s)" in again.stderr
    after = json.loads(run("export", "--db", "story.db", cwd=demo_store).stdout)
    assert after == before


def test_bad_input_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Envoys met in Cairo on Sunday to discuss a truce, officials said.\n")
    result = run(
        "build", str(BAD), str(good), str(tmp_path / "missing.txt"), "--db", "s.db", cwd=tmp_path
    )
    assert result.returncode == 2, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("rejected ")]
    assert any("missing.txt" in ln and "missing" in ln for ln in lines)
    assert any("empty" in ln for ln in lines)
    assert any("binary" in ln for ln in lines)
    assert "1 new document" in result.stderr or "new document(s)" in result.stderr
    obj = json.loads(run("export", "--db", "s.db", cwd=tmp_path).stdout)
    assert any(d["source"].endswith("good.txt") for d in obj["documents"])
    assert {r["reason"] for r in obj["rejections"]} >= {"missing", "empty", "binary"}


def test_analyze_writes_one_object_per_document(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Hamas officials met Egyptian mediators in Cairo on Sunday.",
                "published": "2024-12-02",
            }
        ),
        "{not json",
        json.dumps(
            {"id": "a2", "text": "Israel said on Saturday its spy chief had met the CIA director."}
        ),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    result = run("analyze", str(src), "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 2
    objs = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(objs) == 3
    for obj in objs:
        jsonschema.validate(obj, schema())
    assert objs[0]["documents"][0]["source"].endswith("in.jsonl#a1")
    assert objs[0]["documents"][0]["published"] == "2024-12-02"
    assert any(t["value"] == "2024-12-01" for t in objs[0]["times"])
    assert objs[1]["rejections"][0]["source"].endswith("in.jsonl#2")


def test_missing_store_fails_with_one_line(tmp_path: Path) -> None:
    result = run("timeline", "--db", "nothing.db", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "storyline build" in result.stderr


def test_every_command_has_help(tmp_path: Path) -> None:
    for cmd in ("build", "timeline", "analyze", "export", "report", "demo"):
        result = run(cmd, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "Usage" in result.stdout, cmd


def test_seeds(tmp_path: Path, seeds_dir: Path) -> None:
    result = run("build", str(seeds_dir), "--db", "seeds.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    obj = json.loads(run("export", "--db", "seeds.db", cwd=tmp_path).stdout)
    jsonschema.validate(obj, schema())
    check_evidence(obj)
    assert all(check_refs(obj).values())
    docs = {Path(d["source"]).name[:3]: d for d in obj["documents"]}
    assert len(docs) == 5
    residue = [
        "top of page",
        "bottom of page",
        "Subscribe to our newsletter",
        "Newsletter signup",
        "Please wait",
        "Thank you for sign up",
        "Staff Writer",
        "With AFP",
    ]
    for d in docs.values():
        for r in residue:
            assert r not in d["text"], (d["source"], r)
    assert docs["003"]["published"] == "2024-12-02"
    assert docs["003"]["published_basis"] == "text"
    timeline = run("timeline", "--db", "seeds.db", cwd=tmp_path)
    assert timeline.returncode == 0 and "2024-12-01" in timeline.stdout


def test_stdin_two_workers_and_every_output_format(tmp_path: Path) -> None:
    article = (
        "Mediators from Qatar met Hamas negotiators in Doha on Thursday, officials said.\n\n"
        "The talks will resume on Monday, according to a diplomat.\n"
    )
    built = run(
        "build", "-", "--db", "s.db", "--workers", "2", cwd=tmp_path, stdin=article.encode()
    )
    assert built.returncode == 0, built.stderr
    obj = json.loads(run("export", "--db", "s.db", cwd=tmp_path).stdout)
    [doc] = obj["documents"]
    assert doc["source"] == "<stdin>" and doc["text"].startswith("Mediators from Qatar")

    lines = run("export", "--db", "s.db", "--format", "jsonl", cwd=tmp_path).stdout.splitlines()
    tables = {json.loads(line)["table"] for line in lines}
    assert {"documents", "entities"} <= tables

    parquet = run("export", "--db", "s.db", "--format", "parquet", "-o", "pq", cwd=tmp_path)
    assert parquet.returncode == 0, parquet.stderr
    assert (tmp_path / "pq" / "documents.parquet").is_file()

    md = run("timeline", "--db", "s.db", "--format", "md", cwd=tmp_path)
    assert md.returncode == 0 and md.stdout.startswith("|")


def test_workers_give_the_same_story_as_one_process(tmp_path: Path) -> None:
    one = run("build", str(CORPUS), "--db", "one.db", cwd=tmp_path)
    two = run("build", str(CORPUS), "--db", "two.db", "--workers", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, (one.stderr, two.stderr)
    a = json.loads(run("export", "--db", "one.db", cwd=tmp_path).stdout)
    b = json.loads(run("export", "--db", "two.db", cwd=tmp_path).stdout)
    assert a == b


def test_a_postgresql_store_tells_the_same_story(tmp_path: Path, pg_url: str) -> None:
    """build, rebuild, export, dates and report on PostgreSQL: the same story as in SQLite."""
    reference = run("build", str(CORPUS), "--db", "ref.db", cwd=tmp_path)
    built = run("build", str(CORPUS), "--db", pg_url, cwd=tmp_path)
    assert reference.returncode == built.returncode == 0, (reference.stderr, built.stderr)
    again = run("build", str(CORPUS), "--db", pg_url, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    expected = json.loads(run("export", "--db", "ref.db", cwd=tmp_path).stdout)
    found = json.loads(run("export", "--db", pg_url, cwd=tmp_path).stdout)
    assert found == expected
    assert check_evidence(found) > 0
    dates = run("dates", "--db", pg_url, "--format", "json", cwd=tmp_path)
    assert dates.returncode == 0, dates.stderr
    assert json.loads(dates.stdout) == json.loads(
        run("dates", "--db", "ref.db", "--format", "json", cwd=tmp_path).stdout
    )
    report = run("report", "--db", pg_url, "-o", "out.html", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "<html" in (tmp_path / "out.html").read_text(encoding="utf-8").lower()
