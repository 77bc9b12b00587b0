"""Pinned floor for event dates on MEANTIME English, a corpus the event-date rules were not
written on (bench/extract/meantime_events.py --every-verb): every gold event the parser makes a
verb and a TLINK dates, dated by analyze/event_dates.py and resolve/event_dates.py as if it were
a trigger, so that the floor holds the dating rules whatever the trigger lexicon finds. About
9,000 words, a few seconds to parse. The floors in floors/meantime_events.json sit about a
point under what was measured; the floor file pins the 90 files' digest (bench/floors).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import MEANTIME_EVENTS
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


@pytest.fixture(scope="module")
def event_date_scores(nlp: Any) -> dict[str, Any]:
    # nlp: the session's pipeline, loaded once; the floor scores with the same cached model.
    return MEANTIME_EVENTS.measure(load_pinned_corpus(MEANTIME_EVENTS))


def test_meantime_event_dates_stay_above_their_floor(event_date_scores: dict[str, Any]) -> None:
    assert_above_floors(MEANTIME_EVENTS, event_date_scores, "every_verb")
