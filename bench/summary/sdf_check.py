"""The metric checked against published numbers: SDF-TLS's Timeline17 outputs (La Quatra et
al., SIGIR 2021; ../shared/eval-data/sdf-tls/system_output/TL17_best{summ,ds}/) scored by
tls_metric against the news-tls references, beside the scores an implementation that matches
tilse with ROUGE-1.5.5 gives them (../shared/eval-data/README.md).

    python -m bench.summary.sdf_check
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.results import EVAL_DATA, write_run
from bench.summary.t17_gold import ReferenceTimeline, read_t17_text, references
from bench.summary.tls_metric import PRF, averaged, rounded, task_scores

OUTPUTS = EVAL_DATA / "sdf-tls" / "system_output"
# AR1-F, AR2-F, Date-F1 of tilse + ROUGE-1.5.5 on these outputs (eval-data README).
PUBLISHED = {
    "TL17_bestsumm": {"ar1": 0.1134, "ar2": 0.0331, "date": 0.5095},
    "TL17_bestds": {"ar1": 0.1120, "ar2": 0.0291, "date": 0.5324},
}


def by_name(run: str, ref: ReferenceTimeline) -> Path | None:
    """The run's file named after the reference's raw file, as the published check paired
    them (MJ's "bbc.co.uk" is "bbc" there)."""
    stem = ref.name.split("_", 1)[1]
    for candidate in (stem, stem.split(".", 1)[0]):
        path = OUTPUTS / run / f"{run}_{ref.topic}_{candidate}.txt"
        if path.is_file():
            return path
    return None


def by_days(run: str, ref: ReferenceTimeline) -> Path | None:
    """The run's file made for the reference: of the topic's files, the one with as many days
    as the reference (its budget) sharing most days with it. SDF-TLS numbers the three Reuters
    Syria timelines in another order than the raw folder, so names pair them wrongly."""
    best: tuple[int, Path] | None = None
    for path in sorted((OUTPUTS / run).glob(f"{run}_{ref.topic}_*.txt")):
        days = read_t17_text(path, keep_empty=True)
        if len(days) != len(ref.timeline):
            continue
        shared = len(set(days) & set(ref.timeline))
        if best is None or shared > best[0]:
            best = (shared, path)
    return None if best is None else best[1]


Pairing = Callable[[str, ReferenceTimeline], Path | None]


def score_run(run: str, pair: Pairing) -> dict[str, Any]:
    """A run scored against the references; a day the run lists with no sentence still
    counts as a chosen day, as tilse reads such a file."""
    tasks: list[dict[str, PRF]] = []
    missing = []
    for ref in references():
        path = pair(run, ref)
        if path is None:
            missing.append(ref.name)
            continue
        tasks.append(task_scores(read_t17_text(path, keep_empty=True), ref.timeline))
    mean = averaged(tasks)
    return {
        "tasks": len(tasks),
        "missing": missing,
        "scores": {m: rounded(s) for m, s in mean.items()},
    }


def main() -> int:
    if not OUTPUTS.is_dir():
        print(f"{OUTPUTS} is not present: nothing to check", file=sys.stderr)
        return 1
    runs = {}
    for run, published in PUBLISHED.items():
        named, matched = score_run(run, by_name), score_run(run, by_days)
        f = {m: s["f"] for m, s in named["scores"].items()}
        print(f"{run} ({named['tasks']} tasks, paired by name): F {f}; published {published}")
        print(f"  paired by days: F { {m: s['f'] for m, s in matched['scores'].items()} }")
        runs[run] = {
            "published_f": published,
            "by_name": named,
            "difference_f": {m: round(f[m] - published[m], 4) for m in published},
            "by_days": matched,
        }
    write_run("sdf_check.json", "bench.summary.sdf_check", runs=runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
