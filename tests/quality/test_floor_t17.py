"""Pinned floors for publication-date inference on a dense quick subset of Timeline17.

The subset is the haiti topic: 286 BBC articles on the 2010 earthquake, published over 20 days,
parsed here (about half a minute) and read under neutral names, the folder dates never seen.
The three settings of bench/t17_dates.py are scored: (a) text only, (b) each article with the
others dated, (c) every second article dated. The floors in floors/t17.json sit about a point
under what was measured; dating is deterministic, so a drop below one is a regression. The
full run (4,625 articles, nine topics) is `python -m bench.dating.t17`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.dating.score import score
from bench.dating.settings import TODAY
from bench.dating.t17 import SETTINGS

pytestmark = pytest.mark.slow

FLOORS = Path(__file__).parent / "floors" / "t17.json"
TOPIC = "haiti"


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[Article]:
    if not t17_corpus.available():
        pytest.skip("../shared/eval-data/timeline17 is not present")
    # nlp: the session's pipeline, loaded once; the articles are parsed with the same model.
    return t17_corpus.articles([TOPIC], cache=None)


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return loaded


def test_subset_is_one_topic_under_neutral_names(articles: list[Article]) -> None:
    assert len(articles) == 286
    assert all(a.split == TOPIC for a in articles)
    assert all("2010" not in a.document.source and a.key not in a.document.source for a in articles)


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_setting_stays_above_its_floor(
    setting: str, articles: list[Article], floors: dict[str, Any]
) -> None:
    name, run = SETTINGS[setting]
    found = score([p for p in run(articles) if p is not None], today=TODAY)
    for metric, minimum in floors[name].items():
        assert found[metric] >= minimum, f"({setting}) {metric} {found[metric]} < {minimum}"
