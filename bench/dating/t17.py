"""Publication dates inferred on Timeline17: nine stories, several outlets reporting the same days.

PolNeAR (bench/dating/polnear.py) has about three articles a day on many subjects, so another
article of the same days rarely reports the same event. Timeline17 is the dense case cross-
document dating is for: each story is told by up to five outlets, day after day. Each topic is
a corpus of its own (as a user would build one story), dated in the settings of
bench/dating/settings.py:

(a) text only: each article from its own words;
(b) leave-one-out: each article with all the other articles of its topic dated;
(c) half known: every second article of a topic (in time order) dated, the others dated by
    the corpus at once, as `storyline build` would date a pile where half the pages carry
    their date; the undated half is scored.

Scores (bench/dating/score.py), overall, per topic and per outlet: exact day, within 1 and 3
days, interval coverage and width. Results go to bench/out/t17_dates.json.

    .venv/bin/python -m bench.dating.t17 [--per-topic N] [--setting a|b|c|all] [--workers N]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.dating.nearest_article import anchor_scores, nearest_day
from bench.dating.score import Prediction, score
from bench.dating.settings import TODAY, forward, leave_one_out, report, text_only
from bench.results import write_run

Setting = Callable[[Sequence[Article]], Sequence[Prediction | None]]


def half_known(articles: Sequence[Article]) -> list[Prediction | None]:
    """Setting (c): every second article (in time order) known, the others scored."""
    known = {a.key for a in articles[::2]}
    return forward(articles, lambda a: a.key in known)


SETTINGS: dict[str, tuple[str, Setting]] = {
    "a": ("text_only", text_only),
    "b": ("leave_one_out", leave_one_out),
    "c": ("half_known", half_known),
}


def by_topic(articles: Sequence[Article], setting: Setting) -> list[Prediction | None]:
    """The setting run on each topic as a corpus of its own; predictions in article order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        groups[a.split].append(i)
    predictions: list[Prediction | None] = [None] * len(articles)
    for indices in groups.values():
        found = setting([articles[i] for i in indices])
        for i, p in zip(indices, found, strict=True):
            predictions[i] = p
    return predictions


def own_date(article: Article) -> str:
    """Whether the article's text gives its day itself (a date line or a wire time stamp)."""
    from storyline.resolve.dating import known_day

    return "dated by its text" if known_day(article.document) else "no day of its own"


def breakdown(
    articles: Sequence[Article],
    predictions: Sequence[Prediction | None],
    group: Callable[[Article], str],
) -> dict[str, dict[str, Any]]:
    """Scores per group of articles (topic, outlet, ...)."""
    groups: dict[str, list[Prediction]] = defaultdict(list)
    for a, p in zip(articles, predictions, strict=True):
        if p is not None:
            groups[group(a)].append(p)
    return {name: score(found, today=TODAY) for name, found in sorted(groups.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-topic", type=int, default=None, help="about N articles a topic")
    parser.add_argument("--topic", action="append", help="only this topic (repeatable)")
    parser.add_argument("--setting", choices=("a", "b", "c", "all"), default="all")
    parser.add_argument("--workers", type=int, default=1, help="processes for parsing")
    parser.add_argument("--refresh", action="store_true", help="parse again, ignoring the cache")
    parser.add_argument("--errors", type=int, default=0, help="print the K worst misses")
    args = parser.parse_args(argv)
    if not t17_corpus.available():
        print(f"skipped: {t17_corpus.DATA} is absent (Timeline17 lives in ../shared/eval-data)")
        return 0
    started = time.perf_counter()
    articles = t17_corpus.articles(
        args.topic, per_topic=args.per_topic, refresh=args.refresh, workers=args.workers
    )
    loaded = time.perf_counter() - started
    results: dict[str, Any] = {}
    chosen = ("a", "b", "c") if args.setting == "all" else (args.setting,)
    for setting in chosen:
        name, run = SETTINGS[setting]
        started = time.perf_counter()
        predictions = by_topic(articles, run)
        metrics, _, _ = report(
            f"({setting}) {name}", articles, predictions, time.perf_counter() - started, args.errors
        )
        topics = breakdown(articles, predictions, lambda a: a.split)
        outlets = breakdown(articles, predictions, lambda a: a.publisher)
        own = breakdown(articles, predictions, own_date)
        for label, table in (("topic", topics), ("outlet", outlets), ("text", own)):
            for group, m in table.items():
                print(
                    f"    {label} {group:16} n={m['documents']:5} exact {m['exact']:5} "
                    f"within_1 {m['within_1']:5} within_3 {m['within_3']:5} "
                    f"coverage {m['coverage']:5}"
                )
        if setting == "b":
            anchor = by_topic(articles, nearest_day)
            metrics["anchor_nearest_day"] = anchor_scores(anchor)
            undated = [
                p if own_date(a) == "no day of its own" else None
                for a, p in zip(articles, anchor, strict=True)
            ]
            metrics["anchor_nearest_day_no_day_of_its_own"] = anchor_scores(undated)
        results[name] = {**metrics, "topics": topics, "outlets": outlets, "text": own}
    partial = args.per_topic is not None or args.topic or args.setting != "all"
    write_run(
        "t17_dates-partial.json" if partial else "t17_dates.json",
        "t17-publication-dates",
        documents=len(articles),
        per_topic=args.per_topic,
        topics=args.topic,
        load_seconds=round(loaded, 1),
        **results,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
