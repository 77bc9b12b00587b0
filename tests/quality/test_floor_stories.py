"""Pinned floors for story clustering on WikiRef220 (../shared/eval-data/wikiref220): 220
undated English articles cited by Wikipedia, five topics and eleven small "noise" ones, parsed
here (about a minute) under neutral names. The stories storyline makes of them (group_stories,
as `storyline build` does) are scored against the topics with B³ and AMI. Its thresholds were
set on Timeline17 (bench/extract/t17_stories.py), never on this set. The floor file pins the
digest of the 220 articles and labels.tsv; a changed corpus fails before anything is parsed.
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.article_cache import Article
from bench.floors.subsets import STORIES
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[Article]:
    # nlp: the session's pipeline, loaded once; the articles are parsed with the same model.
    return load_pinned_corpus(STORIES)


@pytest.fixture(scope="module")
def scores(articles: list[Article]) -> dict[str, Any]:
    return STORIES.measure(articles)


def test_subset_is_wikiref220_under_neutral_names(articles: list[Article]) -> None:
    assert len(articles) == 220
    assert all(a.key not in a.document.source for a in articles)


@pytest.mark.parametrize("metric", ["b_cubed_precision", "b_cubed_recall", "b_cubed_f1", "ami"])
def test_stories_stay_above_their_floors(scores: dict[str, Any], metric: str) -> None:
    assert_above_floors(STORIES, scores, metric)
