"""Facts for cross-document dating: time expressions whose days are known, indexed by context.

A *fact* is a time expression whose days are known: any dated expression ("October 7, 2023"),
and the relative ones ("on Wednesday") of documents whose publication day is known or
inferred. Facts are found through an inverted index on context keys (words, entity ids, event
types), skipping keys so common that they identify nothing, so the cost grows with the number
of shared rare keys, not with the square of the corpus. Scores are IDF-weighted overlaps,
expressed in units of one key unique to two documents, so thresholds mean the same in a corpus
of five documents or of ten thousand.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.resolve.dating.context import Mark
from storyline.timex.days import Span

# Every shared key counts at least this much, however common: in a corpus of five articles
# about one war, "war" is in all of them, yet two sentences sharing it and a date agree.
KEY_FLOOR = 0.3
# The same event found by the analysis in both (type and an actor) counts this much more.
EVENT_BONUS = 2.0
# Corpora of at least this many documents need the full overlaps; smaller ones less, down to
# this fraction: in a handful of articles about one story nearly every word is shared.
LARGE_CORPUS = 200
SMALL_CORPUS_SCALE = 0.5
# Keys held by more than this share of the documents (and more than COMMON_FLOOR of them)
# are not looked up; nor, however large the corpus, keys held by more than COMMON_CAP
# documents: a word in hundreds of articles identifies no event, and with a cut that grew with
# the corpus every expression's candidates grew with it too (at 2,000 Timeline17 articles, 595
# facts scored per expression, about N^2 in all).
COMMON = 0.2
COMMON_FLOOR = 50
COMMON_CAP = 200
# Where the memo of rarities keeps the frequency above which keys are too common, and the
# corpus's scale (no key has these forms: keys are words, "e:" ids and "type:" labels).
_CUT_KEY = " common"
_SCALE_KEY = " scale"


@dataclass(frozen=True)
class Fact:
    mark: Mark
    span: Span  # the days it names (all of them, when its document's day is uncertain)
    likely: Span  # the days it names on its document's best day
    published: dt.date | None  # its document's publication day, when one is known


@dataclass
class FactIndex:
    """Facts of a corpus, indexed by context key, and every document's keys."""

    facts: list[Fact | None] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_doc: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    doc_freq: Counter[str] = field(default_factory=Counter)
    doc_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    doc_day: dict[str, dt.date] = field(default_factory=dict)
    doc_postings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Rarity and document norms depend only on the observed keys: memoized, and cleared when
    # a document is observed.
    _idf: dict[str, float] = field(default_factory=dict)
    _norms: dict[str, float] = field(default_factory=dict)

    # -- building ----------------------------------------------------------------------------

    def observe(self, doc: str, keys: Iterable[str]) -> None:
        """Count a document's context keys (every document, dated or not, so that rarity is
        measured on the whole corpus)."""
        unique = frozenset(keys)
        if doc in self.doc_keys:
            return
        self.doc_keys[doc] = unique
        self.doc_freq.update(unique)
        self._idf.clear()
        self._norms.clear()

    def add_facts(self, marks: Iterable[Mark], day: dt.date | None, hull: Span | None) -> None:
        """The facts of one document: its dated expressions, and, when its publication day is
        known (``day``) or bounded (``hull``, best ``day``), its relative ones."""
        for mark in marks:
            fact = _fact(mark, day, hull)
            if fact is None:
                continue
            i = len(self.facts)
            self.facts.append(fact)
            self.by_doc[mark.doc].append(i)
            for key in mark.keys:
                self.postings[key].append(i)

    def set_day(self, doc: str, day: dt.date) -> None:
        """A document whose publication day is known: a neighbour others can lean on."""
        if doc not in self.doc_day:
            for key in self.doc_keys.get(doc, frozenset()):
                self.doc_postings[key].append(doc)
        self.doc_day[doc] = day

    def drop_doc(self, doc: str) -> None:
        for i in self.by_doc.pop(doc, []):
            self.facts[i] = None
        self.doc_day.pop(doc, None)

    # -- weighing ----------------------------------------------------------------------------

    @property
    def documents(self) -> int:
        return max(1, len(self.doc_keys))

    def idf(self, key: str) -> float:
        """Rarity of a key: 1.0 for a key held by two documents of the corpus, near 0 for one
        held by all of them."""
        found = self._idf.get(key)
        if found is None:
            n = self.documents + 1
            df = max(1, self.doc_freq.get(key, 1))
            found = math.log(n / df) / math.log(n / 2) if n > 2 else 1.0
            self._idf[key] = found
        return found

    def norm(self, doc: str) -> float:
        """Length of a document's vector of rare keys (IDF weights), for cosine similarity."""
        found = self._norms.get(doc)
        if found is None:
            keys = self.doc_keys.get(doc, frozenset())
            found = math.sqrt(sum(self.idf(k) ** 2 for k in keys if not self.common(k))) or 1.0
            self._norms[doc] = found
        return found

    @property
    def scale(self) -> float:
        """How much context overlap a link needs here, relative to a large corpus. In a
        handful of articles about one story nearly every word is shared, so rarity says
        little; and few candidates compete."""
        found = self._idf.get(_SCALE_KEY)
        if found is None:
            n = self.documents
            ratio = math.log(n + 1) / math.log(LARGE_CORPUS + 1)
            found = self._idf[_SCALE_KEY] = min(1.0, max(SMALL_CORPUS_SCALE, ratio))
        return found

    def common(self, key: str) -> bool:
        return self.doc_freq.get(key, 0) > self._common_cut

    @property
    def _common_cut(self) -> float:
        cut = self._idf.get(_CUT_KEY)
        if cut is None:
            share = max(COMMON_FLOOR, COMMON * self.documents)
            cut = self._idf[_CUT_KEY] = min(COMMON_CAP, share)
        return cut

    def key_weight(self, key: str) -> float:
        """What one shared key adds to an overlap."""
        return max(self.idf(key), KEY_FLOOR)

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(self.key_weight(k) for k in a & b if not self.common(k))

    def candidates(self, mark: Mark, *, own: bool = False) -> list[Fact]:
        """Facts of other documents (and of its own with ``own``) that share a rare key with
        the mark."""
        return [fact for fact, _ in self.scored(mark, own=own)]

    def scored(self, mark: Mark, *, own: bool = False) -> list[tuple[Fact, float]]:
        """The candidates with their scores (context overlap, plus the bonus for the same
        event), in the order candidates() gives them. The overlaps are summed key by key over
        the postings, one pass, rather than one set intersection per candidate."""
        overlap: dict[int, float] = {}
        for key in mark.keys:
            if self.common(key):
                continue
            weight = self.key_weight(key)
            for i in self.postings.get(key, ()):
                overlap[i] = overlap.get(i, 0.0) + weight
        found = []
        for i, shared in overlap.items():
            fact = self.facts[i]
            if fact is None or (fact.mark.doc == mark.doc and not own):
                continue
            found.append((fact, link_score(shared, mark, fact.mark)))
        return found


def link_score(shared: float, mark: Mark, other: Mark) -> float:
    """How strongly two marks are linked: their context overlap ``shared``, plus a bonus when
    the analysis found the same event in both (type and an actor)."""
    return shared + (EVENT_BONUS if _same_event(mark.event, other.event) else 0.0)


def _same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    types = {k for k in a & b if k.startswith("type:")}
    actors = {k for k in a & b if not k.startswith("type:")}
    return bool(types and actors)


def _fact(mark: Mark, day: dt.date | None, hull: Span | None) -> Fact | None:
    rel = mark.rel
    published = day if hull is None else None
    if rel.kind == "fixed" and rel.fixed is not None:
        return Fact(mark, rel.fixed, rel.fixed, published)
    if not rel.depends_on_anchor or day is None:
        return None
    likely = rel.at(day)
    if likely is None:
        return None
    if hull is None:
        return Fact(mark, likely, likely, day)
    first, last = rel.at(hull[0]), rel.at(hull[1])
    if first is None or last is None:
        return None
    return Fact(mark, (first[0], last[1]), likely, None)
