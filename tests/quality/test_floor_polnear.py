"""Pinned floors for publication-date inference on a fixed quick subset of PolNeAR.

The subset is PolNeAR's dev split: 84 US political news articles of 2016-09-08..2016-10-07,
parsed here (about half a minute), read under neutral names so the date in the file names is
never seen. Both settings of bench/dating/polnear.py are scored: (a) each article from its own
text, (b) each with the 83 others as documents of known date. The floors in
floors/polnear.json sit about a point under what was measured; dating is deterministic, so a
drop below one is a regression. The floor file pins the digest of metadata.tsv and the 84
texts: a changed corpus fails before anything is parsed (bench/floors). The full run (924
articles) is `python -m bench.dating.polnear`.
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.article_cache import Article
from bench.floors.subsets import POLNEAR
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[Article]:
    # nlp: the session's pipeline, loaded once; load() parses with the same cached model.
    return load_pinned_corpus(POLNEAR)


@pytest.fixture(scope="module")
def scores(articles: list[Article]) -> dict[str, Any]:
    return POLNEAR.measure(articles)


def test_subset_is_the_dev_split(articles: list[Article]) -> None:
    assert len(articles) == 84
    # The system sees neutral names, never PolNeAR's file names with their dates.
    assert all(a.key not in a.document.source and "2016" not in a.document.source for a in articles)


@pytest.mark.parametrize("setting", ["text_only", "leave_one_out"])
def test_setting_stays_above_its_floor(scores: dict[str, Any], setting: str) -> None:
    assert_above_floors(POLNEAR, scores, setting)
