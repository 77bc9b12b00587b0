"""Pinned floor for events across documents on MEANTIME English, a corpus the merging rules
were not written on (bench/extract/meantime_crossdoc_events.py --every-verb): each corpus of
30 articles one story, every gold verb an event, B³ of the merged events against the gold
cross-document event instances, with the share of gold mentions found. About 40 s (parsing
90 articles). The floors in floors/meantime_crossdoc_events.json sit about a point under what
was measured; the floor file pins the 90 files' digest (bench/floors).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import MEANTIME_CROSSDOC_EVENTS
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


@pytest.fixture(scope="module")
def crossdoc_scores(nlp: Any) -> dict[str, Any]:
    # nlp: the session's pipeline, loaded once; the floor scores with the same cached model.
    return MEANTIME_CROSSDOC_EVENTS.measure(load_pinned_corpus(MEANTIME_CROSSDOC_EVENTS))


def test_meantime_crossdoc_events_stay_above_their_floor(crossdoc_scores: dict[str, Any]) -> None:
    assert_above_floors(MEANTIME_CROSSDOC_EVENTS, crossdoc_scores, "every_verb")
