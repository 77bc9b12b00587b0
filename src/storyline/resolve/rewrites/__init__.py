"""Rewrites: documents that retell another document's copy.

Candidates come from MinHash LSH over word shingles (candidates.py) within a few days of each
other; a sentence alignment (align.py) decides: enough sentences shared, and they are enough
of the shorter document. The retelling is marked as derived from the original (direction.py),
with the sentences it adds and the ones it drops as evidence spans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from storyline.model import Analysis, Derivation, Document, SourceCredit, evidence
from storyline.resolve.rewrites.align import Index, Sentence, align, pair_index, sentences
from storyline.resolve.rewrites.candidates import candidate_pairs
from storyline.resolve.rewrites.direction import orient, side
from storyline.resolve.rewrites.settings import RewriteSettings, rewrite_settings

__all__ = ["find_derivations"]


def find_derivations(
    documents: Sequence[Document],
    analyses: Iterable[Analysis],
    days: Mapping[str, dt.date | None],
    credits: Iterable[SourceCredit] = (),
    settings: RewriteSettings | None = None,
) -> list[Derivation]:
    """Every pair of documents one of which retells the other, in (doc, derived_from) order.
    ``days``: each document's publication day where known."""
    settings = settings or rewrite_settings()
    by_id = {d.id: d for d in documents}
    split = {a.doc: sentences(by_id[a.doc], a, settings) for a in analyses if a.doc in by_id}
    credits_of: dict[str, list[SourceCredit]] = {}
    for credit in credits:
        credits_of.setdefault(credit.doc, []).append(credit)
    found = []
    comparable = [by_id[i] for i in split]
    indexes: dict[str, Index] = {}
    for a, b in candidate_pairs(comparable, days, settings):
        if b not in indexes:
            indexes[b] = pair_index(split[b])
        derivation = _derivation(by_id[a], by_id[b], split, indexes[b], days, credits_of, settings)
        if derivation is not None:
            found.append(derivation)
    return sorted(found, key=lambda d: (d.doc, d.derived_from))


def _derivation(
    a: Document,
    b: Document,
    split: Mapping[str, list[Sentence]],
    index: Index,
    days: Mapping[str, dt.date | None],
    credits_of: Mapping[str, list[SourceCredit]],
    settings: RewriteSettings,
) -> Derivation | None:
    first, second = split[a.id], split[b.id]
    if not first or not second:
        return None
    matched = align(first, second, settings, index).matched
    shared = len(matched)
    similarity = shared / min(len(first), len(second))
    if shared < settings.min_shared or similarity < settings.min_similarity:
        return None
    side_a = side(a, days.get(a.id), credits_of.get(a.id, ()), shared / len(first))
    side_b = side(b, days.get(b.id), credits_of.get(b.id, ()), shared / len(second))
    retelling, original, why = orient(side_a, side_b)
    mine, theirs = (first, second) if retelling is side_a else (second, first)
    kept_mine = set(matched) if retelling is side_a else set(matched.values())
    kept_theirs = set(matched.values()) if retelling is side_a else set(matched)
    return Derivation(
        doc=retelling.doc.id,
        derived_from=original.doc.id,
        similarity=round(similarity, 3),
        shared=shared,
        basis=why,
        added=[
            evidence(retelling.doc, s.start, s.end)
            for i, s in enumerate(mine)
            if i not in kept_mine
        ],
        dropped=[
            evidence(original.doc, s.start, s.end)
            for i, s in enumerate(theirs)
            if i not in kept_theirs
        ],
    )
