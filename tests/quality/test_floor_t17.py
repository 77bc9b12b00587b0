"""Pinned floors for publication-date inference on a dense quick subset of Timeline17.

The subset is the haiti topic: 286 BBC articles on the 2010 earthquake, published over 20 days,
parsed here (about half a minute) and read under neutral names, the folder dates never seen.
The three settings of bench/dating/t17.py are scored: (a) text only, (b) each article with the
others dated, (c) every second article dated. The floors in floors/t17.json sit about a point
under what was measured; dating is deterministic, so a drop below one is a regression. The
floor file pins the digest of the topic's 296 files (10 of them empty, left out by ingest): a
changed corpus fails before anything is parsed (bench/floors). The full run (4,625 articles,
nine topics) is `python -m bench.dating.t17`.
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.article_cache import Article
from bench.dating.t17 import SETTINGS
from bench.floors.subsets import T17, T17_TOPIC
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[Article]:
    # nlp: the session's pipeline, loaded once; the articles are parsed with the same model.
    return load_pinned_corpus(T17)


@pytest.fixture(scope="module")
def scores(articles: list[Article]) -> dict[str, Any]:
    return T17.measure(articles)


def test_subset_is_one_topic_under_neutral_names(articles: list[Article]) -> None:
    assert len(articles) == 286
    assert all(a.split == T17_TOPIC for a in articles)
    assert all("2010" not in a.document.source and a.key not in a.document.source for a in articles)


@pytest.mark.parametrize("setting", sorted(name for name, _ in SETTINGS.values()))
def test_setting_stays_above_its_floor(scores: dict[str, Any], setting: str) -> None:
    assert_above_floors(T17, scores, setting)
