"""Compiles the rules in data/rules.toml into regular expressions.

A rule's pattern names lexicons in braces (`{month}`, `{num}`, `{weekday:wd}`); each becomes a
named group whose alternatives come from the lexicon files, longest first. Every rule is
compiled twice: for fullmatch on one cleaned expression (normalize), and for search over a whole
folded text (find_candidates), where a space in a pattern may be any run of whitespace with at
most one line break and weekday/month abbreviations are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from storyline import datafiles
from storyline.errors import DataFileError
from storyline.timex.lexicon import PACKAGE, Lexicon, lexicon

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?\}")
# One space in a pattern: in running text, any whitespace but never a blank line.
_SEARCH_SPACE = r"(?:(?:[^\S\n]+\n?|\n)[^\S\n]*)"
# Where a word starts in folded text: not inside a word, nor after a word's apostrophe ("o'clock",
# "don't"); after an opening quote it may ("``Today, ..." folds to "''today").
WORD_START = r"(?<!\w)(?<!\w')"


@dataclass(frozen=True)
class Rule:
    name: str
    handler: str
    exact: re.Pattern[str]  # fullmatch on one cleaned expression
    search: re.Pattern[str]  # finditer over folded running text
    find: bool  # find_candidates uses it
    article: bool  # a "the" right before it belongs to the expression ("the 1990s")
    args: Mapping[str, int] = field(default_factory=dict)


def alternation(
    words: Iterable[str], abbreviations: Iterable[str] = (), dot_required: bool = False
) -> str:
    """A non-capturing group of the words, longest first so the regex prefers "sept" to
    "sep"; abbreviations may (or, with dot_required, must) carry a trailing dot."""
    shortened = set(abbreviations)
    dot = r"\." if dot_required else r"\.?"
    items = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [re.escape(w).replace("\\ ", " ") + (dot if w in shortened else "") for w in items]
    return "(?:" + "|".join(parts) + ")"


def _number_words(lex: Lexicon) -> str:
    ones = alternation(lex.ones)
    small = "(?:" + alternation(lex.tens) + f"(?: {ones})?|" + alternation(lex.cardinals) + ")"
    scale = alternation(lex.scales)
    return f"(?:(?:{ones}|a|an) {scale}(?: and)?(?: {small})?|{small}(?: {scale})?)"


def _year_words(lex: Lexicon) -> str:
    """Years said as words: "nineteen ninety six", "two thousand and five"."""
    ones = alternation(lex.ones)
    teens = alternation(w for w, n in lex.cardinals.items() if 10 <= n < 20)
    small = "(?:" + alternation(lex.tens) + f"(?: {ones})?|" + alternation(lex.cardinals) + ")"
    return (
        f"(?:(?:seventeen|eighteen|nineteen|twenty) (?:hundred(?: and)?(?: {small})?|oh {ones}"
        f"|{alternation(lex.tens)}(?: {ones})?|{teens})"
        f"|two thousand(?: and)?(?: {small})?)"
    )


def fragments(lex: Lexicon, search: bool) -> dict[str, str]:
    """The regex each placeholder stands for. `search` drops spellings that are only safe
    inside an expression something else already found."""
    digits = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)"
    ordinal_digits = r"(?:[0-9]{1,2}(?:st|nd|rd|th))"
    day_digits = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
    day_words = alternation(w for w, n in lex.ordinals.items() if n <= 31)
    weekday_names = [w for w in lex.weekdays if not (search and w in lex.weekday_abbreviations)]
    full_weekdays = [w for w in lex.weekdays if w not in lex.weekday_abbreviations]
    units = [w for w, unit in lex.units.items() if unit.searched or not search]
    # In running text an abbreviated month needs its dot: "Jan." is January, "Jan" a name.
    months = alternation(lex.months, lex.month_abbreviations, dot_required=search)
    references = lex.searched_references if search else lex.references
    set_words = lex.searched_set_words if search else lex.set_words
    return {
        "month": months,
        "weekday": alternation(weekday_names, lex.weekday_abbreviations),
        "weekdays": alternation(w + "s" for w in full_weekdays),
        "day": f"(?:{day_digits}|{day_words})",
        "year": rf"(?:[12][0-9]{{3}}|'[0-9]{{2}}|{_year_words(lex)})",
        "year_words": _year_words(lex),
        "year4": r"[12][0-9]{3}",
        "yy": r"[0-9]{2}",
        "mm": r"(?:1[0-2]|0?[1-9])",
        "dd": r"(?:3[01]|[12][0-9]|0?[1-9])",
        "num": f"(?:{digits}|{_number_words(lex)}|{alternation(lex.counts)})",
        "vague": alternation(lex.vague_counts),
        "fraction": r"(?:1/2|½)",
        "unit": alternation(units),
        "ordinal": f"(?:{ordinal_digits}|{alternation(lex.ordinals)})",
        "quarter": r"[1-4]",
        "decade": r"(?:[12][0-9]{2}0 ?'?s|'?[0-9]0 ?'?s|" + alternation(lex.decade_words) + ")",
        "shift": alternation(lex.shifts),
        "direction": alternation(lex.directions),
        "relday": alternation(lex.relative_days),
        "relphrase": alternation(lex.relative_phrases),
        "pod": alternation(lex.parts_of_day),
        "clockword": alternation(lex.clock_words),
        "hour": r"(?:2[0-4]|1[0-9]|0?[0-9])",
        "minute": r"[0-5][0-9]",
        "ampm": r"(?:a\.? ?m\b\.?|p\.? ?m\b\.?)",
        "tz": alternation(lex.timezones),
        "season": alternation(lex.seasons),
        "holiday": alternation(lex.holidays),
        "ref": alternation(references),
        "setword": alternation(set_words),
    }


def expand(pattern: str, frags: Mapping[str, str]) -> str:
    """Replace each {name} / {name:alias} with a named group of the lexicon's regex."""

    def replace(match: re.Match[str]) -> str:
        name, alias = match.group(1), match.group(2)
        if name not in frags:
            where = datafiles.where(PACKAGE, "rules.toml")
            raise DataFileError(f"{where}: unknown lexicon {{{name}}} in {pattern!r}")
        return f"(?P<{alias or name}>{frags[name]})"

    return _PLACEHOLDER.sub(replace, pattern)


def _search_regex(pattern: str) -> re.Pattern[str]:
    body = pattern.replace(" ", _SEARCH_SPACE)
    return re.compile(rf"{WORD_START}(?:{body})(?![\w])")


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule, in the order normalize tries them."""
    lex = lexicon()
    exact_frags = fragments(lex, search=False)
    search_frags = fragments(lex, search=True)
    specs = datafiles.table(PACKAGE, "rules.toml")["rule"]
    compiled: list[Rule] = []
    for spec in specs:
        pattern = str(spec["pattern"])
        try:
            exact = re.compile(expand(pattern, exact_frags))
            search = _search_regex(expand(pattern, search_frags))
        except re.error as exc:
            where = datafiles.where(PACKAGE, "rules.toml")
            raise DataFileError(f"{where}, rule {spec['name']!r}: {exc}") from exc
        compiled.append(
            Rule(
                name=str(spec["name"]),
                handler=str(spec["handler"]),
                exact=exact,
                search=search,
                find=bool(spec.get("find", True)),
                article=bool(spec.get("article", False)),
                args={k: int(v) for k, v in spec.get("args", {}).items()},
            )
        )
    return tuple(compiled)
