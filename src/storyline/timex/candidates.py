"""find_candidates(): time expressions found by the grammar in running text.

It complements the NER, which misses "yesterday (Friday)", "late on Tuesday", "five-month-old",
"currently", "daily". Month and weekday names must be capitalised in the text ("may" and "march"
are usually not months), and a span is kept only if normalize() reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from storyline.timex.grammar import WORD_START, alternation, rules
from storyline.timex.leading_words import leading_key
from storyline.timex.lexicon import lexicon
from storyline.timex.normalize import normalize
from storyline.timex.rule_index import RuleIndex, index_rules
from storyline.timex.spelling import respell_text
from storyline.timex.text import fold

# Groups whose words are names, written with a capital in running text.
_NAME_GROUPS = ("month", "weekday", "weekdays", "holiday")


@dataclass(frozen=True)
class _Extenders:
    """Regexes for the words right before or after a found expression that belong to it."""

    point: re.Pattern[str]  # "late on Tuesday", "early 2024", "the end of this week"
    quantity: re.Pattern[str]  # "nearly a month", "more than four hours"
    count_start: re.Pattern[str]  # a span a quantity modifier may join starts with a count
    article: re.Pattern[str]  # "the" where the rule keeps it ("the 1990s")
    suffix: re.Pattern[str]  # "two years or so"


@cache
def _extenders() -> _Extenders:
    lex = lexicon()
    counts = alternation([*lex.cardinals, *lex.counts, "half"])
    return _Extenders(
        point=re.compile(rf"{WORD_START}(?:{alternation(lex.point_mods)})\s+(?:(?:on|in|of)\s+)?$"),
        quantity=re.compile(rf"{WORD_START}(?:{alternation(_inside(lex.quantity_mods))})\s+$"),
        count_start=re.compile(rf"(?:[0-9]|{counts}(?![\w]))"),
        article=re.compile(rf"{WORD_START}the\s+$"),
        suffix=re.compile(rf"^\s+(?:{alternation(lex.suffix_mods)})(?![\w])"),
    )


def _inside(modifiers: Iterable[str]) -> list[str]:
    """The modifiers that belong to the extent: not "about", nor "just over" (only "over")."""
    outside = set(lexicon().outside)
    return [m for m in modifiers if m.split()[0] not in outside]


def _names_capitalised(
    match: re.Match[str], text: str, to_original: Callable[[int], int] | None
) -> bool:
    for name in _NAME_GROUPS:
        start = match.start(name) if name in match.re.groupindex else -1
        if start >= 0 and to_original is not None:
            start = to_original(start)
        if start >= 0 and not text[start].isupper():
            return False
    return True


def _extend(folded: str, start: int, end: int, article: bool) -> tuple[int, int]:
    """Widen a found span over the modifiers before it and a suffix after it."""
    extenders = _extenders()
    while True:
        before = folded[max(0, start - 40) : start]
        found = extenders.point.search(before)
        if found is None and extenders.count_start.match(folded, start):
            found = extenders.quantity.search(before)
        if found is None and article:
            found = extenders.article.search(before)
        if found is None:
            break
        start -= len(before) - found.start()
    after = extenders.suffix.match(folded, end)
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
    respelt = respell_text(folded)
    to_original: Callable[[int], int] | None = None
    if respelt is not None:  # "met on Thrusday": search the respelt text, map spans back
        folded, to_original = respelt
    index = _search_index(every_rule)
    starts = _ANY_START if index.starts_with_space else _WORD_START
    # Where each rule may match next: as with finditer per rule, its matches do not overlap.
    free_from: dict[str, int] = {}
    found: set[tuple[int, int]] = set()
    for start in starts.finditer(folded):
        position = start.start()
        first = start.group()
        if first:
            found_rules = index.rules_at(folded, first, start.end())
        else:  # a digit, a quote, a bracket...
            found_rules = index.rules_for(leading_key(folded, position))
        for rule in found_rules:
            if free_from.get(rule.name, 0) > position:
                continue
            match = rule.search.match(folded, position)
            if match is None:
                continue
            free_from[rule.name] = match.end()
            if _names_capitalised(match, text, to_original):
                found.add(_extend(folded, match.start(), match.end(), rule.article))
    if to_original is not None:
        found = {(to_original(start), to_original(end)) for start, end in found}
    readable = [span for span in found if normalize(text[span[0] : span[1]], None)]
    return longest_disjoint(readable)


# Where a rule's search may start: not inside a word (the rules' own look-behind), and, unless
# some rule starts with a space, not at a space. The letters after it are the leading word.
_WORD_START = re.compile(rf"{WORD_START}(?=\S)[a-z]*")
_ANY_START = re.compile(rf"{WORD_START}[a-z]*")


@cache
def _search_index(every_rule: bool) -> RuleIndex:
    return index_rules((r for r in rules() if r.find or every_rule), lambda r: r.search)


def longest_disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of overlapping spans keep the longest (the earliest on a tie); sorted by start."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
