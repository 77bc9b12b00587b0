"""Neighbours: documents with the same content lean towards each other's days, with a weight
measured on the corpus's own dated documents."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from storyline.resolve.dating.facts import FactIndex
from storyline.resolve.dating.neighbours import STRENGTHS, calibrate_strength, neighbour_lean

START = dt.date(2024, 3, 1)


def corpus(days: int, per_day: int, *, topical: bool, seed: int = 3) -> FactIndex:
    """Documents on consecutive days. Topical: each day's documents share that day's words
    (several outlets on the same event). Otherwise words are drawn regardless of the day."""
    chooser = random.Random(seed)
    index = FactIndex()
    for day in range(days):
        for k in range(per_day):
            doc = f"d{day:03d}-{k}"
            if topical:
                keys = {f"event{day}-{w}" for w in range(6)} | {f"w{chooser.randrange(400)}"}
            else:
                keys = {f"w{chooser.randrange(60)}" for _ in range(7)}
            index.observe(doc, keys)
            index.set_day(doc, START + dt.timedelta(days=day))
    return index


def test_a_topical_corpus_trusts_its_neighbours_more() -> None:
    assert calibrate_strength(corpus(40, 3, topical=True)) == max(STRENGTHS)


def test_a_corpus_whose_neighbours_say_nothing_keeps_the_least_weight() -> None:
    assert calibrate_strength(corpus(40, 3, topical=False)) == min(STRENGTHS)


def test_too_few_dated_documents_keep_the_default_weight() -> None:
    assert calibrate_strength(corpus(5, 2, topical=True)) == 1.0


def test_the_weight_scales_the_lean() -> None:
    index = corpus(10, 3, topical=True)
    plain = neighbour_lean("d004-0", index)
    heavy = neighbour_lean("d004-0", index, 3.0)
    assert plain is not None and heavy is not None
    day = START + dt.timedelta(days=4)
    far = day + dt.timedelta(days=9)
    # Equal up to rounding: 3a - 3b and 3(a - b) may differ in the last bit.
    expected = 3.0 * (plain.score(day) - plain.score(far))
    assert heavy.score(day) - heavy.score(far) == pytest.approx(expected, rel=1e-12)
