"""Synthetic rewrites of Timeline17 articles, for bench/extract/rewrites.py.

Timeline17 has no gold for which article retells which, so rewrites are made: a source
article's sentences are dropped, added (from an article of the same topic on another day),
reordered, its lead reworded and words substituted, at three strengths, and a short excerpt
(the first sentences only). Each rewrite is a storyline Document whose sentences are known by
construction (no parse needed), dated the source's day or the day after. This is synthetic:
real rewriting (paraphrase, as in the seeds' 002) changes far more words than substitution.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.article_cache import Article
from storyline.model import Analysis, Document, Sentence, document_id

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Strength:
    name: str
    drop: float  # share of sentences dropped
    add: int  # sentences added from elsewhere
    swaps: int  # adjacent sentences swapped
    lead: bool  # the first sentence reworded
    substituted: float  # share of sentences with words substituted
    words: int  # words substituted in each such sentence


STRENGTHS = (
    Strength("light", 0.1, 1, 0, False, 0.1, 1),
    Strength("medium", 0.3, 2, 2, True, 0.3, 2),
    Strength("heavy", 0.5, 4, 4, True, 0.5, 3),
    Strength("excerpt", 0.0, 0, 0, False, 0.2, 1),  # the first 5 sentences only
)


@dataclass(frozen=True)
class Rewrite:
    document: Document
    analysis: Analysis
    day: dt.date
    source: Article
    strength: str


def sentence_texts(article: Article) -> list[str]:
    text = article.document.text
    return [
        " ".join(text[s.start : s.end].split())
        for s in article.analysis.sentences
        if text[s.start : s.end].strip()
    ]


def _substitute(sentence: str, count: int, vocabulary: Sequence[str], rng: random.Random) -> str:
    words = sentence.split(" ")
    for _ in range(count):
        if len(words) > 2:
            words[rng.randrange(1, len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def _reword(sentence: str, vocabulary: Sequence[str], rng: random.Random) -> str:
    """A lead rewritten: half its words replaced, its halves swapped."""
    words = _substitute(sentence, len(sentence.split()) // 2, vocabulary, rng).split(" ")
    half = len(words) // 2
    return " ".join(words[half:] + words[:half])


def rewrite(
    source: Article,
    strength: Strength,
    elsewhere: Sequence[str],
    vocabulary: Sequence[str],
    rng: random.Random,
) -> Rewrite:
    sentences = sentence_texts(source)
    if strength.name == "excerpt":
        kept = sentences[:5]
    else:
        kept = [s for i, s in enumerate(sentences) if i == 0 or rng.random() >= strength.drop]
    for _ in range(strength.swaps):
        if len(kept) > 3:
            i = rng.randrange(1, len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    if strength.lead and kept:
        kept[0] = _reword(kept[0], vocabulary, rng)
    kept = [
        _substitute(s, strength.words, vocabulary, rng)
        if rng.random() < strength.substituted
        else s
        for s in kept
    ]
    for added in rng.sample(list(elsewhere), min(strength.add, len(elsewhere))):
        kept.insert(rng.randrange(1, len(kept) + 1), added)
    return _as_document(source, strength.name, kept, rng)


def _as_document(
    source: Article, strength: str, sentences: list[str], rng: random.Random
) -> Rewrite:
    text = "".join(s + "\n" for s in sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(start=at, end=at + len(s)))
        at += len(s) + 1
    doc_id = document_id(text)
    document = Document(id=doc_id, source=f"rewrite-of:{source.key}", text=text)
    analysis = Analysis(doc=doc_id, pipeline_version="bench", sentences=spans)
    day = source.gold + dt.timedelta(days=rng.choice((0, 0, 1)))
    return Rewrite(document, analysis, day, source, strength)


def vocabulary_of(articles: Sequence[Article], size: int, rng: random.Random) -> list[str]:
    words = sorted(
        {w for a in articles[:200] for w in _WORD.findall(a.document.text) if len(w) > 3}
    )
    return rng.sample(words, min(size, len(words)))
