"""Figures: numbers with what they count, who or where they are about, who gives them and
as of when.

``counts`` is "<what> <outcome>": the counted noun in its plural form, normalized by
data/count_nouns.txt ("individuals" -> "people", "captives" -> "hostages"), followed by
what happened to them when the text says so, normalized by data/outcomes.txt ("freed"
and "released" -> "released"): "people killed", "hostages released", "soldiers",
"Palestinians". A count with an outcome and no noun ("abducting about 250") counts "people
<outcome>"; percentages count "%", money its ISO code ("USD"). A number with none of these
is not a figure (it is a code, a score, a page) and is left out.

Qualifiers set the bounds (data/approx_words.txt): "more than 250" has low=250, "nearly
20,000" is approximate with high=20000; a range "between 12 and 18" has low=12, high=18 and
value 15, approximate. Years, dates, times, ordinals and numbers inside names are skipped.

What the number counts is read in figure_nouns.py; which numbers count nothing ("one man",
"the two sides", "three sources told AFP", "21 hrs ago") in figure_rules.py; whose the figure
is, and the words that say so (``attribution_evidence``), in figure_sources.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.entities import extract_mentions
from storyline.analyze.figure_nouns import (
    anchor_of,
    counted_noun,
    is_part_of_whole,
    noun_label,
    outcome_of,
)
from storyline.analyze.figure_rules import not_counted
from storyline.analyze.figure_sources import figure_source
from storyline.analyze.lexicon import mapping, words
from storyline.analyze.numbers import (
    NumberMatch,
    Qualifier,
    find_numbers,
    is_score,
    joins_range,
    qualifier_before,
    range_low,
    range_start,
)
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.sentences import SentenceIndex
from storyline.analyze.syntax import (
    PLACE_LABELS,
    MentionIndex,
    Token,
    compact_phrase,
    display_name,
    governing_verb,
    tokens_text,
    without_articles,
)
from storyline.model import (
    Document,
    Evidence,
    Figure,
    Mention,
    TimeExpression,
    evidence,
    span_id,
)

# Entity types whose numbers are not counts: dates, times, ranks, and numbers that are part
# of a name ("Air Force One", "Resolution 2334" tagged as LAW).
_SKIP_ENTS = frozenset(
    {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"}
    | {"WORK_OF_ART", "LAW", "LANGUAGE"}
)
_PLACE_PREPS = frozenset({"in", "across", "inside", "throughout", "within", "from", "at"})
_GROUP_LABELS = frozenset({"NORP", "GPE"})
_COUNT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos", "attr"})
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:(?<![\w$€£])(?:US|A|C)?[$€£]|\b(?:USD|EUR|GBP)\s?)$", re.I)
# "pounds" is as often a weight ("weighed about 105 pounds"): sterling only after a scale
# ("17 million pounds", "a 9.3 billion pound package").
_CURRENCY_AFTER = re.compile(r"\s+(?P<c>dollars|euros|shekels)\b", re.I)
_STERLING_AFTER = re.compile(r"\s+(?P<c>pounds?)\b(?![-‐])", re.I)
_SCALED = re.compile(r"[^\W\d_]")
# "m" for million after an amount of money only: elsewhere it is also metres.
_MILLIONS = re.compile(r"\s?m\b(?!\.\w)")


@dataclass
class _Reading:
    """What the parse says about one number."""

    anchor: Token
    noun: Token | None
    outcome: str | None
    outcome_token: Token | None


def _place_in(head: Token | None, index: MentionIndex, depth: int = 2) -> str | None:
    """The place of an "in X" phrase on ``head``, or on the object of one ("killed in
    strikes across the Gaza Strip", "hostages in its custody in Gaza")."""
    if head is None:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                phrase = compact_phrase(obj, with_of=True)
                place = index.first_in(phrase, PLACE_LABELS)
                if place is not None:
                    return display_name(place.evidence.text)
                if obj.lemma_.lower() in words("place_nouns.txt") and any(
                    t.pos_ == "PROPN" for t in phrase
                ):
                    # "in Nuseirat refugee camp": a named place the tagger did not know
                    return tokens_text(without_articles(phrase))
                deeper = _place_in(obj, index, depth - 1) if depth > 1 else None
                if deeper is not None:
                    return deeper
    return None


def _subject(reading: _Reading, index: MentionIndex) -> str | None:
    """Where or whom the figure is about: a place in "in X" on the count, its noun or its
    outcome; else a group or place modifying the noun ("Palestinian lives", "Gaza's
    residents")."""
    clause = governing_verb(reading.noun if reading.noun is not None else reading.anchor)
    heads = [reading.noun, reading.anchor, reading.outcome_token, clause]
    # "a strike in Lebanon killed 12 people": the place may sit on the clause's subject.
    if clause is not None:
        heads += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in heads:
        place = _place_in(head, index)
        if place is not None:
            return place
    if reading.noun is not None:
        owners = [c for c in reading.noun.lefts if c.dep_ in ("amod", "compound", "poss")]
        if reading.noun.head.lower_ == "of":  # "of Gaza's 2.4 million residents"
            owners += [c for c in reading.noun.head.children if c.i < reading.noun.i]
        for child in owners:
            mention = index.at(child)
            if mention is not None and mention.label in _GROUP_LABELS | PLACE_LABELS:
                return display_name(mention.evidence.text)
    return None


def _is_year(match: NumberMatch, text: str, noun: Token | None) -> bool:
    written = text[match.start : match.end]
    if not (len(written) == 4 and written.isdigit() and 1800 <= match.value <= 2100):
        return False
    return noun is None or noun.tag_ != "NNS"


def _blocked_spans(times: Sequence[TimeExpression]) -> tuple[list[int], list[int]]:
    spans = sorted((t.evidence.start, t.evidence.end) for t in times)
    return [a for a, _ in spans], [b for _, b in spans]


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    k = bisect_left(starts, end) - 1
    while k >= 0:
        if ends[k] > start:
            return True
        if starts[k] < start - 200:  # expressions are short; stop looking far back
            return False
        k -= 1
    return False


def _currency_codes() -> frozenset[str]:
    return frozenset(mapping("currencies.txt").values())


def _bounds(
    value: float, range_low: float | None, qualifier: Qualifier | None, scale: float
) -> tuple[float, float | None, float | None, bool]:
    """Value, low, high and whether approximate: a range is approximate, at its middle; a
    qualifier makes the value a bound."""
    # Rounded: 4.15 * 1e6 is 4150000.0000000005 in binary floating point.
    value = round(value * scale, 6)
    if range_low is not None:
        bottom = round(range_low * scale, 6)
        return (bottom + value) / 2, bottom, value, True
    approximate = bool(qualifier and qualifier.approximate)
    low = value if qualifier is not None and qualifier.low else None
    high = value if qualifier is not None and qualifier.high else None
    return value, low, high, approximate


class _FigureFinder:
    def __init__(
        self,
        sdoc: Any,
        document: Document,
        times: Sequence[TimeExpression],
        mentions: Sequence[Mention] | None,
    ) -> None:
        self.sdoc = sdoc
        self.document = document
        self.text = document.text
        if mentions is None:
            mentions = extract_mentions(sdoc, document)
        self.index = MentionIndex(sdoc, mentions)
        self.sentences = SentenceIndex(sdoc)
        self.quoted = QuotedText(self.text)
        self.time_starts, self.time_ends = _blocked_spans(times)
        self.dates: list[tuple[TimeExpression, Token | None]] = []
        for te in sorted(times, key=lambda t: t.evidence.start):
            if te.type != "DATE" or not te.value:
                continue
            span = sdoc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
            if span is not None and len(span):
                self.dates.append((te, governing_verb(span.root)))

    def read(self, match: NumberMatch) -> _Reading | None:
        span = self.sdoc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tokens = [t for t in span if not t.is_space]
        if any(t.ent_type_ in _SKIP_ENTS for t in tokens):
            return None
        anchor = anchor_of(tokens)
        noun = counted_noun(anchor, {t.i for t in tokens})
        if noun is not None and noun.ent_type_ in _SKIP_ENTS - {"NORP"}:
            return None  # part of a name: "22 Baker Street", "Resolution 2334"
        outcome, outcome_token = outcome_of(noun, anchor)
        if is_part_of_whole(tokens[0]):
            outcome, outcome_token = None, None
        unit = self.has_unit(match.start, match.end)
        if not_counted(tokens[0], anchor, noun, outcome, spelled=match.in_words, unit=unit):
            return None
        if match.in_words:
            # Spelled numbers are often not counts ("one of them", "the two leaders met"):
            # keep them when they count a noun, or are what an outcome verb acts on.
            if anchor.dep_ != "nummod" and not (outcome and anchor.dep_ in _COUNT_DEPS):
                return None
            if anchor.lower_ == "one" and anchor.dep_ != "nummod":
                return None
        if _is_year(match, self.text, noun):
            return None
        return _Reading(anchor, noun, outcome, outcome_token)

    def as_of(self, sentence: Any, anchor: Token) -> TimeExpression | None:
        """The expression that dates the clause the figure is in: a DATE governed by one of the
        figure's ancestors ("On Sunday, strikes killed at least 20"), not one in another
        clause ("the war, which began on October 7, has claimed over 44,400 lives")."""
        above = {a.i for a in anchor.ancestors}
        best: tuple[int, TimeExpression] | None = None
        for te, governor in self.dates:
            if te.evidence.start >= sentence.end_char:
                break
            if te.evidence.end <= sentence.start_char or te.value is None:
                continue
            if governor is not None and governor.i not in above:
                continue
            distance = abs(te.evidence.start - anchor.idx)
            if best is None or distance < best[0]:
                best = (distance, te)
        return best[1] if best else None

    def figure(
        self, first: NumberMatch, last: NumberMatch, start: int, is_range: bool
    ) -> Figure | None:
        # In "between 12 and 18 fighters" the first number carries the noun; in "400 to 500
        # cancellations" the second does.
        reading = self.read(first) if is_range else None
        if reading is None or (reading.noun is None and reading.outcome is None):
            reading = self.read(last) or reading
        if reading is None:
            return None
        end = last.end
        qualifier = qualifier_before(self.text, start)
        if qualifier is None:
            currency_start = _CURRENCY_BEFORE.search(self.text, max(0, start - 4), start)
            if currency_start is not None:
                qualifier = qualifier_before(self.text, currency_start.start())
        unit = self.counts(reading, start, end)
        if unit is None:
            return None
        counts, start, end = unit
        scale = 1.0
        millions = _MILLIONS.match(self.text, end) if counts in _currency_codes() else None
        if millions is not None:  # "$4.15 m", "$25m"
            scale, end = 1e6, millions.end()
        if qualifier is not None:
            start = min(start, qualifier.start)
        noun = reading.noun
        # The evidence takes in the counted noun when it follows ("more than 250 hostages"),
        # not one reached through "of" ("1.9 million of Gaza's ... residents").
        if (
            noun is not None
            and noun.head.i != reading.anchor.i
            and 0 < noun.i - reading.anchor.i <= 3
        ):
            end = max(end, noun.idx + len(noun))

        low = range_low(self.text, first, last) if is_range else None
        value, low, high, approximate = _bounds(last.value, low, qualifier, scale)
        sentence = self.sentences.at(first.start)
        source = figure_source(reading.anchor, sentence, self.index, self.quoted)
        ev = evidence(self.document, start, end)
        dated_by = self.as_of(sentence, reading.anchor)
        return Figure(
            id=span_id("f", self.document.id, ev.start, ev.end),
            value=value,
            low=low,
            high=high,
            approximate=approximate,
            counts=counts,
            subject=_subject(reading, self.index),
            as_of=dated_by.value if dated_by else None,
            as_of_ref=dated_by.id if dated_by else None,
            attributed_to=source.name if source else None,
            attribution_evidence=self.span(source.first, source.last) if source else None,
            evidence=ev,
        )

    def has_unit(self, start: int, end: int) -> bool:
        """Money or a percentage: a currency or percent sign or word beside the number."""
        text = self.text
        return bool(
            _PERCENT.match(text, end)
            or _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
            or self.currency_after(start, end)
        )

    def currency_after(self, start: int, end: int) -> tuple[str, int] | None:
        """The ISO code of a currency word after the number, and where the word ends."""
        after = _CURRENCY_AFTER.match(self.text, end)
        if after is None and _SCALED.search(self.text, start, end):
            after = _STERLING_AFTER.match(self.text, end)
        if after is None:
            return None
        return mapping("currencies.txt")[after.group("c").lower()], after.end()

    def span(self, first: Token, last: Token) -> Evidence:
        return evidence(self.document, first.idx, last.idx + len(last.text))

    def counts(self, reading: _Reading, start: int, end: int) -> tuple[str, int, int] | None:
        """What the figure counts, and its evidence span widened to the unit if needed."""
        percent = _PERCENT.match(self.text, end)
        if percent is not None:
            return "%", start, percent.end()
        currency = _CURRENCY_BEFORE.search(self.text, max(0, start - 4), start)
        if currency is not None:
            code = mapping("currencies.txt").get(currency.group(0).strip().lower())
            if code is not None:
                return code, currency.start(), end
        after = self.currency_after(start, end)
        if after is not None:
            return after[0], start, after[1]
        what: str | None = None
        outcome = reading.outcome
        if reading.noun is not None:
            what, implied = noun_label(reading.noun)
            outcome = implied or outcome
        if what is None and outcome is not None:
            what = "people"
        if what is None:
            return None
        return (f"{what} {outcome}" if outcome else what), start, end


def extract_figures(
    sdoc: Any,
    document: Document,
    times: Sequence[TimeExpression],
    mentions: Sequence[Mention] | None = None,
) -> list[Figure]:
    """Every figure in the document, in text order. ``mentions`` saves finding them again
    when the caller has them already."""
    finder = _FigureFinder(sdoc, document, times, mentions)
    text = document.text
    numbers = [
        n
        for n in find_numbers(text)
        if not _overlaps(finder.time_starts, finder.time_ends, n.start, n.end)
    ]
    figures: list[Figure] = []
    k = 0
    while k < len(numbers):
        first = numbers[k]
        last, start, is_range = first, first.start, False
        if k + 1 < len(numbers) and is_score(text, first, numbers[k + 1]):
            k += 2
            continue
        begins = range_start(text, first)
        if begins is not None and k + 1 < len(numbers):
            between = begins != first.start
            if joins_range(text, first, numbers[k + 1], between):
                last, start, is_range = numbers[k + 1], begins, True
                k += 1
        k += 1
        figure = finder.figure(first, last, start, is_range)
        if figure is not None:
            figures.append(figure)
    return figures
