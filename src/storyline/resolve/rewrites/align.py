"""Sentence alignment of two documents: which sentences of one are (nearly) the other's.

A sentence is compared by its words, lower-cased: exact when the words are equal, near when
their word pairs overlap enough (a few words changed, a clause cut). Each sentence matches at
most one of the other document's, best pairs first, so a repeated phrase is not counted twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from storyline.model import Analysis, Document
from storyline.resolve.rewrites.settings import RewriteSettings

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[str, ...]
    pairs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Alignment:
    matched: dict[int, int]  # index in the first document's sentences -> in the second's
    exact: int  # how many of the matches are word for word


def sentences(doc: Document, analysis: Analysis, settings: RewriteSettings) -> list[Sentence]:
    """The document's sentences long enough to compare, trimmed of blank characters."""
    found = []
    for s in analysis.sentences:
        text = doc.text[s.start : s.end]
        words = tuple(w.lower() for w in _WORD.findall(text))
        if len(words) < settings.min_words:
            continue
        start = s.start + (len(text) - len(text.lstrip()))
        end = s.end - (len(text) - len(text.rstrip()))
        found.append(Sentence(start, end, words, frozenset(pairwise(words))))
    return found


def _score(a: Sentence, b: Sentence, shared: int, settings: RewriteSettings) -> float:
    """How alike two sentences that share ``shared`` word pairs are (0 when they do not
    match): 2 for the same words, else the Dice overlap of their word pairs, or the share of
    the shorter inside the longer."""
    if a.words == b.words:
        return 2.0
    dice = 2 * shared / (len(a.pairs) + len(b.pairs))
    if dice >= settings.min_dice:
        return dice
    inside = shared / min(len(a.pairs), len(b.pairs))
    if inside >= settings.min_inside:
        return inside * 0.5  # weaker than a Dice match of the same overlap
    return 0.0


Index = dict[tuple[str, str], list[int]]


def pair_index(sentences: list[Sentence]) -> Index:
    """Word pair -> the sentences holding it: built once per document."""
    index: Index = {}
    for j, s in enumerate(sentences):
        for pair in s.pairs:
            index.setdefault(pair, []).append(j)
    return index


def align(
    first: list[Sentence],
    second: list[Sentence],
    settings: RewriteSettings,
    index: Index | None = None,
) -> Alignment:
    """Match sentences one to one, best pairs first; only pairs sharing a word pair are
    scored (``index``: the second's pair_index)."""
    index = pair_index(second) if index is None else index
    scored: list[tuple[float, int, int]] = []
    for i, s in enumerate(first):
        shared: Counter[int] = Counter()
        for pair in s.pairs:
            shared.update(index.get(pair, ()))
        for j, count in shared.items():
            score = _score(s, second[j], count, settings)
            if score > 0:
                scored.append((score, i, j))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    exact = 0
    for score, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in matched or j in taken:
            continue
        matched[i] = j
        taken.add(j)
        exact += score == 2.0
    return Alignment(matched, exact)
