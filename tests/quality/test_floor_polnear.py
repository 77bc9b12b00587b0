"""Pinned floors for publication-date inference on a fixed quick subset of PolNeAR.

The subset is PolNeAR's dev split: 84 US political news articles of 2016-09-08..2016-10-07,
parsed here (about half a minute), read under neutral names so the date in the file names is
never seen. Both settings of bench/dating/polnear.py are scored: (a) each article from its own
text, (b) each with the 83 others as documents of known date. The floors in
floors/polnear.json sit about a point under what was measured; dating is deterministic, so a
drop below one is a regression. The full run (924 articles) is `python -m bench.dating.polnear`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.dating import polnear_corpus
from bench.dating.score import score
from bench.dating.settings import TODAY, leave_one_out, text_only

pytestmark = pytest.mark.slow

FLOORS = Path(__file__).parent / "floors" / "polnear.json"
SPLIT = "dev"


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[polnear_corpus.Article]:
    if not polnear_corpus.available():
        pytest.skip("../shared/eval-data/polnear is not present")
    # nlp: the session's pipeline, loaded once; load() parses with the same cached model.
    return polnear_corpus.load(splits=(SPLIT,), cache=None)


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return loaded


def check(found: dict[str, Any], floor: dict[str, float], setting: str) -> None:
    for metric, minimum in floor.items():
        assert found[metric] >= minimum, f"({setting}) {metric} {found[metric]} < {minimum}"


def test_subset_is_the_dev_split(articles: list[polnear_corpus.Article]) -> None:
    assert len(articles) == 84
    # The system sees neutral names, never PolNeAR's file names with their dates.
    assert all(a.key not in a.document.source and "2016" not in a.document.source for a in articles)


def test_text_only_stays_above_its_floor(
    articles: list[polnear_corpus.Article], floors: dict[str, Any]
) -> None:
    check(score(text_only(articles), today=TODAY), floors["text_only"], "a")


def test_leave_one_out_stays_above_its_floor(
    articles: list[polnear_corpus.Article], floors: dict[str, Any]
) -> None:
    check(score(leave_one_out(articles), today=TODAY), floors["leave_one_out"], "b")
