"""The quality floors and the corpora they were measured on; re-measure and update them.

    .venv/bin/python -m bench.floors                   # each corpus: pinned, changed or missing
    .venv/bin/python -m bench.floors --update t17 ...  # re-measure, raise floors, pin the corpus

An update measures exactly what the floor test measures (bench/floors/subsets.py), records the
scores as ``measured``, raises each floor that sits more than a point under its new score,
pins the corpus, and writes the file in one rename. It refuses, writing nothing, when a score
is under its floor: a lower floor is a hand edit, with its reason in the commit.
"""

from __future__ import annotations

import argparse
from typing import Any

from bench.floors.gate import FloorError, corpus_change, flat, read_floors, updated, write_floors
from bench.floors.subsets import FLOORS, Floor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--update", nargs="+", choices=sorted(FLOORS), metavar="NAME", help=", ".join(FLOORS)
    )
    args = parser.parse_args(argv)
    try:
        if args.update:
            for name in args.update:
                update(FLOORS[name])
            return 0
        pinned = [show(floor) for floor in FLOORS.values()]  # every floor shown, then the verdict
        return 0 if all(pinned) else 1
    except FloorError as error:
        print(f"error: {error}")
        return 1


def show(floor: Floor[Any]) -> bool:
    """Print the state of one floor's corpus; False when it is not the one pinned."""
    if not floor.root.is_dir():
        print(f"{floor.name}: corpus missing ({floor.root})")
        return False
    found = floor.corpus()
    change = corpus_change(read_floors(floor.path), found, floor.update_command)
    print(change or f"{floor.name}: corpus pinned ({found['files']} files, {found['sha256']})")
    return change is None


def update(floor: Floor[Any]) -> None:
    if not floor.root.is_dir():
        raise FloorError(f"{floor.name}: corpus missing ({floor.root}): nothing to measure")
    before = read_floors(floor.path)
    corpus = floor.corpus()
    scores = floor.measure(floor.load())
    after = updated(before, scores, corpus)
    write_floors(after)
    old, new, measured = flat(before.floors), flat(after.floors), flat(after.measured)
    print(f"{floor.name}: {floor.path} written, corpus {corpus['sha256']}")
    for metric, floor_value in new.items():
        raised = f"raised from {old[metric]}" if floor_value != old[metric] else "unchanged"
        print(f"  {metric}: measured {measured[metric]}, floor {floor_value} ({raised})")


if __name__ == "__main__":
    raise SystemExit(main())
