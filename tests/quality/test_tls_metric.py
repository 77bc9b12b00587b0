"""The timeline metric (bench/summary/tls_metric.py) on a case worked by hand, before it is
trusted on Timeline17 (bench/summary/sdf_check.py compares it with published scores).

The hand case: the system dates the talks a day early and phrases them otherwise.

    predicted  Jan 1  "Rebels seized the airport."   reference  Jan 1  "Rebels seized the airport."
               Jan 3  "Talks opened in Cairo."                  Jan 4  "Talks began in Cairo."

ROUGE tokens (stopwords "the", "in" out; Porter stems of words over three letters):
rebel seiz airport | talk open cairo against rebel seiz airport | talk began cairo.
Alignment for precision: Jan 1 -> Jan 1 (cost 0); Jan 3 -> Jan 4, cost (1 - 1/2) * (1 - 3/4)
= 1/8, against Jan 1 at (1 - 1/3) * (1 - 0) = 2/3. Recall aligns the other way round alike.
ROUGE-1: precision = (3 + 2 * 1/2) / (3 + 3) = 2/3, recall the same. ROUGE-2: the airport day
shares both its bigrams, the talks day none: 2/4 each way. Dates: one of two each way.
"""

from __future__ import annotations

import datetime as dt

import pytest
from bench.summary.porter import stem
from bench.summary.rouge import rouge_counts, tokens
from bench.summary.tls_metric import PRF, align_rouge, averaged, date_scores, task_scores

JAN = [dt.date(2011, 1, d) for d in range(1, 6)]
PREDICTED = {JAN[0]: ["Rebels seized the airport."], JAN[2]: ["Talks opened in Cairo."]}
REFERENCE = {JAN[0]: ["Rebels seized the airport."], JAN[3]: ["Talks began in Cairo."]}


def test_tokens_as_rouge_155_makes_them() -> None:
    assert tokens("Rebels seized the airport.") == ["rebel", "seiz", "airport"]
    # Every character that is no letter or digit splits, and single letters are stopwords.
    assert tokens("U.N.-backed talks, 2011's") == ["back", "talk", "2011"]
    assert [stem(w) for w in ("generalizations", "relational", "hopping", "sky")] == [
        "gener",
        "relat",
        "hop",
        "sky",
    ]


def test_rouge_counts_clip_repeated_ngrams() -> None:
    counts = rouge_counts(["talks talks talks"], ["talks about talks"], 1)
    assert (counts.hits, counts.peer, counts.model) == (2, 3, 2)


def test_hand_case() -> None:
    scores = task_scores(PREDICTED, REFERENCE)
    assert scores["ar1"].precision == pytest.approx(2 / 3)
    assert scores["ar1"].recall == pytest.approx(2 / 3)
    assert scores["ar2"].precision == pytest.approx(1 / 2)
    assert scores["ar2"].recall == pytest.approx(1 / 2)
    assert (scores["date"].precision, scores["date"].recall) == (0.5, 0.5)


def test_many_to_one_and_distance_weight() -> None:
    # Two predicted days both align to the one reference day; each hit counts 1/(days + 1).
    predicted = {JAN[0]: ["Talks opened in Cairo."], JAN[4]: ["Talks opened in Cairo."]}
    reference = {JAN[2]: ["Talks opened in Cairo."]}
    ar1 = align_rouge(predicted, reference, 1)
    assert ar1.precision == pytest.approx((3 / 3 + 3 / 3) / 6)
    # Recall: the reference day takes the earlier of the two equally good days.
    assert ar1.recall == pytest.approx(1 / 3)


def test_empty_prediction_scores_zero() -> None:
    scores = task_scores({}, REFERENCE)
    assert scores["ar1"].recall == 0.0 and scores["ar1"].f1 == 0.0
    assert date_scores([], REFERENCE).precision == 0.0


def test_averaged_over_tasks_then_f() -> None:
    tasks = [{"m": PRF(0.5, 0.5)}, {"m": PRF(1.0, 0.0)}]
    mean = averaged(tasks)["m"]
    assert (mean.precision, mean.recall) == (0.75, 0.25)
    assert mean.f1 == pytest.approx(0.375)
