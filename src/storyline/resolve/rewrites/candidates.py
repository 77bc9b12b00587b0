"""Candidate pairs of rewrites: documents whose word shingles overlap, found by MinHash LSH
(containment, so that a short retelling of a long article is found as well as a full copy),
never by comparing all pairs; then kept only when published within a few days of each other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from collections.abc import Mapping, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSHEnsemble

from storyline.model import Document
from storyline.resolve.rewrites.settings import RewriteSettings

_WORD = re.compile(r"\w+")
# Fixed, so two runs hash alike.
_SEED = 7
_STEP = 1.05


def shingles(text: str, size: int) -> set[bytes]:
    """The document's runs of ``size`` words, lower-cased."""
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def _size(count: int) -> int:
    """A set's size rounded up to a step of a geometric scale (5 %): the ensemble's
    partitioning costs the square of the number of distinct sizes, and a containment
    threshold of 0.2 does not need the exact one."""
    return int(_STEP ** math.ceil(math.log(max(count, 1), _STEP)) + 0.5)


def _containment(a: MinHash, b: MinHash, size_a: int, size_b: int) -> float:
    """The share of the smaller set inside the other, estimated from the two signatures'
    Jaccard: the ensemble proposes pairs generously, and this check is cheap beside an
    alignment."""
    jaccard = float(np.mean(a.hashvalues == b.hashvalues))
    return jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b))


def _days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def candidate_pairs(
    documents: Sequence[Document],
    days: Mapping[str, dt.date | None],
    settings: RewriteSettings,
) -> list[tuple[str, str]]:
    """Pairs of document ids (in id order) that may be rewrites of each other."""
    sets = {d.id: shingles(d.text, settings.shingle_words) for d in documents}
    ids = [i for i in sorted(sets) if sets[i]]
    if len(ids) < 2:
        return []
    hashes = MinHash.bulk(
        [sorted(sets[i]) for i in ids], num_perm=settings.num_perm, seed=_SEED, hashfunc=zlib.crc32
    )
    by_id = dict(zip(ids, hashes, strict=True))
    lsh = MinHashLSHEnsemble(
        threshold=settings.containment, num_perm=settings.num_perm, num_part=settings.num_part
    )
    lsh.index((i, h, _size(len(sets[i]))) for i, h in zip(ids, hashes, strict=True))
    pairs: set[tuple[str, str]] = set()
    for i, h in zip(ids, hashes, strict=True):
        for other in lsh.query(h, _size(len(sets[i]))):
            if other == i:
                continue
            apart = _days_apart(days.get(i), days.get(other))
            if apart is not None and apart > settings.max_days_apart:
                continue
            sizes = (len(sets[i]), len(sets[other]))
            if _containment(h, by_id[other], *sizes) < settings.verify:
                continue
            pair = (i, other) if i < other else (other, i)
            pairs.add(pair)
    return sorted(pairs)
