"""Time expressions: normalizing them to TIMEX3 values and finding them in text.

Pure Python (no spaCy): the grammar is data/rules.toml over the lexicons in data/, applied by
handlers.py. analyze/times.py runs it on a parsed document.
"""

from __future__ import annotations

from storyline.timex.anchor import anchor_date
from storyline.timex.candidates import find_candidates
from storyline.timex.normalize import normalize
from storyline.timex.value import TIMEX3_VALUE, Tense, Timex, TimexType

__all__ = [
    "TIMEX3_VALUE",
    "Tense",
    "Timex",
    "TimexType",
    "anchor_date",
    "find_candidates",
    "normalize",
]
