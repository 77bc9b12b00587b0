"""normalize(): one time expression's words -> its TIMEX3 type, value and mod."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache, lru_cache

from storyline.timex.grammar import rules
from storyline.timex.handlers import HANDLERS, Context
from storyline.timex.leading_words import leading_key
from storyline.timex.lexicon import lexicon
from storyline.timex.rule_index import RuleIndex, index_rules
from storyline.timex.text import clean
from storyline.timex.value import Tense, Timex

# Longer than any time expression: refuse early rather than run the grammar on a paragraph.
MAX_LENGTH = 120
# How many modifiers may be peeled off one expression ("nearly the end of ...").
MAX_PEELS = 6


def normalize(
    text: str,
    anchor: dt.date | None,
    tense: Tense | None = None,
    *,
    granularity: str | None = None,
) -> Timex | None:
    """The TIMEX3 reading of a time expression, or None when the words are not one.

    `anchor` is the date relative expressions count from (the document's date); without it
    their unknown parts are X ("XXXX-10-07", "XXXX-WXX-3"). `tense` (of the clause the expression
    sits in) decides which way "on Wednesday" or "October 7" points; see calendar.pick_year and
    calendar.resolve_weekday. `granularity` is the unit the surrounding text counts in, when it
    says ("quarter" in a quarterly report, where "a year earlier" is that quarter a year before).
    """
    if not isinstance(text, str) or len(text) > MAX_LENGTH:
        return None
    cleaned = clean(text)
    if not cleaned:
        return None
    return _normalize_cleaned(cleaned, anchor, tense, granularity)


# A document names the same few times again and again ("Tuesday", "last year"), and the
# candidate search asks about each span before extract_times does: parse each once.
@lru_cache(maxsize=8192)
def _normalize_cleaned(
    cleaned: str, anchor: dt.date | None, tense: Tense | None, granularity: str | None
) -> Timex | None:
    ctx = Context(anchor=anchor, tense=tense, lex=lexicon(), granularity=granularity)
    return _parse(cleaned, ctx, 0)


@cache
def _exact_index() -> RuleIndex:
    return index_rules(rules(), lambda r: r.exact)


@cache
def _peelers() -> tuple[tuple[tuple[str, str | None], ...], tuple[tuple[str, str], ...]]:
    """(prefixes with the mod they give, suffixes with theirs), longest first."""
    lex = lexicon()
    prefixes: dict[str, str | None] = {
        word: None for word in lex.ignored + lex.signals + lex.outside
    }
    prefixes.update(lex.quantity_mods)
    prefixes.update(lex.point_mods)
    by_length = sorted(prefixes.items(), key=lambda item: -len(item[0]))
    suffixes = sorted(lex.suffix_mods.items(), key=lambda item: -len(item[0]))
    return tuple(by_length), tuple(suffixes)


def _parse(text: str, ctx: Context, peeled: int) -> Timex | None:
    for rule in _exact_index().rules_for(leading_key(text, 0)):
        match = rule.exact.fullmatch(text)
        if match is None:
            continue
        try:
            timex = HANDLERS[rule.handler](match, ctx, rule.args)
        except (ValueError, OverflowError):
            # A rule whose arithmetic runs off the calendar (year 10000) does not apply.
            timex = None
        if timex is not None:
            return timex
    if peeled >= MAX_PEELS:
        return None
    prefixes, suffixes = _peelers()
    for word, mod in prefixes:
        if text.startswith(word + " "):
            rest = text[len(word) + 1 :]
            found = _parse(rest, ctx, peeled + 1)
            if found is not None:
                if word in ctx.lex.signals and not _counted(rest):
                    mod = None  # "over the weekend" is during it; "over 20 years" more than
                return _with_mod(found, mod)
    for word, mod in suffixes:
        if text.endswith(" " + word):
            found = _parse(text[: -len(word) - 1], ctx, peeled + 1)
            if found is not None:
                return _with_mod(found, mod)
    return None


def _counted(text: str) -> bool:
    """Whether the words start with a count: "20 years", "two weeks", "a month"."""
    first = text.split(" ", 1)[0]
    lex = lexicon()
    return first[:1].isdigit() or first in lex.cardinals or first in lex.counts


def _with_mod(timex: Timex, mod: str | None) -> Timex:
    if mod is None or timex.mod is not None:
        return timex
    return dataclasses.replace(timex, mod=mod)
