"""The thresholds of rewrite detection, read once from resolve/data/rewrites.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from storyline import datafiles


@dataclass(frozen=True)
class RewriteSettings:
    shingle_words: int
    num_perm: int
    num_part: int
    containment: float
    verify: float
    max_days_apart: int
    min_words: int
    min_dice: float
    min_inside: float
    min_shared: int
    min_similarity: float


@cache
def rewrite_settings() -> RewriteSettings:
    table = datafiles.table("storyline.resolve", "rewrites.toml")
    merged = {**table["candidates"], **table["sentences"], **table["derived"]}
    return RewriteSettings(**merged)
