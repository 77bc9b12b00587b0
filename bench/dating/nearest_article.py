"""The anchor beside cross-document dating: the day of the most similar dated article.

With every other article's day known (setting b), the simplest guess is the publication day
of the article closest in content: cosine similarity of TF-IDF vectors (lower-cased words and
word pairs, sublinear counts, terms held by at least two articles and at most a fifth of
them). Benchmark code only: storyline's own neighbours (resolve/dating/neighbours.py) are one
lean among its evidence, not this guess.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from bench.article_cache import Article
from bench.dating.score import Prediction, score
from bench.dating.settings import TODAY

_WORD = re.compile(r"[a-z][a-z'\-]+|\d+")
_FUNCTION_WORDS = (
    "the a an of to in and or for on at by with from as is was were be been that this it its he "
    "she they his her their said says will would has have had not but who which about after "
    "before over more than"
)
_STOP = frozenset(_FUNCTION_WORDS.split())
MAX_SHARE = 0.2


def _terms(text: str) -> Counter[str]:
    words = _WORD.findall(text.lower())
    terms = [w for w in words if w not in _STOP]
    pairs = itertools.pairwise(words)
    terms += [f"{a} {b}" for a, b in pairs if a not in _STOP or b not in _STOP]
    return Counter(terms)


def nearest_day(articles: Sequence[Article]) -> list[Prediction]:
    """Each article dated by the day of the most similar other article."""
    counts = [_terms(a.document.text) for a in articles]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    vocabulary = {t: i for i, t in enumerate(t for t, k in df.items() if 2 <= k <= MAX_SHARE * n)}
    rows, cols, values = [], [], []
    for r, c in enumerate(counts):
        for term, k in c.items():
            col = vocabulary.get(term)
            if col is not None:
                rows.append(r)
                cols.append(col)
                values.append((1 + math.log(k)) * math.log(n / df[term]))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags(1.0 / norms) @ matrix
    similar = (unit @ unit.T).toarray()
    np.fill_diagonal(similar, -1.0)
    predictions = []
    for a, row in zip(articles, similar, strict=True):
        day = articles[int(np.argmax(row))].gold
        predictions.append(Prediction(a.gold, day, day, day.isoformat()))
    return predictions


def anchor_scores(predictions: Sequence[Prediction | None]) -> dict[str, float | int | None]:
    """The anchor's exact, within 1 and within 3 days (None: not scored), printed."""
    found = score([p for p in predictions if p is not None], today=TODAY)
    kept = {k: found[k] for k in ("exact", "within_1", "within_3", "mean_abs_error_days")}
    print(
        "    anchor, the day of the most similar article: "
        + ", ".join(f"{k} {v}" for k, v in kept.items())
    )
    return kept
