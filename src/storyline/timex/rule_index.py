"""RuleIndex: the grammar rules worth trying where a text starts with given words.

Built from each rule's leading words (leading_words.py): a rule can only match where the text
starts with one of its keys. Rules whose keys cannot be listed are tried everywhere. Rules keep
their order in data/rules.toml, which decides which reading normalize() prefers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.timex.grammar import Rule
from storyline.timex.leading_words import leading_words, second_word


@dataclass(frozen=True)
class RuleIndex:
    # first word -> the rules a match of which may begin with it, whatever follows
    by_first: dict[str, tuple[Rule, ...]]
    # first word -> second word -> the rules for exactly these two (and those of by_first)
    by_second: dict[str, dict[str, tuple[Rule, ...]]]
    everywhere: tuple[Rule, ...]  # rules whose keys are unknown
    # Some rule may start with a space: positions at a space must be tried too.
    starts_with_space: bool

    def rules_at(self, text: str, first: str, end: int) -> tuple[Rule, ...]:
        """The rules to try where text has the first word `first` (a run of letters) ending at
        end; the second word is read only when it matters."""
        seconds = self.by_second.get(first)
        if seconds is not None:
            rules = seconds.get(second_word(text, end))
            if rules is not None:
                return rules
        return self.by_first.get(first, self.everywhere)

    def rules_for(self, key: tuple[str, str]) -> tuple[Rule, ...]:
        """The rules to try where the text has this key (leading_words.leading_key)."""
        seconds = self.by_second.get(key[0])
        if seconds is not None and key[1] in seconds:
            return seconds[key[1]]
        return self.by_first.get(key[0], self.everywhere)


def index_rules(rules: Iterable[Rule], pattern: Callable[[Rule], re.Pattern[str]]) -> RuleIndex:
    ordered = list(rules)
    everywhere: list[int] = []
    firsts: dict[str, list[int]] = {}
    pairs: dict[tuple[str, str], list[int]] = {}
    for position, rule in enumerate(ordered):
        keys = leading_words(pattern(rule))
        if keys is None:
            everywhere.append(position)
            continue
        for first, second in keys:
            if second is None:
                firsts.setdefault(first, []).append(position)
            else:
                pairs.setdefault((first, second), []).append(position)

    def in_order(*groups: Iterable[int]) -> tuple[Rule, ...]:
        return tuple(ordered[i] for i in sorted({i for group in groups for i in group}))

    by_first = {first: in_order(found, everywhere) for first, found in firsts.items()}
    for first, _ in pairs:
        by_first.setdefault(first, in_order(everywhere))
    by_second: dict[str, dict[str, tuple[Rule, ...]]] = {}
    for (first, second), found in pairs.items():
        by_second.setdefault(first, {})[second] = in_order(found, firsts.get(first, ()), everywhere)
    return RuleIndex(
        by_first=by_first,
        by_second=by_second,
        everywhere=in_order(everywhere),
        starts_with_space=" " in by_first,
    )
