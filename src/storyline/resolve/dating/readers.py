"""Which documents being dated read the facts of which others, so that a round of dating
re-judges only the documents whose facts changed.

A document's verdict looks facts up through the context of its marks (links.py for relative
expressions, ages.py for ages), and takes only those whose overlap reaches a threshold that
depends on the two marks alone, never on the days. So it can change only when a document it
reads that way lends other facts (its inferred day moved), or when a new document brings
facts of its own. Everything else in a verdict (its own text, the anchors, its neighbours, the
corpus period) stays as it was within one inference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from storyline.resolve.dating.ages import AGE_MIN
from storyline.resolve.dating.context import Mark
from storyline.resolve.dating.facts import FactIndex, link_score
from storyline.resolve.dating.links import link_share


class Readers:
    """The marks of the documents being dated, by the rare keys they look facts up with."""

    def __init__(
        self, marks: Mapping[str, list[Mark]], index: FactIndex, documents: Iterable[str]
    ) -> None:
        self._marks = marks
        self._index = index
        self._readers: list[Mark] = []
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for doc in documents:
            for mark in marks[doc]:
                if not (mark.rel.depends_on_anchor or mark.age_of is not None):
                    continue  # nothing another document says can date it
                for key in mark.keys:
                    if not index.common(key):
                        self._by_key[key].append(len(self._readers))
                self._readers.append(mark)
        self._memo: dict[tuple[str, bool], frozenset[str]] = {}

    def of(self, lenders: Iterable[str], *, new: bool = False) -> set[str]:
        """The documents whose verdicts can change when the facts that ``lenders`` lend
        change (their relative expressions, dated by their inferred days), or, for ``new``
        documents, when all their facts appear."""
        found: set[str] = set()
        for doc in lenders:
            key = (doc, new)
            if key not in self._memo:
                self._memo[key] = self._readers_of(doc, new)
            found |= self._memo[key]
        return found

    def _readers_of(self, doc: str, new: bool) -> frozenset[str]:
        found: set[str] = set()
        for fact in self._marks.get(doc, ()):
            if not (new or fact.rel.depends_on_anchor):
                continue  # a dated expression is the same fact whatever its document's day
            for i, shared in self._sharing(fact).items():
                reader = self._readers[i]
                if reader.doc != doc and self._reads(reader, fact, shared):
                    found.add(reader.doc)
        return frozenset(found)

    def _sharing(self, fact: Mark) -> dict[int, float]:
        """The reader marks (by number) sharing rare keys with a fact's mark, with their
        overlap."""
        overlap: dict[int, float] = {}
        for key in fact.keys:
            readers = self._by_key.get(key)
            if not readers:
                continue
            weight = self._index.key_weight(key)
            for reader in readers:
                overlap[reader] = overlap.get(reader, 0.0) + weight
        return overlap

    def _reads(self, reader: Mark, fact: Mark, shared: float) -> bool:
        """Whether the reader's overlap with the fact reaches what a link (or an age) needs:
        the same test links.py and ages.py make before anything about days."""
        scale = self._index.scale
        if reader.age_of is not None and fact.starts and shared >= AGE_MIN * scale:
            return True
        if not reader.rel.depends_on_anchor:
            return False
        return link_share(reader, fact, link_score(shared, reader, fact), scale) is not None
