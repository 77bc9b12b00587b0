"""Pinned floor for the time tagger on MEANTIME English, the corpus its rules were not written
on (bench/timex/meantime.py; HeidelTime scores 82.15 value F1 there). All 90 documents: about 9,000
words, a few seconds to parse. The floors in floors/meantime.json sit about a point under what
the tagger scores; the scorer is deterministic, so a drop below one is a regression.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bench.timex.meantime import DATA
from bench.timex.meantime_reader import load_meantime
from tests.quality.timex_floors import assert_above_floor, tagger_scores

FLOORS = Path(__file__).parent / "floors" / "meantime.json"


@pytest.fixture(scope="module")
def meantime_scores(nlp: Any) -> dict[str, float]:
    if not DATA.is_dir():
        pytest.skip("../shared/eval-data/meantime-en is not present")
    documents = load_meantime(DATA)
    return tagger_scores(nlp, documents)


@pytest.mark.parametrize("metric", ["strict_f1", "relaxed_f1", "type_f1", "value_f1"])
def test_meantime_stays_above_its_floor(meantime_scores: dict[str, float], metric: str) -> None:
    assert_above_floor(meantime_scores, FLOORS, metric)
