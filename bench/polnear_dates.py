"""Publication dates inferred from PolNeAR articles (US political news, 2015-11 to 2016-10).

PolNeAR's metadata gives every article's publication day; its filenames embed it, so texts are
read under neutral names (bench/polnear_corpus.py). Two settings:

(a) text only: each article is dated from its own words;
(b) leave-one-out: each article is dated with all the others given as documents of the same
    corpus whose publication days are known (cross-document dating);
(c) forward: the train split's days are known, the dev split's (which follow them in time)
    are not, and the whole corpus is dated at once, as `storyline build` dates it
    (bench/polnear_cli.py runs the same through the commands); dev articles are scored.

Scores (bench/polnear_score.py): exact day, within 1 and 3 days, interval coverage, median
interval width. Results go to bench/out/polnear_dates.json.

    .venv/bin/python -m bench.polnear_dates [--limit N] [--setting a|b|c|all] [--errors K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import polnear_corpus
from bench.polnear_score import Prediction, score

OUT = Path(__file__).resolve().parent / "out"
# The day the benchmark pretends to run on: dating never places an article after "today",
# and a fixed day keeps the scores reproducible.
TODAY = dt.date(2026, 1, 1)


def text_only(articles: Sequence[polnear_corpus.Article]) -> list[Prediction]:
    from storyline.resolve.dating import Dater

    predictions = []
    for a in articles:
        dater = Dater([a.document], [a.analysis], today=TODAY, corpus=False)
        predictions.append(_predict(a, dater))
    return predictions


def leave_one_out(articles: Sequence[polnear_corpus.Article]) -> list[Prediction]:
    from storyline.resolve.dating import Dater

    known = [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
        )
        for a in articles
    ]
    dater = Dater(known, [a.analysis for a in articles], today=TODAY)
    return [_predict(a, dater) for a in articles]


def forward(articles: Sequence[polnear_corpus.Article]) -> list[Prediction | None]:
    """Setting (c): the train articles dated, the dev ones dated by the corpus (None for the
    train articles, which are not scored)."""
    from storyline.resolve.dating import Dater
    from storyline.timex.anchor import day_of

    documents = [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
            if a.split == "train"
            else {"published": None, "published_basis": None}
        )
        for a in articles
    ]
    dates = Dater(documents, [a.analysis for a in articles], today=TODAY).run()
    predictions: list[Prediction | None] = []
    for a in articles:
        found = dates.get(a.document.id)
        if a.split == "train":
            predictions.append(None)
        elif found is None:
            predictions.append(Prediction(a.gold))
        else:
            span = found.published
            predictions.append(
                Prediction(a.gold, day_of(span.earliest), day_of(span.latest), span.best)
            )
    return predictions


def week_ceiling(articles: Sequence[polnear_corpus.Article]) -> float:
    """Share of articles whose own words pick their publication day when told the week: each
    article is given a 7-day window holding its day (at a seeded random place), and the day
    its weekday clues allow and its leans prefer is taken (a random one when they say
    nothing). An upper bound on exact-day dating from weekdays, whatever else narrows the
    week."""
    import random

    from storyline.resolve.dating import Dater

    chooser = random.Random(7)
    dater = Dater(
        [a.document for a in articles], [a.analysis for a in articles], today=TODAY, corpus=False
    )
    right = 0
    for a in articles:
        found = dater.own_findings(a.document.id)
        first = a.gold - dt.timedelta(days=chooser.randint(0, 6))
        week = [first + dt.timedelta(days=k) for k in range(7)]
        weekday_clues = [c for c in found.clues if c.is_weekday]
        allowed = [d for d in week if all(c.allows(d) for c in weekday_clues)] or week
        scores = [sum(lean.score(d) for lean in found.leans) for d in allowed]
        top = max(scores)
        best = [d for d, s in zip(allowed, scores, strict=True) if s >= top - 1e-9]
        right += chooser.choice(best) == a.gold
    return round(100 * right / len(articles), 2) if articles else 0.0


def _predict(article: polnear_corpus.Article, dater: Any) -> Prediction:
    from storyline.resolve.dating import known_day

    day = known_day(article.document)
    if day is not None:  # a date line in the text itself, read by ingest
        return Prediction(article.gold, day, day, day.isoformat())
    verdict = dater.verdict(article.document.id)
    if verdict is None:
        return Prediction(article.gold)
    return Prediction(article.gold, verdict.earliest, verdict.latest, verdict.best)


def errors(
    articles: Sequence[polnear_corpus.Article], predictions: Sequence[Prediction], k: int
) -> list[str]:
    """The k worst misses: intervals that leave the gold day out first, then far best days."""
    rows = []
    for a, p in zip(articles, predictions, strict=True):
        if not p.covered:
            rows.append((10**6, f"NOT COVERED {a.key}: gold {a.gold} got {p.earliest}..{p.latest}"))
        elif p.error is not None and p.error > 3:
            rows.append((p.error, f"off by {p.error} {a.key}: gold {a.gold} best {p.best}"))
    rows.sort(key=lambda r: -r[0])
    return [line for _, line in rows[:k]]


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
    runs: dict[str, Callable[[Sequence[polnear_corpus.Article]], Sequence[Prediction | None]]]
    runs = {"a": text_only, "b": leave_one_out, "c": forward}
    names = {"a": "text_only", "b": "leave_one_out", "c": "forward"}
    for setting in settings:
        started = time.perf_counter()
        predictions: Sequence[Prediction | None] = runs[setting](articles)
        seconds = time.perf_counter() - started
        chosen = [
            (a, p)
            for a, p in zip(articles, predictions, strict=True)
            if p is not None and (args.split == "all" or a.split == args.split)
        ]
        metrics = score((p for _, p in chosen), today=TODAY)
        metrics["seconds"] = round(seconds, 1)
        name = names[setting]
        if setting == "b":
            metrics["exact_given_the_week"] = week_ceiling([a for a, _ in chosen])
        results[name] = metrics
        print(f"({setting}) {name}: " + ", ".join(f"{k} {v}" for k, v in metrics.items()))
        if args.errors:
            for line in errors([a for a, _ in chosen], [p for _, p in chosen], args.errors):
                print("   ", line)
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "polnear-publication-dates",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "documents": len(articles),
        "limit": args.limit,
        "split": args.split,
        "load_seconds": round(loaded, 1),
        **results,
    }
    suffix = "" if args.limit is None and args.split == "all" else f"-{args.split}-{args.limit}"
    path = OUT / f"polnear_dates{suffix}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
