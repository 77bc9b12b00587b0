"""Which documents being dated read the facts of which others, so that a round of dating
re-judges only the documents whose facts changed.

A document's verdict looks facts up through the rare context keys of its marks (links.py for
relative expressions, ages.py for ages): it can change only when a document whose marks share
such a key lends other facts (its inferred day moved), or when a new document brings facts of
its own. Everything else in a verdict (its own text, the anchors, its neighbours, the corpus
period) stays as it was within one inference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from storyline.resolve.dating.context import Mark
from storyline.resolve.dating.facts import FactIndex


class Readers:
    """The documents being dated, by the rare keys they look facts up with."""

    def __init__(
        self, marks: Mapping[str, list[Mark]], index: FactIndex, documents: Iterable[str]
    ) -> None:
        self._marks = marks
        self._by_key: dict[str, set[str]] = defaultdict(set)
        for doc in documents:
            for mark in marks[doc]:
                if not (mark.rel.depends_on_anchor or mark.age_of is not None):
                    continue  # nothing another document says can date it
                for key in mark.keys:
                    if not index.common(key):
                        self._by_key[key].add(doc)

    def of(self, lenders: Iterable[str]) -> set[str]:
        """The documents whose verdicts can change when the facts of ``lenders`` change. A
        document is not its own reader: it links only other documents' facts, and an age
        only its own fixed dates, which no lending changes."""
        found: set[str] = set()
        for doc in lenders:
            keys = {key for mark in self._marks.get(doc, ()) for key in mark.keys}
            for key in keys:
                found.update(reader for reader in self._by_key.get(key, ()) if reader != doc)
        return found
