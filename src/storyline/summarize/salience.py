"""Sentences as TF-IDF vectors, and how close two are.

Terms are the lower-cased content words (function, reporting and time words left out, as in
cross-document dating's context words) with a plural -s folded. IDF is computed over the
sentences at hand, so a word every sentence of the story uses ("oil" in the oil spill)
weighs little and the words that set one day apart weigh much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from storyline.resolve.dating.settings import stopwords

Vector = dict[str, float]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[0-9][0-9,.]*[0-9]")
MIN_LETTERS = 3


@lru_cache(maxsize=1 << 16)
def _term(raw: str) -> str | None:
    word = raw.lower().replace("’", "'").removesuffix("'s")
    if len(word) < MIN_LETTERS or word in stopwords():
        return None
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    return [t for raw in _WORD.findall(text) if (t := _term(raw)) is not None]


def idf(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over ``documents`` (term lists)."""
    counts: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        counts.update(set(doc))
    return {t: math.log((1 + n) / (1 + c)) + 1 for t, c in counts.items()}


def vector(words: Sequence[str], weights: dict[str, float]) -> Vector:
    """The unit TF-IDF vector of a term list."""
    found = {t: c * weights.get(t, 1.0) for t, c in Counter(words).items()}
    norm = math.sqrt(sum(v * v for v in found.values()))
    return {t: v / norm for t, v in found.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two vectors (unit vectors: their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Iterable[tuple[Vector, float]]) -> Vector:
    """The unit vector of the weighted sum of ``vectors``."""
    total: dict[str, float] = {}
    for vec, weight in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + weight * v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {t: v / norm for t, v in total.items()} if norm else {}
