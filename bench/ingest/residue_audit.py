"""Every distinct line of the article corpora in ../shared/eval-data that the residue rules
(ingest/data/residue_lines.txt) would remove, with how often, longest first: a line of an
article among them is a rule to narrow. There is no gold: the list is for judging by hand.

    .venv/bin/python -m bench.ingest.residue_audit     # writes bench/out/residue_audit.json

The anchor in the same run: how many lines were read, so the share removed is known.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bench.results import EVAL_DATA, write_run
from storyline.ingest.clean import is_residue

CORPORA = ("timeline17", "wikiref220", "meantime-en", "polnear")
_TEXT_SUFFIXES = {"", ".txt", ".html", ".json", ".jsonl"}


def corpus_lines(root: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            lines.extend(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--show", type=int, default=40, help="longest removed lines to print")
    args = parser.parse_args(argv)
    results = {}
    removed: Counter[str] = Counter()
    for name in CORPORA:
        root = EVAL_DATA / name
        if not root.is_dir():
            print(f"{name}: corpus missing ({root}), skipped")
            continue
        started = time.perf_counter()
        lines = corpus_lines(root)
        found = Counter(line for line in lines if is_residue(line))
        removed.update(found)
        results[name] = {
            "lines": len(lines),
            "removed": sum(found.values()),
            "distinct_removed": len(found),
            "seconds": round(time.perf_counter() - started, 2),
        }
        counts = f"removed {sum(found.values()):5}  ({len(found)} distinct)"
        print(f"{name:12} lines {len(lines):7}  {counts}")
    longest = sorted(removed.items(), key=lambda item: (-len(item[0]), item[0]))
    for line, count in longest[: args.show]:
        print(f"{count:4}  {line[:160]}")
    path = write_run(
        "residue_audit.json",
        "bench.ingest.residue_audit",
        command="python -m bench.ingest.residue_audit",
        corpora=results,
        removed=[{"line": line, "count": count} for line, count in longest],
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
