"""Pinned floors for the summary timeline on one Timeline17 task parsed in the test: the
Guardian's swine flu timeline (12 days, 2009-03-18..2009-04-29) over the 98 H1N1 article
files of its days, read under neutral names and dated by their folder day as metadata, as the
news-tls protocol gives them (bench/summary/t17_floor.py). AR1-F, AR2-F and Date-F1 in
percent; the floors in floors/tls.json sit about a point under what was measured, and the
summary is deterministic, so a drop below one is a regression. The full run (19 tasks) is
`python -m bench.summary.t17_tls`."""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import TLS
from bench.summary.t17_floor import Task
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def task(nlp: Any) -> Task:
    # nlp: the session's pipeline, loaded once; the articles are parsed with the same model.
    return load_pinned_corpus(TLS)


@pytest.fixture(scope="module")
def scores(task: Task) -> dict[str, Any]:
    return TLS.measure(task)


def test_task_is_the_guardian_swine_flu_timeline(task: Task) -> None:
    corpus, ref = task
    assert ref.name == "h1n1_swine_flu_guardian" and len(ref.timeline) == 12
    documents, analyses = corpus
    assert len(documents) == len(analyses) > 80
    assert all("2009" not in d.source for d in documents)


@pytest.mark.parametrize("metric", ["ar1_f", "ar2_f", "date_f1"])
def test_metric_stays_above_its_floor(scores: dict[str, Any], metric: str) -> None:
    assert_above_floors(TLS, scores, metric)
