"""Offsets of a cleaned text mapped back to the text it was cleaned from, in linear time.

Ingest drops lines (a header, page residue) and normalizes spaces; everything else is the
original's characters in order. A walk along both texts that re-synchronizes on the next few
characters after a difference does in milliseconds what difflib (bench/timex/tempeval_cli.py)
does in seconds per article.
"""

from __future__ import annotations

# Characters of the cleaned text searched for in the original after a difference: long enough
# not to be found at a wrong place in a news article, short enough to fit between two edits.
_PROBE = 24


def offset_map(cleaned: str, original: str) -> list[int | None]:
    """For each offset of ``cleaned`` (and its end), the offset in ``original`` holding the same
    character, or None where the cleaned text has a character the original lacks there."""
    mapping: list[int | None] = [None] * (len(cleaned) + 1)
    i = j = 0
    while i < len(cleaned):
        if j < len(original) and cleaned[i] == original[j]:
            mapping[i] = j
            i += 1
            j += 1
            continue
        found = original.find(cleaned[i : i + _PROBE], j)
        if found < 0:
            i += 1  # a character the cleaning wrote (a space for a line break, ...)
        else:
            j = found
    mapping[len(cleaned)] = j
    return mapping
