"""Pinned floor for entities across documents on MEANTIME English (bench/extract/
meantime_crossdoc.py): each corpus (airbus, apple, gm: 30 articles each) resolved as one story,
scored by B3 and the CoNLL F1 (mean of MUC, B3 and CEAF-e) of storyline's entities against the
gold cross-document instances, with the share of gold mentions found. The floors in
floors/meantime_crossdoc.json sit about a point under what was measured.
"""

from __future__ import annotations

from typing import Any

from bench.floors.subsets import MEANTIME_CROSSDOC
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus


def test_entities_across_documents_stay_above_their_floor(nlp: Any) -> None:
    # nlp: the session's pipeline, loaded once; the benchmark loads the same cached model.
    scores = MEANTIME_CROSSDOC.measure(load_pinned_corpus(MEANTIME_CROSSDOC))
    assert_above_floors(MEANTIME_CROSSDOC, scores, "crossdoc")
