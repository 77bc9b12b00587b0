"""Misspelt weekday and month names: "Thrusday" is Thursday, "Febuary" February.

News copy and scraped pages misspell them now and then, and a date lost to a typo is an event
without a date. The rules (which names, how far a spelling may stray) are in
data/spelling.toml; `respell` is conservative, so ordinary words and surnames ("Munday",
"Holiday", "Augusta") stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from storyline import datafiles
from storyline.timex.grammar import WORD_START
from storyline.timex.lexicon import PACKAGE


@dataclass(frozen=True)
class _NameGroup:
    names: tuple[str, ...]
    ending: str
    min_length: int
    max_distance: dict[int, int]  # name length -> edits allowed


@cache
def _groups() -> tuple[_NameGroup, ...]:
    data = datafiles.table(PACKAGE, "spelling.toml")
    return tuple(
        _NameGroup(
            names=tuple(spec["names"]),
            ending=str(spec["ending"]),
            min_length=int(spec["min_length"]),
            max_distance={int(k): int(v) for k, v in spec["max_distance"].items()},
        )
        for spec in data.values()
    )


@cache
def _candidates() -> re.Pattern[str]:
    """Lower-cased words that could misspell a name: one of the names' first two letters, the
    group's ending, a plausible length. Most words are not looked at any closer."""
    parts = []
    for group in _groups():
        starts = "|".join(sorted({name[:2] for name in group.names}))
        longest = max(len(name) for name in group.names) + max(group.max_distance.values())
        middle = f"[a-z]{{{max(0, group.min_length - 2 - len(group.ending))},{longest}}}"
        parts.append(f"(?:{starts}){middle}{re.escape(group.ending)}")
    return re.compile(rf"{WORD_START}(?:{'|'.join(parts)})(?![\w'])")


@lru_cache(maxsize=4096)
def respell(word: str) -> str | None:
    """The weekday or month name a lower-cased word misspells, or None (also for the name
    itself, and for a word close to two names)."""
    found: set[str] = set()
    for group in _groups():
        if len(word) < group.min_length or not word.endswith(group.ending):
            continue
        for name in group.names:
            if word == name:
                return None
            allowed = group.max_distance.get(len(name), 0)
            if (
                word[:2] == name[:2]
                and abs(len(word) - len(name)) <= allowed
                and OSA.distance(word, name, score_cutoff=allowed) <= allowed
            ):
                found.add(name)
    return found.pop() if len(found) == 1 else None


def respell_text(folded: str) -> tuple[str, Callable[[int], int]] | None:
    """The folded text with misspelt names respelt, and a function taking an offset in it to
    the offset in the original (exact at word edges); None when nothing needed respelling."""
    pieces: list[str] = []
    # (end in the respelt text, end in the original, change in length) of each respelt word
    edits: list[tuple[int, int, int]] = []
    last = 0
    shift = 0
    for match in _candidates().finditer(folded):
        name = respell(match.group())
        if name is None:
            continue
        pieces.append(folded[last : match.start()])
        pieces.append(name)
        last = match.end()
        shift += len(name) - len(match.group())
        edits.append((match.end() + shift, match.end(), shift))
    if not edits:
        return None
    pieces.append(folded[last:])

    def original(offset: int) -> int:
        shift_before = 0
        for new_end, old_end, total in edits:
            if offset < new_end:
                # Inside or before this word: a word's start maps to its start.
                return min(offset - shift_before, old_end)
            shift_before = total
        return offset - shift_before

    return "".join(pieces), original


def respell_words(folded: str) -> str:
    """The folded expression with its misspelt names respelt (for normalize)."""
    return _candidates().sub(lambda m: respell(m.group()) or m.group(), folded)
