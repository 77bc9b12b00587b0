"""What the build's progress bar costs and how finely it moves.

1. Counting the inputs before a build (pipeline/inputs.py) against ingesting them (the anchor,
   same inputs, same run): the Timeline17 input documents, thousands of small text files.
2. How the bar advances during a build on one local worker: the progress reports' times, the
   largest burst of documents reported within 50 ms, and the time from the analysis's start
   to the first document; the anchor, in the same run, is the same build with every batch's
   analyses reported when the whole batch is done (as before the engine streamed them).

    .venv/bin/python -m bench.speed.progress [--docs 96]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.results import EVAL_DATA, write_run
from storyline.config import Config
from storyline.engines import local
from storyline.ingest import ingest
from storyline.model import Analysis, Document, Rejection
from storyline.pipeline import build, count_inputs, preload_pipelines

INPUTS = EVAL_DATA / "timeline17" / "raw"


def _input_docs() -> list[Path]:
    return sorted(p for p in INPUTS.glob("*/InputDocs/*/*.txt"))


def count_against_ingest(paths: list[str]) -> dict[str, Any]:
    start = time.perf_counter()
    counted = count_inputs(paths)
    count_s = time.perf_counter() - start
    start = time.perf_counter()
    ingested = sum(1 for _ in ingest(paths, Config()))
    ingest_s = time.perf_counter() - start
    return {
        "inputs": len(paths),
        "counted": counted.total,
        "exact": counted.exact,
        "ingested": ingested,
        "count_s": round(count_s, 3),
        "anchor_ingest_s": round(ingest_s, 3),
        "count_share_of_ingest": round(count_s / ingest_s, 4),
    }


def bar_steps(paths: list[str]) -> dict[str, Any]:
    config = Config()
    start = time.perf_counter()
    preload_pipelines(config)
    loaded = time.perf_counter()
    times: list[float] = []

    def progress(kind: str, item: Document | Rejection) -> None:
        times.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        build(paths, str(Path(tmp) / "s.db"), config, progress=progress, resolve=False)
    ended = time.perf_counter()
    bursts, i = [], 0
    while i < len(times):
        j = i
        while j + 1 < len(times) and times[j + 1] - times[i] < 0.05:
            j += 1
        bursts.append(j - i + 1)
        i = j + 1
    return {
        "documents": len(times),
        "batch_size": config.batch_size,
        "load_s": round(loaded - start, 3),
        "first_document_s": round(times[0] - loaded, 3) if times else None,
        "analysis_s": round(ended - loaded, 3),
        "updates_50ms": len(bursts),
        "largest_burst": max(bursts, default=0),
        "median_burst": sorted(bursts)[len(bursts) // 2] if bursts else 0,
    }


def _whole_batches(documents: list[Document], config: Config) -> Iterator[Analysis]:
    return iter(local.analyze_batch(documents, config))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=96, help="documents built for the bar")
    args = parser.parse_args()
    docs = [str(p) for p in _input_docs()]
    counting = count_against_ingest(docs)
    print("count vs ingest:", counting)
    steps = bar_steps(docs[: args.docs])
    print("bar steps:", steps)
    streamed = local.stream_batch
    local.stream_batch = _whole_batches
    try:
        batched = bar_steps(docs[: args.docs])
    finally:
        local.stream_batch = streamed
    print("anchor, whole batches:", batched)
    out = write_run(
        "progress.json", "build progress", counting=counting, bar=steps, anchor_batched=batched
    )
    print(out)


if __name__ == "__main__":
    main()
