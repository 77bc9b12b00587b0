"""The dating settings the publication-date benchmarks share (PolNeAR, Timeline17).

(a) text only: each article is dated from its own words;
(b) leave-one-out: each article is dated with all the others given as documents of the same
    corpus whose publication days are known (cross-document dating);
(c) forward: some articles' days are known, the others' (which follow them in time) are not,
    and the whole corpus is dated at once, as `storyline build` dates it.

Each returns one bench.dating.score.Prediction per article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from bench.article_cache import Article
from bench.dating.score import Prediction
from storyline.model import Document

# The day the benchmark pretends to run on: dating never places an article after "today",
# and a fixed day keeps the scores reproducible.
TODAY = dt.date(2026, 1, 1)


def text_only(articles: Sequence[Article]) -> list[Prediction]:
    from storyline.resolve.dating import DateInference

    predictions = []
    for a in articles:
        dater = DateInference([a.document], [a.analysis], today=TODAY, corpus=False)
        predictions.append(_predict(a, dater))
    return predictions


def leave_one_out(articles: Sequence[Article]) -> list[Prediction]:
    from storyline.resolve.dating import DateInference

    inference = DateInference(
        [_dated(a) for a in articles], [a.analysis for a in articles], today=TODAY
    )
    return [_predict(a, inference) for a in articles]


def forward(
    articles: Sequence[Article], known: Callable[[Article], bool] = lambda a: a.split == "train"
) -> list[Prediction | None]:
    """Setting (c): the ``known`` articles (PolNeAR's train split) dated, the others dated by
    the corpus, or by their own text where it gives their day (a date line, a wire time
    stamp), as ingest found it (None for the known articles, which are not scored)."""
    from storyline.resolve.dating import DateInference
    from storyline.timex.days import day_of

    documents = [_dated(a) if known(a) else a.document for a in articles]
    dates = DateInference(documents, [a.analysis for a in articles], today=TODAY).run()
    predictions: list[Prediction | None] = []
    for a in articles:
        found = dates.get(a.document.id)
        if known(a):
            predictions.append(None)
        elif (own := _own_day(a)) is not None:
            predictions.append(own)
        elif found is None:
            predictions.append(Prediction(a.gold))
        else:
            span = found.published
            predictions.append(
                Prediction(a.gold, day_of(span.earliest), day_of(span.latest), span.best)
            )
    return predictions


def week_ceiling(articles: Sequence[Article]) -> float:
    """Share of articles whose own words pick their publication day when told the week: each
    article is given a 7-day window holding its day (at a seeded random place), and the day
    its weekday clues allow and its leans prefer is taken (a random one when they say
    nothing). An upper bound on exact-day dating from weekdays, whatever else narrows the
    week."""
    import random

    from storyline.resolve.dating import DateInference

    chooser = random.Random(7)
    dater = DateInference(
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


def _dated(article: Article) -> Document:
    """The article's document with its gold day as metadata: a document of known date."""
    update = {"published": article.gold.isoformat(), "published_basis": "metadata"}
    return article.document.model_copy(update=update)


def _own_day(article: Article) -> Prediction | None:
    """The day the article's text gives itself (a date line or time stamp read by ingest)."""
    from storyline.resolve.dating import known_day

    day = known_day(article.document)
    return None if day is None else Prediction(article.gold, day, day, day.isoformat())


def _predict(article: Article, dater: Any) -> Prediction:
    if (own := _own_day(article)) is not None:
        return own
    verdict = dater.verdict(article.document.id)
    if verdict is None:
        return Prediction(article.gold)
    return Prediction(article.gold, verdict.earliest, verdict.latest, verdict.best)


def errors(articles: Sequence[Article], predictions: Sequence[Prediction], k: int) -> list[str]:
    """The k worst misses: intervals that leave the gold day out first, then far best days."""
    rows = []
    for a, p in zip(articles, predictions, strict=True):
        if not p.covered:
            rows.append((10**6, f"NOT COVERED {a.key}: gold {a.gold} got {p.earliest}..{p.latest}"))
        elif p.error is not None and p.error > 3:
            rows.append((p.error, f"off by {p.error} {a.key}: gold {a.gold} best {p.best}"))
    rows.sort(key=lambda r: -r[0])
    return [line for _, line in rows[:k]]


def report(
    label: str,
    articles: Sequence[Article],
    predictions: Sequence[Prediction | None],
    seconds: float,
    worst: int = 0,
) -> tuple[dict[str, Any], list[Article], list[Prediction]]:
    """Score the scored articles' predictions (None: not scored), print the scores and the
    ``worst`` misses; return the scores and the scored articles with their predictions."""
    from bench.dating.score import score

    scored = [(a, p) for a, p in zip(articles, predictions, strict=True) if p is not None]
    chosen, found = [a for a, _ in scored], [p for _, p in scored]
    metrics = score(found, today=TODAY)
    metrics["seconds"] = round(seconds, 1)
    print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in metrics.items()))
    if worst:
        for line in errors(chosen, found, worst):
            print("   ", line)
    return metrics, chosen, found
