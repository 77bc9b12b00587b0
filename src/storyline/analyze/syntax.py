"""Small helpers over the spaCy parse shared by the extractors: compact noun phrases, their
text, and which mention a token belongs to."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyline.analyze.quote_marks import QuotedText
from storyline.model import Mention

Token = Any  # spacy.tokens.Token; spaCy ships no type stubs

# Left dependents that belong to a compact noun phrase ("the Israeli military's", "Egyptian
# security officials", "around 1 140"); relative clauses and appositions do not.
_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "npadvmod", "advmod"}
)
_RIGHT_DEPS = frozenset({"compound", "flat", "case"})
ARTICLES = frozenset({"the", "a", "an"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Which mention stands for a phrase that holds several: "Israeli Prime Minister Benjamin
# Netanyahu" is Netanyahu, "Hamas leaders" Hamas, "Egypt's spy chief" Egypt.
ACTOR_RANK = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def compact_phrase(head: Token, *, with_of: bool = True) -> list[Token]:
    """The tokens of the noun phrase headed by ``head`` without clauses or appositions:
    its left modifiers and, once, an "of" complement ("the head of Mossad")."""
    tokens: list[Token] = [head]
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS or (child.dep_ == "punct" and child.tag_ == "HYPH"):
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in _RIGHT_DEPS:
            tokens.extend(child.subtree)
        elif child.dep_ == "appos" and child.left_edge.i == head.i + 1:
            # "Prime Minister Benjamin Netanyahu" parsed as title + apposition: no comma
            # between them, so it is one name ("Tor Wennesland, the UN's ..." is not).
            tokens.extend(compact_phrase(child, with_of=False))
        elif with_of and child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                tokens.append(child)
                tokens.extend(compact_phrase(objects[0], with_of=False))
    return sorted(set(tokens), key=lambda t: t.i)


def tokens_text(tokens: Iterable[Token], replace: Mapping[int, str] | None = None) -> str:
    """The text of tokens in order: original spacing where they touch, one space elsewhere.
    ``replace`` maps token indices to the text to write instead ("he" -> "Netanyahu")."""
    ordered = sorted(tokens, key=lambda t: t.i)
    parts: list[str] = []
    for k, tok in enumerate(ordered):
        parts.append(replace.get(tok.i, tok.text) if replace else tok.text)
        if k + 1 < len(ordered):
            parts.append(tok.whitespace_ if ordered[k + 1].i == tok.i + 1 else " ")
    return " ".join("".join(parts).split())


def display_name(text: str) -> str:
    """A name as it reads on its own: "the health ministry" -> "health ministry"."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ARTICLES else text


def without_articles(tokens: Sequence[Token]) -> list[Token]:
    start = 0
    while start < len(tokens) - 1 and tokens[start].lower_ in ARTICLES:
        start += 1
    return list(tokens[start:])


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (itself excluded)."""
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


class MentionIndex:
    """Which mention each token belongs to, and the PERSON mentions in text order, for
    resolving pronouns. Built once per document: lookups are O(1) or O(log n)."""

    def __init__(self, sdoc: Any, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self._by_token: list[int] = [-1] * len(sdoc)
        # A name inside a role phrase keeps its tokens: in "the Hamas chief" the token "Hamas"
        # is Hamas, "chief" the person the role stands for.
        ordered = sorted(enumerate(self.mentions), key=lambda km: km[1].named)
        for k, mention in ordered:
            span = sdoc.char_span(
                mention.evidence.start, mention.evidence.end, alignment_mode="expand"
            )
            if span is None:
                continue
            for i in range(span.start, span.end):
                self._by_token[i] = k
        persons = [m for m in self.mentions if m.label == "PERSON"]
        persons.sort(key=lambda m: m.evidence.start)
        self._persons = persons
        self._person_starts = [m.evidence.start for m in persons]

    def at(self, token: Token) -> Mention | None:
        k = self._by_token[token.i]
        return self.mentions[k] if k >= 0 else None

    def first_in(self, tokens: Iterable[Token], labels: frozenset[str]) -> Mention | None:
        for tok in sorted(tokens, key=lambda t: t.i):
            mention = self.at(tok)
            if mention is not None and mention.label in labels:
                return mention
        return None

    def best_in(self, tokens: Iterable[Token]) -> Mention | None:
        """The mention that best names a phrase's actor (ACTOR_RANK), outside possessives
        other than the phrase's own ("Netanyahu's office" is not Netanyahu)."""
        found: dict[str, Mention] = {}
        for tok in tokens:
            mention = self.at(tok)
            if mention is not None and mention.label not in found:
                found[mention.label] = mention
        for label in ACTOR_RANK:
            if label in found:
                return found[label]
        return None

    def person_before(self, offset: int, quoted: QuotedText | None = None) -> Mention | None:
        """The nearest PERSON mention starting before ``offset``, ignoring mentions inside
        quotes (a name inside a quote is rarely a pronoun's antecedent)."""
        k = bisect_left(self._person_starts, offset) - 1
        while k >= 0:
            mention = self._persons[k]
            start = mention.evidence.start
            if quoted is None or not quoted.covers(start):
                return mention
            k -= 1
        return None
