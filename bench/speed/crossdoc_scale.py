"""The whole cross-document stage at 1k to 100k documents: time and peak memory, and how
they grow.

The documents are Timeline17 articles (the parse cache of bench/dating/t17_corpus.py, nothing
parsed here) copied and perturbed so that no two are alike (bench/speed/copies.py: names
swapped, dates moved by years of the same calendar, every offset kept true), every other one
dated by metadata. For each N, each in a fresh process whose peak resident memory is read
from the kernel (VmHWM):

- stage: ``resolve_story`` (dating, entities, events, figures, stories) and ``build_timeline``
  in process, on N documents and analyses held in memory, with the time of each part;
- store (``--store``): a SQLite store filled with the N documents and analyses, then
  ``update_story`` (the whole stage read from and written to the store, as `storyline
  build` with no paths does), then one more copy added and ``update_story`` again (adding one
  document: the resolve part of `storyline build one.txt`, without parsing it).

The anchor, in the same run: the smallest N, each larger N reported as its time and memory
over the anchor's and the growth exponent between consecutive sizes (1.0: linear). The
issue's targets: time(100k) / time(10k) <= 12 and peak memory <= 3 GB.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

from bench.article_cache import cache_file as read_cache_file
from bench.results import OUT, write_run
from bench.speed.copies import Base, read_bases, stream, write_bases

SIZES = (1000, 10000, 100000)
TARGET_RATIO = 12.0
TARGET_PEAK_MB = 3072


def _bases_path() -> Path:
    from storyline.config import Config

    return OUT / f"crossdoc-bases-{Config().pipeline_version}.jsonl"


def prepare_bases() -> Path:
    """The Timeline17 articles with their analyses as one file of JSON lines (made once per
    pipeline version, from the parse cache)."""
    from bench.dating import t17_corpus

    path = _bases_path()
    if path.is_file():
        return path
    version = path.stem.removeprefix("crossdoc-bases-")
    if not read_cache_file(t17_corpus.CACHE, version).is_file():
        # Parsing the 4,625 articles takes an hour on two cores: not a side effect of this.
        raise SystemExit(f"no Timeline17 parse cache for {version}: run bench.dating.t17 first")
    articles = t17_corpus.articles(workers=2)
    write_bases(
        str(path),
        ((a.gold, a.document.model_dump_json(), a.analysis.model_dump_json()) for a in articles),
    )
    return path


def peak_mb() -> float:
    """This process's peak resident memory so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def cpu_s() -> float:
    """Seconds of CPU this process has used: on a shared machine, what the work costs
    whatever else runs beside it (the wall time is reported too)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


class _Parts:
    """Seconds spent in each part of resolve_story, measured by wrapping the functions
    storyline.resolve.corpus calls."""

    NAMES = (
        "apply_dating",
        "resolve_entities",
        "merge_events",
        "figure_dates",
        "figure_conflicts",
        "figure_series",
        "group_stories",
        "source_credits",
        "find_derivations",
    )

    def __init__(self) -> None:
        from storyline.resolve import corpus

        self.seconds: dict[str, float] = {}
        for name in self.NAMES:
            setattr(corpus, name, self._timed(name, getattr(corpus, name)))

    def _timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                self.seconds[name] = round(self.seconds.get(name, 0.0) + spent, 2)

        return run


def _records(bases: list[Base], size: int, seed: int) -> Iterator[tuple[Any, Any]]:
    from storyline.model import Analysis, Document

    for document, analysis in stream(bases, size, seed):
        yield Document.model_validate(document), Analysis.model_validate(analysis)


def child_stage(bases_path: str, size: int, seed: int) -> dict[str, Any]:
    """resolve_story and build_timeline on ``size`` copies in this process."""
    from storyline.resolve.corpus import resolve_story
    from storyline.summarize.timeline import build_timeline

    parts = _Parts()
    bases = read_bases(bases_path)
    started = time.perf_counter()
    documents, analyses = [], []
    for doc, analysis in _records(bases, size, seed):
        documents.append(doc)
        analyses.append(analysis)
    made = time.perf_counter() - started
    del bases
    gc.collect()
    before = rss_mb()
    gc.disable()  # as `storyline build` runs the stage (pipeline.stages._collections_paused)
    started, cpu = time.perf_counter(), cpu_s()
    story = resolve_story(documents, analyses)
    resolved = time.perf_counter() - started
    timeline = build_timeline(story.events, story.quotes)
    total = time.perf_counter() - started
    return {
        "documents": size,
        "stage_s": round(total, 2),
        "stage_cpu_s": round(cpu_s() - cpu, 2),
        "resolve_s": round(resolved, 2),
        "timeline_s": round(total - resolved, 2),
        "parts_s": parts.seconds,
        "copies_s": round(made, 2),
        "rss_before_stage_mb": before,
        "peak_mb": peak_mb(),
        "events": len(story.events),
        "entities": len(story.entities),
        "stories": len(story.stories),
        "timeline_entries": len(timeline),
    }


def child_store(bases_path: str, size: int, seed: int) -> dict[str, Any]:
    """A SQLite store of ``size`` copies resolved by update_story, then one copy added."""
    from storyline.config import Config
    from storyline.model import Ingested
    from storyline.pipeline.stages import update_story
    from storyline.store import Store

    bases = read_bases(bases_path)
    found: dict[str, Any] = {"documents": size}
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "s.db")) as store:
        started = time.perf_counter()
        records = _records(bases, size + 1, seed)
        # The store reads the analyses of the running pipeline version only.
        version = {"pipeline_version": Config().pipeline_version}
        for doc, analysis in islice(records, size):
            analysis = analysis.model_copy(update=version)
            store.add_document(Ingested(document=doc, raw=doc.text.encode()), analysis)
        found["fill_s"] = round(time.perf_counter() - started, 2)
        extra = next(records)
        del bases, records
        gc.collect()
        found["rss_before_stage_mb"] = rss_mb()
        started, cpu = time.perf_counter(), cpu_s()
        _, how = update_story(store, Config())
        found["update_story_s"] = round(time.perf_counter() - started, 2)
        found["update_story_cpu_s"] = round(cpu_s() - cpu, 2)
        doc, analysis = extra[0], extra[1].model_copy(update=version)
        store.add_document(Ingested(document=doc, raw=doc.text.encode()), analysis)
        started, cpu = time.perf_counter(), cpu_s()
        _, how_one = update_story(store, Config())
        found["add_one_s"] = round(time.perf_counter() - started, 2)
        found["add_one_cpu_s"] = round(cpu_s() - cpu, 2)
        found["how"] = [how, how_one]
    found["peak_mb"] = peak_mb()
    return found


def _child(kind: str, bases: Path, size: int, seed: int) -> dict[str, Any]:
    args = [sys.executable, "-m", "bench.speed.crossdoc_scale", "--child", kind]
    args += ["--bases", str(bases), "--sizes", str(size), "--seed", str(seed)]
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"documents": size, "failed": done.returncode, "stderr": done.stderr[-1500:]}
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    found["process_s"] = round(time.perf_counter() - started, 2)
    return found


def available_mb() -> float | None:
    """Memory the kernel says a new process can have (MemAvailable), None off Linux."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def projected_peak_mb(done: list[dict[str, Any]], size: int) -> float | None:
    """The peak memory of a run of ``size`` documents projected from the largest finished
    run, as if linear in N (the measured growth is close to linear: see BENCHMARKS.md)."""
    runs = [r for r in done if "peak_mb" in r and r["documents"] < size]
    if not runs:
        return None
    last = max(runs, key=lambda r: r["documents"])
    peak, documents = float(last["peak_mb"]), int(last["documents"])
    return peak * size / documents


def _too_big(done: list[dict[str, Any]], size: int) -> dict[str, Any] | None:
    """A record saying why ``size`` is skipped when its projected peak would not fit in the
    memory available: a run that swaps measures the disk, and one the kernel kills measures
    nothing."""
    projected, free = projected_peak_mb(done, size), available_mb()
    if projected is None or free is None or projected <= 0.9 * free:
        return None
    why = f"projected peak {projected:,.0f} MB > {free:,.0f} MB available"
    return {"documents": size, "skipped": why, "projected_peak_mb": round(projected)}


def growth(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Each size against the anchor (the smallest) and against the size before it: the ratio
    of ``key`` and its growth exponent log(t2/t1) / log(n2/n1) (1.0: linear)."""
    done = [r for r in rows if key in r]
    out = []
    for before, row in pairwise(done):
        n = row["documents"] / before["documents"]
        t = row[key] / before[key] if before[key] else math.nan
        out.append(
            {
                "from": before["documents"],
                "to": row["documents"],
                "ratio": round(t, 2),
                "exponent": round(math.log(t) / math.log(n), 2) if t > 0 else None,
                "over_anchor": round(row[key] / done[0][key], 2) if done[0][key] else None,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--store", action="store_true", help="also through a SQLite store")
    parser.add_argument("--store-max", type=int, default=10000, help="largest N of --store")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="crossdoc_scale.json", help="file under bench/out/")
    parser.add_argument("--child", choices=("stage", "store"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--bases", help="a file of bases (copies.write_bases); default: the T17 parse cache's"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        run = child_stage if args.child == "stage" else child_store
        print(json.dumps(run(args.bases, sizes[0], args.seed)))
        return
    from bench.dating import t17_corpus

    if not t17_corpus.available():
        print(f"skipped: {t17_corpus.DATA} is absent (Timeline17 lives in ../shared/eval-data)")
        return
    bases = Path(args.bases) if args.bases else prepare_bases()
    stage: list[dict[str, Any]] = []
    store: list[dict[str, Any]] = []
    for size in sizes:
        stage.append(_too_big(stage, size) or _child("stage", bases, size, args.seed))
        print("stage", stage[-1], flush=True)
        if args.store and size <= args.store_max:
            store.append(_too_big(store, size) or _child("store", bases, size, args.seed))
            print("store", store[-1], flush=True)
    big = {r["documents"]: r for r in stage if "stage_s" in r}
    ratio = (
        big[100000]["stage_s"] / big[10000]["stage_s"] if {10000, 100000} <= big.keys() else None
    )
    path = write_run(
        args.out,
        "the cross-document stage on perturbed Timeline17 copies: time and peak memory by N",
        bases=str(bases),
        targets={"time_100k_over_10k": TARGET_RATIO, "peak_mb": TARGET_PEAK_MB},
        time_100k_over_10k=round(ratio, 2) if ratio else None,
        stage=stage,
        stage_growth=growth(stage, "stage_s"),
        stage_cpu_growth=growth(stage, "stage_cpu_s"),
        memory_growth=growth(stage, "peak_mb"),
        store=store,
        store_growth=growth(store, "update_story_cpu_s"),
        add_one_growth=growth(store, "add_one_cpu_s"),
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
