"""Cross-document dating at scale: dating a Timeline17 mix from scratch, and updating it with one
article, at 250 to 2,000 documents.

Each mix is N articles drawn across the nine topics (bench/dating/t17_corpus.mix), every other
one given its day as metadata (t17_corpus.half_dated), the rest dated by storyline
(``apply_dating``, in process: the dating stage alone, no store). For each N:

- full: every undated document dated from scratch, in rounds;
- update: one more article added to the dated mix, dated with ``changed=[it]`` as `storyline
  build` does on a store whose story is current;
- day: the share of the undated half whose best day is its real day, and within 1 day.

The anchor, in the same run (up to --anchor-max documents): the same code with the cut on
common context keys growing with the corpus (a key common only above 20 % of the documents,
as before issue 9), which is what made every expression's candidates grow with N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.results import write_run
from storyline.model import DateInterval, Document
from storyline.resolve.dating import apply_dating
from storyline.resolve.dating import facts as dating_facts

SIZES = (250, 500, 1000, 2000)
TODAY = dt.date(2026, 1, 1)
UNBOUNDED = 10**9


@contextmanager
def common_cap(cap: int) -> Iterator[None]:
    saved = dating_facts.COMMON_CAP
    dating_facts.COMMON_CAP = cap
    try:
        yield
    finally:
        dating_facts.COMMON_CAP = saved


def _best_day(doc: Document) -> dt.date | None:
    published = doc.published
    if isinstance(published, DateInterval) and published.best and len(published.best) == 10:
        return dt.date.fromisoformat(published.best)
    return None


def cold_caches() -> None:
    """Empty storyline's memoized functions (resolved expressions, context words), so that
    each measurement starts as a fresh `storyline build` process would, whatever ran before."""
    for name, module in list(sys.modules.items()):
        if name.startswith("storyline."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@contextmanager
def collections_paused() -> Iterator[None]:
    """As `storyline build` runs the stage (pipeline.stages._collections_paused)."""
    cold_caches()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def measure(chosen: list[Article], extra: Article) -> dict[str, Any]:
    """Timings and day accuracy of dating one mix, and of adding one article to it, with
    the cyclic garbage collector paused as `storyline build` pauses it."""
    documents = t17_corpus.half_dated(chosen)
    analyses = [a.analysis for a in chosen]
    with collections_paused():
        started = time.perf_counter()
        dated = apply_dating(documents, analyses, today=TODAY)
        full = time.perf_counter() - started
    undated = [
        (a, d)
        for a, d in zip(chosen, dated.documents, strict=True)
        if d.published_basis != "metadata"
    ]
    days = [(_best_day(d), a.gold) for a, d in undated]
    exact = sum(day == gold for day, gold in days) / len(days)
    near = sum(day is not None and abs((day - gold).days) <= 1 for day, gold in days) / len(days)

    with collections_paused():
        started = time.perf_counter()
        apply_dating(
            [*dated.documents, extra.document],
            [*analyses, extra.analysis],
            today=TODAY,
            changed=[extra.document.id],
        )
        update = time.perf_counter() - started
    return {
        "full_s": round(full, 2),
        "update_s": round(update, 2),
        "day_exact": round(exact, 4),
        "day_within_1": round(near, 4),
        "undated": len(days),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--anchor-max", type=int, default=1000, help="largest N for the anchor")
    args = parser.parse_args()
    if not t17_corpus.available():
        print(f"skipped: {t17_corpus.DATA} is absent (Timeline17 lives in ../shared/eval-data)")
        return
    articles = t17_corpus.articles(workers=2)
    results: list[dict[str, Any]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        chosen = t17_corpus.mix(articles, size + 1)
        extra, chosen = chosen[-1], chosen[:-1]
        row: dict[str, Any] = {"documents": size, "storyline": measure(chosen, extra)}
        if size <= args.anchor_max:
            with common_cap(UNBOUNDED):
                row["anchor_cut_grows_with_corpus"] = measure(chosen, extra)
        results.append(row)
        print(row, flush=True)
    timed = {r["documents"]: r["storyline"]["full_s"] for r in results}
    ratio = round(timed[2000] / timed[1000], 2) if {1000, 2000} <= timed.keys() else None
    path = write_run(
        "dating_scale.json",
        "cross-document dating at scale: full and one-article update (Timeline17 mixes)",
        results=results,
        full_ratio_2000_1000=ratio,
    )
    print(f"full time(2000)/time(1000): {ratio}\nwrote {path}")


if __name__ == "__main__":
    main()
