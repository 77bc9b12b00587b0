"""Pinned floor for entity mentions and within-document coreference on MEANTIME English, a
corpus the entity rules were not written on (bench/extract/meantime_entities.py): named
mentions of persons, organisations and places (strict, overlap and typed F1) and B³ of
storyline's entities over the gold mentions it finds, with how many it finds. About 9,000
words, a few seconds to parse. The floors in floors/meantime_entities.json sit about a point
under what was measured; the floor file pins the 90 files' digest (bench/floors).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.floors.subsets import MEANTIME_ENTITIES
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


@pytest.fixture(scope="module")
def entity_scores(nlp: Any) -> dict[str, Any]:
    # nlp: the session's pipeline, loaded once; the floor scores with the same cached model.
    return MEANTIME_ENTITIES.measure(load_pinned_corpus(MEANTIME_ENTITIES))


@pytest.mark.parametrize("part", ["mentions", "coreference"])
def test_meantime_entities_stay_above_their_floor(entity_scores: dict[str, Any], part: str) -> None:
    assert_above_floors(MEANTIME_ENTITIES, entity_scores, part)
