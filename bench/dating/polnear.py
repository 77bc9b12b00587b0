"""Publication dates inferred from PolNeAR articles (US political news, 2015-11 to 2016-10).

PolNeAR's metadata gives every article's publication day; its filenames embed it, so texts are
read under neutral names (bench/dating/polnear_corpus.py). Three settings:

(a) text only, (b) leave-one-out and (c) forward, as bench/dating/settings.py defines them; in
(c) the train split's days are known and the dev split's are not
(bench/dating/polnear_cli.py runs the same through the commands); dev articles are scored.

Scores (bench/dating/score.py): exact day, within 1 and 3 days, interval coverage, median
interval width. Results go to bench/out/polnear_dates.json.

    .venv/bin/python -m bench.dating.polnear [--limit N] [--setting a|b|c|all] [--errors K]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.dating import polnear_corpus
from bench.dating.nearest_article import anchor_scores, nearest_day
from bench.dating.score import Prediction
from bench.dating.settings import forward, leave_one_out, report, text_only, week_ceiling
from bench.results import write_run

Setting = Callable[[Sequence[polnear_corpus.Article]], Sequence[Prediction | None]]
SETTINGS: dict[str, tuple[str, Setting]] = {
    "a": ("text_only", text_only),
    "b": ("leave_one_out", leave_one_out),
    "c": ("forward", forward),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="first N articles in time order")
    parser.add_argument("--setting", choices=("a", "b", "c", "all"), default="all")
    parser.add_argument("--split", choices=("all", "train", "dev"), default="all")
    parser.add_argument("--workers", type=int, default=1, help="processes for parsing")
    parser.add_argument("--refresh", action="store_true", help="parse again, ignoring the cache")
    parser.add_argument("--errors", type=int, default=0, help="print the K worst misses")
    args = parser.parse_args(argv)
    if not polnear_corpus.available():
        print(f"skipped: {polnear_corpus.DATA} is absent (PolNeAR lives in ../shared/eval-data)")
        return 0
    started = time.perf_counter()
    articles = polnear_corpus.load(args.limit, refresh=args.refresh, workers=args.workers)
    loaded = time.perf_counter() - started
    results: dict[str, Any] = {}
    settings = ("a", "b", "c") if args.setting == "all" else (args.setting,)
    for setting in settings:
        name, run = SETTINGS[setting]
        started = time.perf_counter()
        predictions: Sequence[Prediction | None] = [
            p if args.split == "all" or a.split == args.split else None
            for a, p in zip(articles, run(articles), strict=True)
        ]
        metrics, chosen, _ = report(
            f"({setting}) {name}", articles, predictions, time.perf_counter() - started, args.errors
        )
        if setting == "b":
            metrics["exact_given_the_week"] = week_ceiling(chosen)
            print(f"    exact_given_the_week {metrics['exact_given_the_week']}")
            anchor = [
                p if args.split == "all" or a.split == args.split else None
                for a, p in zip(articles, nearest_day(articles), strict=True)
            ]
            metrics["anchor_nearest_day"] = anchor_scores(anchor)
        results[name] = metrics
    suffix = "" if args.limit is None and args.split == "all" else f"-{args.split}-{args.limit}"
    write_run(
        f"polnear_dates{suffix}.json",
        "polnear-publication-dates",
        documents=len(articles),
        limit=args.limit,
        split=args.split,
        load_seconds=round(loaded, 1),
        **results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
