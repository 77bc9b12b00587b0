"""PLOVER event coding through the public command, as a held-out check would run it.

Every gold sentence of ../shared/eval-data/plover-gsr (the dev half) becomes one document of a
JSON Lines file `{id, text, published}` with a neutral id (the record ids carry the label);
`storyline analyze --format jsonl` codes them, and bench/extract/plover_score.py scores type
accuracy, macro-F1 and the actors. Writes bench/out/plover.json with the error list.

    .venv/bin/python -m bench.extract.plover
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.extract.plover_corpus import DATA, GoldRecord, available, records
from bench.extract.plover_score import NONE, Scores, SystemEvent, chosen, score
from bench.results import write_run

# The gold records carry no dates; any day does, and this one is theirs.
PUBLISHED = "2000-01-01"


def _evidence_text(obj: dict[str, Any], key: str) -> str | None:
    ev = obj.get(key)
    return str(ev["text"]) if isinstance(ev, dict) and ev.get("text") else None


def trigger_span(event: dict[str, Any]) -> tuple[int, int]:
    """An exported event's trigger offsets."""
    ev = event.get("trigger")
    if isinstance(ev, dict):
        return int(ev["start"]), int(ev["end"])
    # Before events carried their trigger, its offsets were the end of the id (v:doc:s-e).
    start, end = str(event["id"]).rsplit(":", 1)[1].split("-")
    return int(start), int(end)


def system_events(story: dict[str, Any]) -> list[SystemEvent]:
    names = {e["id"]: e["name"] for e in story.get("entities", [])}
    out = []
    for event in story.get("events", []):
        source = _evidence_text(event, "source_evidence") or names.get(event.get("source_actor"))
        target = _evidence_text(event, "target_evidence") or names.get(event.get("target_actor"))
        out.append(SystemEvent(str(event["type"]), trigger_span(event), source, target))
    return out


def run_analyze(gold: Sequence[GoldRecord], workers: int = 1) -> dict[str, list[SystemEvent]]:
    """Each record's sentence through `storyline analyze`, its events by record key."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plover.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for r in gold:
                row = {"id": r.key, "text": r.text, "published": PUBLISHED}
                handle.write(json.dumps(row) + "\n")
        command = [sys.executable, "-m", "storyline", "analyze", str(path), "--format", "jsonl"]
        command += ["--workers", str(workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"storyline analyze failed ({done.returncode}): {done.stderr[-2000:]}")
    out: dict[str, list[SystemEvent]] = {}
    for line in done.stdout.splitlines():
        story = json.loads(line)
        for doc in story.get("documents", []):
            out[str(doc["source"]).rsplit("#", 1)[-1]] = system_events(story)
    return out


def errors(gold: Sequence[GoldRecord], got: dict[str, list[SystemEvent]]) -> list[dict[str, str]]:
    out = []
    for r in gold:
        event = chosen(r, got.get(r.key, []))
        kind = event.type if event else NONE
        if kind != r.type:
            marked = " / ".join(s.text for s in r.marked("EVT"))
            out.append({"key": r.key, "gold": r.type, "got": kind, "event": marked, "text": r.text})
    return out


def measure(gold: Sequence[GoldRecord], workers: int = 1) -> tuple[Scores, list[dict[str, str]]]:
    got = run_analyze(gold, workers)
    return score(gold, got), errors(gold, got)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--errors", action="store_true", help="print every mistyped record")
    args = parser.parse_args(argv)
    if not available():
        print(f"skipped: {DATA} is absent (PLOVER gold records live in ../shared/eval-data)")
        return 0
    gold = records()
    scores, wrong = measure(gold, args.workers)
    result = scores.as_dict()
    if args.errors:
        for e in wrong:
            print(f"{e['key']} {e['gold']:>9} <- {e['got']:<9} [{e['event']}] {e['text']}")
    print(json.dumps(result, indent=2))
    confusion = {f"{g}->{p}": n for (g, p), n in sorted(scores.confusion.items()) if g != p}
    write_run(
        "plover.json",
        "bench.extract.plover",
        corpus=str(DATA.name),
        scores=result,
        confusion=confusion,
        errors=wrong,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
