"""Pinned floors for direct quotes and their speakers on PolNeAR's dev split.

84 US political news articles (725 direct quotes by bench/extract/polnear_quotes.py's
definition), read under neutral names and parsed here (well under a minute), scored as
bench/extract/quotes.py scores them: overlap and exact F1 of the quote spans, speaker accuracy
of the quotes found, quote and speaker together. The rules were tuned on the train split; dev
is held out. The floor file pins the digest of metadata.tsv, the 84 texts and their one
annotation file each: a changed corpus fails before anything is parsed (bench/floors).
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.extract.quotes import Run
from bench.floors.subsets import QUOTES
from tests.quality.floor_gate import assert_above_floors, load_pinned_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(nlp: Any) -> list[Run]:
    # nlp: the session's pipeline, loaded once; run_storyline parses with the same cached model.
    return load_pinned_corpus(QUOTES)


@pytest.fixture(scope="module")
def scores(runs: list[Run]) -> dict[str, Any]:
    return QUOTES.measure(runs)


def test_subset_is_the_dev_split(runs: list[Run]) -> None:
    assert len(runs) == 84
    assert sum(len(r.article.quotes) for r in runs) == 725


@pytest.mark.parametrize("metric", ["overlap", "exact", "speaker_accuracy", "quote_and_speaker"])
def test_quotes_stay_above_their_floor(scores: dict[str, Any], metric: str) -> None:
    assert_above_floors(QUOTES, scores, metric)
