"""ROUGE-N counts as ROUGE-1.5.5 makes them with ``-m -s`` (Porter stemming, stopwords
removed), the options tilse runs it with for timeline evaluation.

ROUGE-1.5.5 lower-cases a summary, turns every character that is not a letter or digit into
a space, drops the SMART common words (data/rouge_stopwords.txt), stems the tokens longer
than three characters, and counts n-grams over the summary's tokens in order, across its
sentences. A summary pair gives three counts: hits (n-grams shared, clipped to the smaller
count), the peer's n-grams and the model's (reference's) n-grams; precision is hits / peer,
recall hits / model, and the timeline metrics add these counts over days before dividing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.summary.porter import stem

STOPWORDS_FILE = Path(__file__).parent / "data" / "rouge_stopwords.txt"
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@cache
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    words = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    if not words:
        raise ValueError(f"{STOPWORDS_FILE}: no words")
    return words


@cache
def _stemmed(token: str) -> str:
    return stem(token) if len(token) > 3 else token


def tokens(text: str) -> list[str]:
    """The tokens ROUGE-1.5.5 compares: lower case, letters and digits only, no common words,
    stemmed."""
    common = stopwords()
    return [_stemmed(t) for t in _NOT_ALNUM.sub(" ", text.lower()).split() if t not in common]


def ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-grams of a summary, its sentences read as one text."""
    words = [t for s in sentences for t in tokens(s)]
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Counts:
    hits: int
    peer: int  # n-grams in the summary scored (precision's denominator)
    model: int  # n-grams in the reference (recall's denominator)


def rouge_counts(peer: Sequence[str], model: Sequence[str], n: int) -> Counts:
    """ROUGE-n counts of the summary ``peer`` against the reference ``model``."""
    p, m = ngrams(peer, n), ngrams(model, n)
    hits = sum(min(count, m[g]) for g, count in p.items() if g in m)
    return Counts(hits, sum(p.values()), sum(m.values()))
