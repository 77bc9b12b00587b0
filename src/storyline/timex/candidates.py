"""find_candidates(): time expressions found by the grammar in running text.

It complements the NER, which misses "yesterday (Friday)", "late on Tuesday", "five-month-old",
"currently", "daily". Month and weekday names must be capitalised in the text ("may" and "march"
are usually not months), and a span is kept only if normalize() reads it.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.timex.grammar import alternation, rules
from storyline.timex.lexicon import lexicon
from storyline.timex.normalize import normalize
from storyline.timex.text import fold

# Groups whose words are names, written with a capital in running text.
_NAME_GROUPS = ("month", "weekday", "weekdays", "holiday")
_COUNT_START = re.compile(r"[0-9]|(?:a|an|half|one|two|three|four|five|six|seven|eight|nine|ten)\b")


@cache
def _extenders() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes for the words right before or after a found expression that belong to it:
    point modifiers ("late on Tuesday", "early 2024"), quantity modifiers before a count
    ("nearly a month"), "the" where the rule keeps it, and suffixes ("two years or so")."""
    lex = lexicon()
    point = alternation(lex.point_mods)
    quantity = alternation(lex.quantity_mods)
    suffix = alternation(lex.suffix_mods)
    return (
        re.compile(rf"(?<![\w'])(?:{point})\s+(?:(?:on|in|of)\s+)?$"),
        re.compile(rf"(?<![\w'])(?:{quantity})\s+$"),
        re.compile(r"(?<![\w'])the\s+$"),
        re.compile(rf"^\s+(?:{suffix})(?![\w])"),
    )


def _names_capitalised(match: re.Match[str], text: str) -> bool:
    for name in _NAME_GROUPS:
        start = match.start(name) if name in match.re.groupindex else -1
        if start >= 0 and not text[start].isupper():
            return False
    return True


def _extend(folded: str, start: int, end: int, article: bool) -> tuple[int, int]:
    point, quantity, the, suffix = _extenders()
    while True:
        before = folded[max(0, start - 40) : start]
        found = point.search(before)
        if found is None and _COUNT_START.match(folded, start):
            found = quantity.search(before)
        if found is None and article:
            found = the.search(before)
        if found is None:
            break
        start -= len(before) - found.start()
    after = suffix.match(folded, end)
    if after is not None:
        end = after.end()
    return start, end


def find_candidates(text: str, *, every_rule: bool = False) -> list[tuple[int, int]]:
    """Character spans of time expressions in text, sorted, none overlapping (of overlapping
    finds the longest is kept).

    every_rule: also use the rules that find time expressions only where something else says
    there is one (a bare "1997"): for splitting a span the NER found ("between 1994 and 1997").
    """
    folded = fold(text)
    found: list[tuple[int, int]] = []
    for rule in rules():
        if not (rule.find or every_rule):
            continue
        for match in rule.search.finditer(folded):
            if not _names_capitalised(match, text):
                continue
            found.append(_extend(folded, match.start(), match.end(), rule.article))
    readable = [span for span in set(found) if normalize(text[span[0] : span[1]], None)]
    return longest_disjoint(readable)


def longest_disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of overlapping spans keep the longest (the earliest on a tie); sorted by start."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
