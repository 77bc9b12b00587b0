"""What the time tagger's floor tests share: tag gold documents, score them, compare."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.timex.scoring import TimeMLDocument, Timex, metrics, score


def tagger_scores(nlp: Any, documents: Sequence[TimeMLDocument]) -> dict[str, float]:
    """TempEval-3 metrics of extract_times on the documents, each anchored on its DCT."""
    from storyline.analyze.times import extract_times
    from storyline.model import Document, document_id

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


def assert_above_floor(scores: dict[str, float], floors_file: Path, metric: str) -> None:
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    assert scores[metric] >= floors[metric], (
        f"{metric} {scores[metric]} fell below its floor {floors[metric]}"
    )
