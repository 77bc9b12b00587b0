"""Which days a summary timeline keeps: those the corpus refers to most.

A day gains from each sentence that names it, counted by document (one article repeating a
date adds little past its first mention), whether an article names its own day ("Egypt's
president resigned today") or looks back to it (both weights are in data/summary.toml), and a
little from each article published that day (Ghalandari and Ifrim 2020 find mention counts
the best single signal for the days of a timeline, publication counts a weaker one).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from storyline.summarize.candidates import Candidate
from storyline.summarize.settings import SummarySettings


def day_scores(
    candidates: Iterable[Candidate],
    rules: SummarySettings,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[dt.date, float]:
    """Each day in [since, until] that the candidates name or were published on, scored."""
    mentions: dict[tuple[str, dt.date], list[float]] = defaultdict(list)
    published: dict[dt.date, set[str]] = defaultdict(set)
    for c in candidates:
        if c.published is not None:
            published[c.published].add(c.evidence.doc)
        for day in c.days:
            weight = rules.own_day_mention if day == c.published else rules.mention
            mentions[(c.evidence.doc, day)].append(weight)
    scores: dict[dt.date, float] = defaultdict(float)
    for (_, day), weights in mentions.items():
        first, *rest = sorted(weights, reverse=True)
        scores[day] += first + rules.repeat_in_document * sum(rest)
    for day, docs in published.items():
        scores[day] += rules.publication * len(docs)
    return {
        day: score
        for day, score in scores.items()
        if (since is None or day >= since) and (until is None or day <= until)
    }


def top_days(scores: dict[dt.date, float], count: int) -> list[dt.date]:
    """The ``count`` best days (earlier first among equals), in date order."""
    ranked = sorted(scores, key=lambda day: (-scores[day], day))
    return sorted(ranked[:count])
