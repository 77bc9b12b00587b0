"""Pinned floor for the time tagger on a fixed quick subset of TempEval-3 TBAQ-cleaned.

25 documents (every 10th file in name order, from the 4th), scored with the TempEval-3 scorer
(bench/timex/scoring.py). The floors in floors/tempeval.json sit about a point under what the
tagger scores, and the scorer is deterministic: a drop below one is a regression, not noise.
The floor file pins the 25 files' digest: a changed corpus fails before anything is scored
(bench/floors). The full run with HeidelTime side by side is `make bench`
(bench/timex/tempeval.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import TEMPEVAL
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


@pytest.fixture(scope="module")
def subset_scores(nlp: Any) -> dict[str, float]:
    # nlp: the session's pipeline, loaded once; the floor scores with the same cached model.
    documents = load_pinned_corpus(TEMPEVAL)
    assert len(documents) == 25
    return TEMPEVAL.measure(documents)


@pytest.mark.parametrize("metric", ["strict_f1", "relaxed_f1", "type_f1", "value_f1"])
def test_tempeval_subset_stays_above_its_floor(
    subset_scores: dict[str, float], metric: str
) -> None:
    assert_above_floors(TEMPEVAL, subset_scores, metric)
