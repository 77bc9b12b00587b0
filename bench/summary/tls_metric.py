"""The news-tls evaluation of a timeline against its reference (Ghalandari & Ifrim 2020, after
Martschat & Markert 2017, 2018), reimplemented from their descriptions and tilse's
documentation:

- AR-n (n = 1, 2): ROUGE-n with "align+ m:1" date alignment (tilse's
  ``align_date_content_costs_many_to_one``). For precision each predicted day is aligned to
  the reference day of least cost, for recall each reference day to the predicted day of least
  cost (many to one: several days may choose the same). The cost of a pair is date distance
  times content distance, ``(1 - 1/(|d - d'| + 1)) * (1 - F)``, F an approximate ROUGE-1 F1 of
  the two days' whitespace tokens as written (so the same day always costs 0, and of two days
  equally far the closer in content wins; ties go to the earlier day). An aligned pair's ROUGE
  hits count ``1/(|d - d'| + 1)`` each; the n-grams of every day count in full in the
  denominators. Hits and denominators are summed over days before dividing.
- Date-F1: precision and recall of the predicted days among the reference's (exact day).
- Over tasks: precision and recall are averaged, and F computed from the averages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from bench.extract.coref_score import PRF
from bench.summary.rouge import rouge_counts

# PRF is the coreference scorer's precision/recall pair, shared rather than written twice.
__all__ = [
    "PRF",
    "Timeline",
    "align_rouge",
    "approx_rouge1_f",
    "averaged",
    "date_scores",
    "rounded",
    "task_scores",
]

Timeline = Mapping[dt.date, Sequence[str]]


def rounded(score: PRF) -> dict[str, float]:
    """P, R and F as fractions to four places, as news-tls reports them."""
    return {"p": round(score.precision, 4), "r": round(score.recall, 4), "f": round(score.f1, 4)}


def approx_rouge1_f(predicted: Sequence[str], reference: Sequence[str]) -> float:
    """The content similarity that chooses the alignment: unigram F1 of whitespace tokens as
    they are written (no case folding, stemming or stopword removal)."""
    pred = Counter(t for s in predicted for t in s.split())
    ref = Counter(t for s in reference for t in s.split())
    match = sum(min(c, ref[t]) for t, c in pred.items())
    p = match / sum(pred.values()) if pred else 0.0
    r = match / sum(ref.values()) if ref else 0.0
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _weight(a: dt.date, b: dt.date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _nearest(
    day: dt.date, others: Sequence[dt.date], cost_to: Callable[[dt.date, dt.date], float]
) -> dt.date:
    """The day of ``others`` (in date order) of least cost; the first of equal ones."""
    costs = [cost_to(day, o) for o in others]
    return others[costs.index(min(costs))]


def align_rouge(predicted: Timeline, reference: Timeline, n: int) -> PRF:
    """AR-n of one predicted timeline against one reference timeline."""
    pred_days, ref_days = sorted(predicted), sorted(reference)

    def cost(pred_day: dt.date, ref_day: dt.date) -> float:
        content = approx_rouge1_f(predicted[pred_day], reference[ref_day])
        return (1 - _weight(pred_day, ref_day)) * (1 - content)

    hits, peer = 0.0, 0
    for day in pred_days:
        if not ref_days:
            peer += rouge_counts(predicted[day], [], n).peer
            continue
        match = _nearest(day, ref_days, cost)
        counts = rouge_counts(predicted[day], reference[match], n)
        hits += _weight(day, match) * counts.hits
        peer += counts.peer
    recalled, model = 0.0, 0
    for day in ref_days:
        if not pred_days:
            model += rouge_counts([], reference[day], n).model
            continue
        match = _nearest(day, pred_days, lambda r, p: cost(p, r))
        counts = rouge_counts(predicted[match], reference[day], n)
        recalled += _weight(day, match) * counts.hits
        model += counts.model
    return PRF(hits / peer if peer else 0.0, recalled / model if model else 0.0)


def date_scores(predicted: Iterable[dt.date], reference: Iterable[dt.date]) -> PRF:
    pred, ref = set(predicted), set(reference)
    shared = len(pred & ref)
    return PRF(shared / len(pred) if pred else 0.0, shared / len(ref) if ref else 0.0)


def task_scores(predicted: Timeline, reference: Timeline) -> dict[str, PRF]:
    """AR1, AR2 and Date scores of one task."""
    return {
        "ar1": align_rouge(predicted, reference, 1),
        "ar2": align_rouge(predicted, reference, 2),
        "date": date_scores(predicted, reference),
    }


def averaged(tasks: Sequence[Mapping[str, PRF]]) -> dict[str, PRF]:
    """Each metric's precision and recall averaged over tasks (F then follows from them)."""
    if not tasks:
        return {}
    return {
        metric: PRF(
            sum(t[metric].precision for t in tasks) / len(tasks),
            sum(t[metric].recall for t in tasks) / len(tasks),
        )
        for metric in tasks[0]
    }
