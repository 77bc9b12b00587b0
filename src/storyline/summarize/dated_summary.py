"""The summary timeline: the story's key days, each with a few sentences quoted from the
articles, every one cited. Extractive and date-wise, in the spirit of DATEWISE (Ghalandari and
Ifrim, ACL 2020): choose the days first (date_choice.py), then summarize each from the
sentences that refer to it.

A day's candidates are the sentences that name it and the lead sentences, with no date of
their own, of the articles published that day. Each is scored by how close it is to what the
day's candidates say together (the centroid of their TF-IDF vectors, salience.py), a little
more when it reports an event or names one of the story's main actors; the best are taken in
turn, leaving out any that repeats a sentence already taken for this day or another. Days
are filled in the order of their score, so a key day gets its sentences first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Analysis, DatedSummary, Document
from storyline.summarize.candidates import Candidate, document_candidates
from storyline.summarize.date_choice import day_scores
from storyline.summarize.salience import Vector, centroid, cosine, idf, terms, vector
from storyline.summarize.settings import SummarySettings, settings

# How many of the actors most documents mention count as the story's main actors.
MAIN_ACTORS = 10
# Without a budget: about one day a week of the corpus's span, within these bounds.
DEFAULT_DAYS = (5, 40)


@dataclass(frozen=True)
class _Scored:
    candidate: Candidate
    vector: Vector


def summary_timeline(
    documents: Sequence[Document],
    analyses: Sequence[Analysis],
    *,
    max_dates: int | None = None,
    sentences: int = 1,
    since: dt.date | None = None,
    until: dt.date | None = None,
    rules: SummarySettings | None = None,
) -> list[DatedSummary]:
    """Up to ``max_dates`` days in [since, until] with up to ``sentences`` sentences each,
    in date order."""
    rules = rules or settings()
    by_id = {d.id: d for d in documents}
    pool = [
        c for a in analyses if a.doc in by_id for c in document_candidates(by_id[a.doc], a, rules)
    ]
    scores = day_scores(pool, rules, since=since, until=until)
    if not scores:
        return []
    budget = max_dates if max_dates is not None else default_days(scores)
    words = {id(c): terms(c.text) for c in pool}
    weights = idf(words.values())
    scored = [_Scored(c, vector(words[id(c)], weights)) for c in pool]
    main = _main_actors(pool)
    by_day = _by_day(scored, rules)
    chosen: list[DatedSummary] = []
    taken: list[Vector] = []
    for day in spread_out(scores, budget, rules.spread, since, until):
        if len(chosen) >= budget:
            break
        picked = _pick(by_day.get(day, []), main, taken, sentences, rules)
        if picked:
            chosen.append(
                DatedSummary(
                    date=day.isoformat(),
                    sentences=[s.candidate.text for s in picked],
                    citations=[s.candidate.evidence for s in picked],
                )
            )
    return sorted(chosen, key=lambda s: s.date)


def spread_out(
    scores: dict[dt.date, float],
    budget: int,
    spread: float,
    since: dt.date | None,
    until: dt.date | None,
) -> list[dt.date]:
    """The days in the order they are offered: by score, a day closer than the minimum gap
    to a better one put off until after every day that is not."""
    first, last = since or min(scores), until or max(scores)
    gap = int(spread * ((last - first).days + 1) / max(budget, 1))
    ranked = sorted(scores, key=lambda d: (-scores[d], d))
    if gap < 1:
        return ranked
    kept: list[dt.date] = []
    later: list[dt.date] = []
    for day in ranked:
        near = any(abs((day - other).days) < gap for other in kept[:budget])
        (later if near else kept).append(day)
    return kept + later


def default_days(scores: dict[dt.date, float]) -> int:
    """About one day per week of the span the scored days cover."""
    low, high = DEFAULT_DAYS
    weeks = ((max(scores) - min(scores)).days + 1) // 7
    return min(len(scores), max(low, min(high, weeks)))


def _main_actors(pool: Sequence[Candidate]) -> frozenset[str]:
    documents: dict[str, set[str]] = {}
    for c in pool:
        for actor in c.actors:
            documents.setdefault(actor, set()).add(c.evidence.doc)
    counts = Counter({actor: len(docs) for actor, docs in documents.items()})
    return frozenset(actor for actor, _ in counts.most_common(MAIN_ACTORS))


def _pick(
    candidates: Sequence[tuple[_Scored, float]],
    main: frozenset[str],
    taken: list[Vector],
    count: int,
    rules: SummarySettings,
) -> list[_Scored]:
    """The day's best ``count`` sentences (of its candidates, each with how much it stands
    for the day) that repeat none already taken (``taken`` grows)."""
    if not candidates:
        return []
    middle = centroid((s.vector, w) for s, w in candidates)

    def score(item: tuple[_Scored, float]) -> float:
        s, w = item
        bonus = rules.event_bonus * s.candidate.has_event
        bonus += rules.actor_bonus * bool(s.candidate.actors & main)
        return cosine(s.vector, middle) * w * (1 + bonus)

    ranked = sorted(candidates, key=lambda item: (-score(item), item[0].candidate.evidence.doc))
    picked: list[_Scored] = []
    for s, _ in ranked:
        if len(picked) >= count:
            break
        if not s.vector or any(cosine(s.vector, t) > rules.duplicate for t in taken):
            continue
        picked.append(s)
        taken.append(s.vector)
    return picked


def _by_day(
    scored: Sequence[_Scored], rules: SummarySettings
) -> dict[dt.date, list[tuple[_Scored, float]]]:
    """Each day's candidates with how much each stands for it: fully when it names the day,
    at the lead weight when it is an early sentence, with no date of its own, of an article
    of that day."""
    found: dict[dt.date, list[tuple[_Scored, float]]] = {}
    for s in scored:
        c = s.candidate
        for day in c.days:
            found.setdefault(day, []).append((s, 1.0))
        if not c.days and c.published is not None and c.position < rules.lead_sentences:
            found.setdefault(c.published, []).append((s, rules.lead_weight))
    return found
