"""What a document is about, as weighted terms for story clustering: the content words of its
text and the entities its mentions resolve to.

Words are lower-cased, stop words left out and plurals folded ("protesters" and "protester"
count as one word), a cheap stand-in for lemmas that needs no parse. An entity counts as a term
of its own (its id), weighted above a word: two articles naming the same people and places are
likelier to tell one story than two sharing vocabulary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from storyline import datafiles
from storyline.model import Analysis, Document

# An entity mention weighs this many word occurrences.
ENTITY_WEIGHT = 6.0
# Words shorter than this are mostly abbreviations and function words.
MIN_WORD = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


def _stopwords() -> frozenset[str]:
    return datafiles.words("storyline.resolve", "story_stopwords.txt")


def fold(word: str) -> str:
    """One form per word: lower case, no possessive, plurals folded to the singular."""
    word = word.lower().removesuffix("'s").removesuffix("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_counts(text: str) -> Counter[str]:
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        raw = match.group().lower()
        if len(raw) < MIN_WORD or raw in stop:
            continue
        word = fold(raw)
        if word not in stop:
            counts[word] += 1
    return counts


def document_terms(
    document: Document, analysis: Analysis | None, remap: Mapping[str, str]
) -> dict[str, float]:
    """The document's terms with their counts (an entity's weighted), before any IDF."""
    terms: dict[str, float] = dict(word_counts(document.text))
    if analysis is not None:
        entities = Counter(remap.get(m.entity, m.entity) for m in analysis.mentions if m.named)
        for eid, n in entities.items():
            terms[eid] = terms.get(eid, 0.0) + ENTITY_WEIGHT * n
    return terms
