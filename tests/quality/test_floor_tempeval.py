"""Pinned floor for the time tagger on a fixed quick subset of TempEval-3 TBAQ-cleaned.

25 documents (every 10th file in name order, from the 4th), scored with the TempEval-3 scorer
(bench/tempeval_score.py). The floors in floors/tempeval.json sit about a point under what the
tagger scores, and the scorer is deterministic: a drop below one is a regression, not noise.
The full run with HeidelTime side by side is `make bench` (bench/tempeval.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.tempeval import DATA, load_documents
from bench.tempeval_score import Timex, metrics, score

FLOORS = Path(__file__).parent / "floors" / "tempeval.json"
SUBSET = slice(3, None, 10)
SUBSET_SIZE = 25


@pytest.fixture(scope="module")
def subset_scores(nlp: Any) -> dict[str, float]:
    if not DATA.is_dir():
        pytest.skip("../shared/eval-data/tempeval3 is not present")
    from storyline.analyze.times import extract_times
    from storyline.model import Document, document_id

    documents = load_documents(DATA)[SUBSET][:SUBSET_SIZE]
    pairs = []
    for gold, sdoc in zip(documents, nlp.pipe([d.text for d in documents]), strict=True):
        document = Document(
            id=document_id(gold.text), source=gold.name, text=gold.text, published=gold.dct
        )
        found = [
            Timex(t.evidence.start, t.evidence.end, t.type, t.value, t.evidence.text)
            for t in extract_times(sdoc, document)
        ]
        pairs.append((list(gold.timexes), found))
    return metrics(score(pairs))


@pytest.mark.parametrize("metric", ["strict_f1", "relaxed_f1", "type_f1", "value_f1"])
def test_tempeval_subset_stays_above_its_floor(
    subset_scores: dict[str, float], metric: str
) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert subset_scores[metric] >= floors[metric], (
        f"{metric} {subset_scores[metric]} fell below its floor {floors[metric]}"
    )
