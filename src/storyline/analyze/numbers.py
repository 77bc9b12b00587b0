"""Numbers as news writes them: "1 140" (space-grouped, also with no-break spaces), "1,200",
"1.9 million", "twenty-five", "a dozen", with the qualifiers before them ("nearly",
"more than") and ranges ("between 12 and 18", "12-18"). Text-level and regex-based; the
patterns are built once from the lexicons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from storyline.analyze.lexicon import mapping
from storyline.timex.lexicon import lexicon

_SPACE = "[ \u00a0\u202f\u2009]"
_GROUP_SPACE = re.compile(r"[,\s\u00a0\u202f\u2009]")
_GLUED_SCALE = re.compile(r"(?<=\d)(?=(?:bn|tn)\b)")
_SPLIT = re.compile(r"[\s\u00a0\u202f\u2009‐-]+")

# Digits: space-grouped thousands first (so "1 140" is one number, while "2023 120" is not),
# then comma-grouped, then plain. Not inside words or codes ("A320", "F-16"), not a time
# ("10:30"), not the first part of a compound adjective ("five-month-old" is not a count),
# not either side of a slash ("24/7", "20/20 hindsight", "12/03"; some corpora write "\/").
_DIGITS = (
    r"(?<![\w.,:/\\])(?<![A-Za-z]-)"
    rf"(?:\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.]\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!(?!(?:bn|tn)\b)\w|[.,]\d|:\d|[-‐][^\W\d_]|\\?/\d)"
)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    in_words: bool


@dataclass(frozen=True)
class Qualifier:
    start: int
    approximate: bool
    low: bool
    high: bool


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@cache
def _number_words() -> dict[str, float]:
    """One to ninety as the time tagger spells them, and the words only counts use
    (number_words.txt: "zero", "a dozen")."""
    lex = lexicon()
    shared = {word: float(n) for word, n in lex.cardinals.items() if word not in lex.scales}
    return shared | {k: float(v) for k, v in mapping("number_words.txt").items()}


@cache
def _scales() -> dict[str, float]:
    """The time tagger's scales ("hundred", "thousand") and the larger ones of counts."""
    lex = lexicon()
    shared = {word: float(lex.cardinals[word]) for word in sorted(lex.scales)}
    return shared | {k: float(v) for k, v in mapping("number_scales.txt").items()}


@cache
def _number_pattern() -> re.Pattern[str]:
    values = _number_words()
    tens = [w for w, v in values.items() if 20 <= v <= 90 and v % 10 == 0 and " " not in w]
    units = [w for w, v in values.items() if 1 <= v <= 9 and " " not in w]
    others = [w for w in values if w not in tens]
    compound = rf"(?:{_alternation(tens)})(?:[-‐ ](?:{_alternation(units)}))?"
    spelled = rf"\b(?:{compound}|(?:{_alternation(others)}))\b"
    # "bn" and "tn" may be written against the digits ("$8.9bn").
    scales = rf"(?:(?:{_SPACE}+|(?=(?:bn|tn)\b))(?:{_alternation(list(_scales()))})\b)*"
    compound_adjective = r"(?![-‐][^\W\d_])"
    return re.compile(
        rf"(?P<digits>{_DIGITS})(?P<s1>{scales})"
        rf"|(?P<words>{spelled})(?P<s2>{scales}){compound_adjective}",
        re.I,
    )


@cache
def _qualifier_pattern() -> re.Pattern[str]:
    phrases = list(mapping("approx_words.txt"))
    return re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{_alternation(phrases)})\s+$", re.I)


def _spelled_value(text: str) -> float | None:
    values = _number_words()
    key = " ".join(text.lower().split())
    if key in values:
        return values[key]
    total = 0.0
    for part in _SPLIT.split(key):
        if part not in values:
            return None
        total += values[part]
    return total


def number_value(text: str) -> float | None:
    """The value of one number as written: "1 140" -> 1140, "1.9 million" -> 1900000."""
    scales = _scales()
    text = _GLUED_SCALE.sub(" ", text)
    parts = [p for p in re.split(r"[\s\u00a0\u202f\u2009]+", text.strip()) if p]
    factor = 1.0
    while len(parts) > 1 and parts[-1].lower() in scales:
        factor *= scales[parts.pop().lower()]
    if not parts:
        return None
    base = " ".join(parts)
    if base[0].isdigit():
        try:
            return float(_GROUP_SPACE.sub("", base)) * factor
        except ValueError:
            return None
    value = _spelled_value(base)
    return None if value is None else value * factor


def find_numbers(text: str) -> Iterator[NumberMatch]:
    for m in _number_pattern().finditer(text):
        value = number_value(m.group(0))
        if value is not None:
            yield NumberMatch(m.start(), m.end(), value, m.group("words") is not None)


def qualifier_before(text: str, start: int) -> Qualifier | None:
    """The qualifier written just before a number ("more than", "nearly", "about")."""
    window_start = max(0, start - 32)
    m = _qualifier_pattern().search(text, window_start, start)
    if m is None:
        return None
    flags = mapping("approx_words.txt")[" ".join(m.group("q").lower().split())].split()
    return Qualifier(
        start=m.start("q"),
        approximate="approximate" in flags,
        low="low" in flags,
        high="high" in flags,
    )


_RANGE_DASH = re.compile(r"\s*[-‐–—]\s*|\s+to\s+", re.I)
_RANGE_AND = re.compile(r"\s+and\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)


def range_start(text: str, first: NumberMatch) -> int | None:
    """Where a range beginning with ``first`` starts, if the text says "between" (for
    "between 12 and 18"); ``first.start`` for "12-18" / "12 to 18"; None otherwise."""
    before = text[max(0, first.start - 10) : first.start]
    m = _BETWEEN.search(before)
    if m is not None:
        return first.start - (len(before) - m.start())
    if _FROM.search(before):  # "rose from 10 to 20" is a change, not a range
        return None
    return first.start


def joins_range(text: str, first: NumberMatch, second: NumberMatch, between: bool) -> bool:
    gap = text[first.end : second.start]
    if between:
        return _RANGE_AND.fullmatch(gap) is not None
    return _RANGE_DASH.fullmatch(gap) is not None and second.value > first.value


_SCORE = re.compile(r"[-‐–]")


def is_score(text: str, first: NumberMatch, second: NumberMatch) -> bool:
    """ "a 65-31 vote", "won 3-1": two numbers joined by a bare dash, the second not larger,
    are a result, not a range and not two counts."""
    gap = text[first.end : second.start]
    return _SCORE.fullmatch(gap) is not None and second.value <= first.value


def _scale_parts(written: str) -> list[str] | None:
    """The words of a number that ends in a scale ("3 billion", "2.5bn"), else None."""
    parts = _GLUED_SCALE.sub(" ", written).split()
    return parts if len(parts) > 1 and parts[-1].lower() in _scales() else None


def range_low(text: str, first: NumberMatch, last: NumberMatch) -> float:
    """The low end of a range whose scale is written once, after its high end: "$2-3
    billion" and "between 2 and 3 million" start at 2 billion and 2 million."""
    high = _scale_parts(text[last.start : last.end])
    if high is None or _scale_parts(text[first.start : first.end]) is not None:
        return first.value
    base = number_value(" ".join(high[:-1]))
    return first.value * (last.value / base) if base else first.value
