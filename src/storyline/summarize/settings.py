"""The summary timeline's settings and rules, read from data/ (summary.toml,
sentence_rejects.txt, dateline_patterns.txt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline import datafiles

_PACKAGE = "storyline.summarize"


@dataclass(frozen=True)
class SummarySettings:
    min_words: int
    max_words: int
    lead_sentences: int
    mention: float
    own_day_mention: float
    publication: float
    repeat_in_document: float
    spread: float
    lead_weight: float
    event_bonus: float
    actor_bonus: float
    duplicate: float


@cache
def settings() -> SummarySettings:
    table = datafiles.table(_PACKAGE, "summary.toml")
    return SummarySettings(**table["sentences"], **table["dates"], **table["salience"])


@cache
def rejects() -> re.Pattern[str]:
    """Every pattern of sentence_rejects.txt as one (one search a sentence, not one each)."""
    found = datafiles.patterns(_PACKAGE, "sentence_rejects.txt", re.IGNORECASE)
    return re.compile("|".join(f"(?:{p.pattern})" for p in found), re.IGNORECASE)


@cache
def datelines() -> tuple[re.Pattern[str], ...]:
    return datafiles.patterns(_PACKAGE, "dateline_patterns.txt")
