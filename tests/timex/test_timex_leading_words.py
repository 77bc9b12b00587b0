"""leading_words() and the rule index built on it: a rule left out where it could match would
lose time expressions silently, so every match of every rule is checked against the index."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.timex.grammar import Rule, rules
from storyline.timex.leading_words import leading_key, leading_words
from storyline.timex.lexicon import lexicon
from storyline.timex.normalize import _exact_index
from storyline.timex.rule_index import RuleIndex, index_rules
from storyline.timex.text import clean, fold


def test_keys_of_simple_patterns() -> None:
    assert leading_words(r"(?:the )?(?:jan\.?|may) [0-9]+") == {
        ("the", "jan"),
        ("the", "may"),
        ("jan", ""),
        ("may", ""),
    }
    assert leading_words(r"[0-9]{4}|'[0-9]{2}") == {("", "")}
    # A match may end after the first word: any second word.
    assert leading_words(r"(?<![\w'])(?:monday|tuesday)(?![\w])") == {
        ("monday", None),
        ("tuesday", None),
    }
    assert leading_words(r"a\.? ?m") == {("a", ""), ("am", None), ("a", "m")}


def test_keys_cannot_always_be_listed() -> None:
    assert leading_words(r"[a-z]+ days") is None
    assert leading_words(r"(?:x)?") is None  # matches the empty string
    assert leading_words(r".week") is None
    assert leading_words(re.compile("week", re.IGNORECASE)) is None


def test_key_of_a_position() -> None:
    text = "the  past year, 12 days (Friday)"
    assert leading_key(text, 0) == ("the", "past")
    assert leading_key(text, 10) == ("year", "")
    assert leading_key(text, 16) == ("", "")
    assert leading_key(text, 3) == (" ", "")
    assert leading_key(text, len(text)) == ("", "")


SAMPLES = [
    "On Tuesday, the third quarter of 1998 ended; the past 19 days were hard.",
    "They met at 3:30 p.m. EST on Friday, March 5, 2024 and again the 12th of May.",
    "the day before yesterday (Friday) and late on Tuesday evening, every other week",
    "a year and a half, half a century ago, the 1990s, '90s, mid-1990s, Christmas 2001",
    "two thousand and five, nineteen ninety six, FY 2024, fiscal 1999, Q3 2023",
    "the comparable period a year earlier, the same quarter last year, first half of 2020",
    "for the next two weeks, over the past several months, a five-month-old war, daily",
    "now, currently, recently, at the moment, by noon Wednesday, tomorrow morning",
]


@cache
def _search_index(every_rule: bool) -> tuple[list[Rule], RuleIndex]:
    wanted = [r for r in rules() if r.find or every_rule]
    return wanted, index_rules(wanted, lambda r: r.search)


def _assert_index_covers(text: str) -> None:
    folded = fold(text)
    for every_rule in (False, True):
        wanted, index = _search_index(every_rule)
        for rule in wanted:
            for position in range(len(folded) + 1):
                if rule.search.match(folded, position) is None:
                    continue
                assert rule in index.rules_for(leading_key(folded, position)), (rule.name, text)


def test_the_search_index_offers_every_rule_that_matches() -> None:
    for text in SAMPLES:
        _assert_index_covers(text)


def _vocabulary() -> list[str]:
    lex = lexicon()
    words: set[str] = {"the", "a", "of", "and", "ago", "fiscal", "quarter", "12:30", "1998"}
    for table in (lex.months, lex.weekdays, lex.units, lex.point_mods, lex.relative_days):
        words.update(table)
    words.update(lex.shifts)
    words.update(lex.parts_of_day)
    words.update(lex.holidays)
    words.update(["3", "19", "'90s", "1990s", "p.m.", "(", ")", ",", "-", "\n"])
    return sorted(words)


phrases = st.lists(st.sampled_from(_vocabulary()), min_size=1, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text=phrases)
def test_the_indexes_offer_every_rule_that_matches_any_phrase(text: str) -> None:
    _assert_index_covers(text)
    cleaned = clean(text)
    for rule in rules():
        if rule.exact.fullmatch(cleaned):
            assert rule in _exact_index().rules_for(leading_key(cleaned, 0)), rule.name
