"""Pinned floor for the time tagger on a fixed quick subset of TempEval-3 TBAQ-cleaned.

25 documents (every 10th file in name order, from the 4th), scored with the TempEval-3 scorer
(bench/timex/scoring.py). The floors in floors/tempeval.json sit about a point under what the
tagger scores, and the scorer is deterministic: a drop below one is a regression, not noise.
The full run with HeidelTime side by side is `make bench` (bench/timex/tempeval.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bench.timex.tempeval import DATA, load_documents
from tests.quality.timex_floors import assert_above_floor, tagger_scores

FLOORS = Path(__file__).parent / "floors" / "tempeval.json"
SUBSET = slice(3, None, 10)
SUBSET_SIZE = 25


@pytest.fixture(scope="module")
def subset_scores(nlp: Any) -> dict[str, float]:
    if not DATA.is_dir():
        pytest.skip("../shared/eval-data/tempeval3 is not present")
    documents = load_documents(DATA)[SUBSET][:SUBSET_SIZE]
    return tagger_scores(nlp, documents)


@pytest.mark.parametrize("metric", ["strict_f1", "relaxed_f1", "type_f1", "value_f1"])
def test_tempeval_subset_stays_above_its_floor(
    subset_scores: dict[str, float], metric: str
) -> None:
    assert_above_floor(subset_scores, FLOORS, metric)
