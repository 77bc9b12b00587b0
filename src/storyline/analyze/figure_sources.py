"""Whose a figure is, and the words that say so: "according to an AFP tally based on Israeli
figures", "Gaza's Hamas-run health ministry says", "as reported by Israel".

The source is found by storyline.analyze.reporting.attribution; here it gets the span of its
attribution (the source's phrase and the word that makes it one: "according to", "per", the
reporting verb), and a fuller name where the one found says little: a bare noun takes the
words that tell which one it is ("a source close to Hamas"), and a count's document takes its
author ("figures from the health ministry" are the ministry's). "per day" is a rate, not a
source: a bare noun after "per" is passed over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.reporting import Source, attribution, name_source
from storyline.analyze.syntax import MentionIndex, Token, tokens_text, without_articles

_PHRASE_CUES = frozenset({"according", "per", "by"})
_BREAKS = frozenset({",", "(", ")", "—", "–", ";", ":", '"', "“", "”"})
_AUTHOR_PREPS = frozenset({"from", "of", "by"})
_NAMING_DEPS = frozenset({"amod", "acl", "prep"})
_MAX_TRIES = 3


@dataclass(frozen=True)
class FigureSource:
    """Who gives a figure, and the tokens (first, last) of the words that attribute it."""

    name: str
    first: Token
    last: Token


def _is_rate(source: Source) -> bool:
    """ "$2 a day, or 1.30 per day": "per" before a bare noun is a rate."""
    token = source.token
    return (
        token.head.lower_ == "per"
        and source.mention is None
        and token.pos_ != "PROPN"
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    )


def _is_count(token: Token) -> bool:
    """ "54% of those asked said ..., and 57% said ...": a number is not a source."""
    return bool(token.like_num or token.lemma_.lower() in words("percent_words.txt"))


def _phrase_end(token: Token) -> Token:
    """The last word of the phrase headed by ``token``, short of a comma or dash after it."""
    last = token
    for tok in token.doc[token.i + 1 : token.right_edge.i + 1]:
        if tok.text in _BREAKS:
            break
        last = tok
    return last


def _cue(token: Token) -> Token:
    """The word that makes ``token`` a source: "according", "per", "by", or the verb."""
    cur = token
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            break
        if head.lower_ in _PHRASE_CUES or head.pos_ in ("VERB", "AUX"):
            if head.lower_ == "by" and head.dep_ == "agent":
                return head.head  # "as reported by Israel": the verb says it
            return head
        if head.lower_ == "to" and head.head.lower_ == "according":
            return head.head
        cur = head
    return token.head


def _author(token: Token, index: MentionIndex, quoted: QuotedText) -> Source | None:
    """Who made a count's document: "figures from the health ministry"."""
    if token.lemma_.lower() not in words("source_nouns.txt"):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return name_source(obj, index, quoted)
    return None


def _fuller_name(source: Source, index: MentionIndex, quoted: QuotedText) -> str:
    token = source.token
    if source.mention is not None or len(source.name.split()) > 1 or token.pos_ != "NOUN":
        return source.name
    author = _author(token, index, quoted)
    if author is not None:
        return author.name
    naming = [c for c in token.rights if c.dep_ in _NAMING_DEPS]
    if not naming:
        return source.name
    last = _phrase_end(token)
    phrase = [t for t in token.doc[token.i : last.i + 1]]
    return tokens_text(without_articles(phrase))


def figure_source(
    anchor: Token, sentence: Sequence[Token], index: MentionIndex, quoted: QuotedText
) -> FigureSource | None:
    """The source of the figure at ``anchor`` and the words that attribute it."""
    tokens = list(sentence)
    for _ in range(_MAX_TRIES):
        source = attribution(anchor, tokens, index, quoted)
        if source is None:
            return None
        if _is_count(source.token):
            return None
        if not _is_rate(source):
            break
        rate = source.token.head
        tokens = [t for t in tokens if t.i != rate.i]
    else:
        return None
    token = source.token
    cue = _cue(token)
    last = _phrase_end(token)
    first = min(token.left_edge, cue, key=lambda t: t.i)
    end = max(last, cue, key=lambda t: t.i)
    if cue.i < token.i and cue.lower_ == "according":
        first = cue
    return FigureSource(_fuller_name(source, index, quoted), first, end)
