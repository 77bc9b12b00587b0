"""A check on text no rule was written from: CASE 2021 task 2 snippets (ACLED event types),
those whose type has one PLOVER counterpart, through `storyline analyze`.

ACLED types are mapped to PLOVER by the 2021 CAMEO-to-PLOVER table's categories (strikes,
clashes, bombings, abductions, sexual violence, taking territory by force: ASSAULT; protests:
PROTEST; arrests: COERCE; agreements: AGREE). Types with no single counterpart (diplomacy,
weapons defused, headquarters set up, disasters, crime, ...) are left out. Scored: the share
of snippets where storyline finds an event of the mapped type (recall of the type), and where
the first event it finds is of that type. Writes bench/out/case2021.json.

    .venv/bin/python -m bench.extract.case2021
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.extract.plover import trigger_span
from bench.results import EVAL_DATA, write_run

DATA = EVAL_DATA / "case2021-task2" / "test_set_final_release_with_labels.tsv"
TO_PLOVER = {
    "AIR_STRIKE": "ASSAULT",
    "ARMED_CLASH": "ASSAULT",
    "ART_MISS_ATTACK": "ASSAULT",
    "ATTACK": "ASSAULT",
    "GRENADE": "ASSAULT",
    "SUIC_BOMB": "ASSAULT",
    "CHEM_WEAP": "ASSAULT",
    "REM_EXPLOS": "ASSAULT",
    "SEX_VIOL": "ASSAULT",
    "ABDUCT_DISSAP": "ASSAULT",
    "MOB_VIOL": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "PROPERTY_DISTRUCT": "ASSAULT",
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    "PEACE_PROTEST": "PROTEST",
    "PROTEST_WITH_INTER": "PROTEST",
    "VIOL_DEMONSTR": "PROTEST",
    "ARREST": "COERCE",
    "AGREEMENT": "AGREE",
}


def snippets() -> list[tuple[str, str, str]]:
    """(neutral id, text, PLOVER type) for the mapped snippets, in file order."""
    out: list[tuple[str, str, str]] = []
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            kind = TO_PLOVER.get((row.get("SubType") or "").strip())
            if kind and row.get("EventSnippet"):
                out.append((f"c{len(out):04d}", row["EventSnippet"].strip(), kind))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return 0
    rows = snippets()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for key, text, _ in rows:
                handle.write(json.dumps({"id": key, "text": text}) + "\n")
        command = [sys.executable, "-m", "storyline", "analyze", str(path), "--format", "jsonl"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    types: dict[str, list[tuple[int, str]]] = {}
    for line in done.stdout.splitlines():
        story = json.loads(line)
        for doc in story.get("documents", []):
            key = str(doc["source"]).rsplit("#", 1)[-1]
            types[key] = sorted(
                (trigger_span(e)[0], str(e["type"])) for e in story.get("events", [])
            )
    found: Counter[str] = Counter()
    first: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for key, _, kind in rows:
        got = types.get(key, [])
        total[kind] += 1
        found[kind] += any(t == kind for _, t in got)
        first[kind] += bool(got) and got[0][1] == kind

    def pct(a: int, b: int) -> float:
        return round(100 * a / b, 2) if b else 0.0

    result = {
        "snippets": sum(total.values()),
        "type_found": pct(sum(found.values()), sum(total.values())),
        "first_event_type": pct(sum(first.values()), sum(total.values())),
        "by_type": {k: {"n": total[k], "found": pct(found[k], total[k])} for k in sorted(total)},
    }
    print(json.dumps(result, indent=2))
    write_run("case2021.json", "bench.extract.case2021", corpus=DATA.name, scores=result)
    return 0 if done.returncode in (0, 1) else done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
