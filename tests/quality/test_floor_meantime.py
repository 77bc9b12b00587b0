"""Pinned floor for the time tagger on MEANTIME English, the corpus its rules were not written
on (bench/timex/meantime.py; HeidelTime scores 82.15 value F1 there). All 90 documents: about 9,000
words, a few seconds to parse. The floors in floors/meantime.json sit about a point under what
the tagger scores; the scorer is deterministic, so a drop below one is a regression. The floor
file pins the 90 files' digest: a changed corpus fails before anything is scored (bench/floors).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import MEANTIME
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


@pytest.fixture(scope="module")
def meantime_scores(nlp: Any) -> dict[str, float]:
    # nlp: the session's pipeline, loaded once; the floor scores with the same cached model.
    return MEANTIME.measure(load_pinned_corpus(MEANTIME))


@pytest.mark.parametrize("metric", ["strict_f1", "relaxed_f1", "type_f1", "value_f1"])
def test_meantime_stays_above_its_floor(meantime_scores: dict[str, float], metric: str) -> None:
    assert_above_floors(MEANTIME, meantime_scores, metric)
