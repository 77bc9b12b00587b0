"""Pinned floors for event coding on the PLOVER gold records (dev half, 161 sentences).

Each sentence goes through `storyline analyze`, the public command, as one JSON Lines
document with a neutral id (the record ids carry the label); bench/extract/plover_score.py
scores the type of the event the coder marked and its actors. The floor file pins the digest
of the records file. The full run, with the error list, is `python -m bench.extract.plover`.
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.extract.plover_corpus import GoldRecord
from bench.floors.subsets import PLOVER
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def records() -> list[GoldRecord]:
    return load_pinned_corpus(PLOVER)


def test_every_record_is_read_with_its_event_words(records: list[GoldRecord]) -> None:
    assert len(records) == 161
    assert all(r.marked("EVT") and r.text[r.marked("EVT")[0].start :] for r in records)
    for record in records:
        for span in record.spans:
            assert record.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "metric", ["type_accuracy", "type_macro_f1", "source_overlap", "target_overlap"]
)
def test_metric_stays_above_its_floor(records: list[GoldRecord], metric: str) -> None:
    assert_above_floors(PLOVER, _scores(records), metric)


_MEASURED: dict[int, dict[str, Any]] = {}


def _scores(records: list[GoldRecord]) -> dict[str, Any]:
    # One run of the command for all four metrics.
    if id(records) not in _MEASURED:
        _MEASURED[id(records)] = PLOVER.measure(records)
    return _MEASURED[id(records)]
