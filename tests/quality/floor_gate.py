"""What the floor tests share: the corpus checked before it is measured, scores against floors
(bench/floors: gate.py says how a floor file pins its corpus)."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest
from bench.floors.gate import corpus_change, read_floors, shortfalls
from bench.floors.subsets import Floor
from tests.shared_data import require_shared

T = TypeVar("T")


def load_pinned_corpus(floor: Floor[T]) -> T:
    """The floor's corpus, read, once it is known to be the one the floors were measured on:
    without ../shared/eval-data the test is skipped (fails in CI); a changed corpus fails it."""
    require_shared(floor.root)
    change = corpus_change(read_floors(floor.path), floor.corpus(), floor.update_command)
    if change:
        pytest.fail(change, pytrace=False)
    return floor.load()


def assert_above_floors(floor: Floor[Any], scores: dict[str, Any], part: str) -> None:
    """The floored metric ``part`` (``value_f1``), or every one of setting ``part``
    (``leave_one_out``), at or above its floor."""
    below = shortfalls(read_floors(floor.path), scores, part)
    assert not below, f"{floor.name}: " + "; ".join(below)
