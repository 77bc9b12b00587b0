"""Figure conflicts and series on the Timeline17 store (bench/web/t17_store.py: built, or
resolved again when the store is of another RESOLVE_VERSION): how many conflicts, the largest,
the share of each quantity's figures that sit in one ("disputed"), the series, and a sample of
conflicts with every member's sentence, written to bench/out/figure_conflicts_t17.json for
judging by hand (real disagreement or not).

    python -m bench.figures.t17_conflicts --sample 10 --seed 23

A conflict that rings most of a quantity's figures says nothing: before figures of one
conflict had to hold one band of values and one time, one conflict held 4,221 figures, "USD"
from $100 to $596 trillion.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from typing import Any

from bench.results import write_run
from bench.web.t17_store import build_store
from storyline.model import Conflict, Figure
from storyline.store import Store

_QUANTITIES = 12  # the quantities with the most figures, in the disputed-share table


def _sentence(text: str, start: int, end: int) -> str:
    first = text.rfind(".", 0, start) + 1
    last = text.find(".", end)
    return " ".join(text[first : (last + 1 if last >= 0 else len(text))].split())[:400]


def _judged(store: Store, conflict: Conflict, members: list[Figure]) -> dict[str, Any]:
    shown = []
    for f in members:
        doc = store.get_document(f.evidence.doc)
        text = doc.text if doc is not None else ""
        shown.append(
            {
                "value": f.value,
                "as_of": f.as_of,
                "published": str(doc.published) if doc is not None else None,
                "sentence": _sentence(text, f.evidence.start, f.evidence.end),
            }
        )
    return {
        "quantity": conflict.quantity,
        "date": conflict.date,
        "note": conflict.note,
        "figures": shown,
        "real": None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    started = time.perf_counter()
    path = build_store()
    ready = time.perf_counter() - started
    with Store.open(str(path)) as store:
        figures = store.figures()
        conflicts = store.conflicts()
        series = store.series()
        disputed = {f.id for _, members in conflicts for f in members}
        counted = Counter(f.counts for f in figures if f.counts)
        in_conflict = Counter(f.counts for f in figures if f.counts and f.id in disputed)
        shares = {q: f"{in_conflict[q]}/{n}" for q, n in counted.most_common(_QUANTITIES)}
        sizes = sorted((len(c.items) for c, _ in conflicts), reverse=True)
        sample = random.Random(args.seed).sample(conflicts, min(args.sample, len(conflicts)))
        judged = [_judged(store, c, members) for c, members in sample]
    fields = {
        "store": path.name,
        "store_ready_s": round(ready, 1),
        "figures": len(figures),
        "conflicts": len(conflicts),
        "largest_conflicts": sizes[:5],
        "disputed_figures": len(disputed),
        "disputed_share_by_counts": shares,
        "series": len(series),
        "largest_series": [(s.quantity, len(s.points)) for s in series[:5]],
        "sample_seed": args.seed,
        "sample": judged,
    }
    out = write_run("figure_conflicts_t17.json", "figure_conflicts_t17", **fields)
    for key, value in fields.items():
        if key != "sample":
            print(f"{key}: {value}")
    print(f"sample of {len(judged)} conflicts to judge: {out}")


if __name__ == "__main__":
    main()
