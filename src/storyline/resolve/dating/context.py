"""Each time expression with the context that identifies what it dates.

Two articles that say "on Wednesday" about the same visit share the words and actors around
it ("Haniyeh", "Egypt", "visit") and often the event the analysis found (a CONSULT between the
same actors). A ``Mark`` carries that context as a set of keys, so that cross-document dating
can find the same event in another document through an inverted index.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from storyline.model import Analysis, Document, TimeExpression
from storyline.resolve.dating.relative import Relative, relative
from storyline.resolve.dating.settings import cues, stopwords

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_DURATION = re.compile(r"P([0-9]+(?:\.[0-9]+)?)([YMWD])")
MIN_WORD = 4
# How far before a date its start word may be ("which began on", "since the outbreak in").
START_REACH = 40


@dataclass(frozen=True)
class Mark:
    doc: str
    te: TimeExpression
    rel: Relative
    keys: frozenset[str]  # context: words, entity ids ("e:..."), event type and actors
    event: frozenset[str]  # type and actors of the event this expression dates, if any
    starts: bool  # its sentence says something started then ("the war began on ...")
    age_of: str | None = None  # for a duration that is the age of something: that noun
    amount: float | None = None
    unit: str | None = None
    beyond: bool = False  # "has surpassed 10 weeks": at least that long


def context_words(text: str) -> set[str]:
    """Content words of a stretch of text, lowercased and folded to their group's word."""
    return {key for raw in _WORD.findall(text) if (key := _context_key(raw)) is not None}


@lru_cache(maxsize=1 << 16)
def _context_key(raw: str) -> str | None:
    """The context key of one word (None: too short or a stop word); cached, as the same
    words recur across a corpus."""
    word = raw.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    canonical = cues().canonical
    if word in canonical:
        return canonical[word]  # group words are kept however short ("war")
    if len(word) < MIN_WORD or word in stopwords():
        return None
    return canonical.get(_singular(word), _singular(word))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def document_marks(document: Document, analysis: Analysis) -> list[Mark]:
    sentences = [(s.start, s.end) for s in analysis.sentences] or [(0, len(document.text))]
    starts = [s for s, _ in sentences]
    entities_by_sentence: dict[int, set[str]] = {}
    for m in analysis.mentions:
        i = _sentence_of(starts, m.evidence.start)
        entities_by_sentence.setdefault(i, set()).add(m.entity)
    events_by_span: dict[tuple[int, int], set[str]] = {}
    for ev in analysis.events:
        if ev.date_evidence is None or ev.mode in ("negated", "hypothetical"):
            continue
        key = (ev.date_evidence.start, ev.date_evidence.end)
        actors = {a for a in (ev.source_actor, ev.target_actor, ev.location) if a}
        events_by_span.setdefault(key, set()).update({f"type:{ev.type}", *actors})
    words_by_sentence: dict[int, set[str]] = {}
    marks = []
    for te in analysis.times:
        i = _sentence_of(starts, te.evidence.start)
        start, end = sentences[i]
        sentence = document.text[start:end]
        if i not in words_by_sentence:
            words_by_sentence[i] = context_words(sentence)
        event = frozenset(events_by_span.get((te.evidence.start, te.evidence.end), set()))
        keys = frozenset(words_by_sentence[i] | entities_by_sentence.get(i, set()) | event)
        rel = relative(te.evidence.text, te.tense)
        amount, unit, age_of = _age(document.text, te, start)
        beyond = age_of is not None and _says_beyond(document.text, te, start)
        marks.append(
            Mark(
                doc=document.id,
                te=te,
                rel=rel,
                keys=keys,
                event=event,
                starts=_says_start(document.text, te, start, end),
                age_of=age_of,
                amount=amount,
                unit=unit,
                beyond=beyond,
            )
        )
    return marks


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


@cache
def _start_pattern() -> re.Pattern[str]:
    words = sorted(cues().start_words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _says_start(text: str, te: TimeExpression, start: int, end: int) -> bool:
    """ "The conflict, which began on October 7, 2023": a start word shortly before the
    date, in its sentence."""
    near = text[max(start, te.evidence.start - START_REACH) : te.evidence.start]
    return _start_pattern().search(near) is not None


@cache
def _beyond_pattern() -> re.Pattern[str]:
    words = sorted(cues().beyond_words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(r"\b(?:" + alternatives + r")\s+(?:the\s+)?$", re.IGNORECASE)


def _says_beyond(text: str, te: TimeExpression, sentence_start: int) -> bool:
    before = text[max(sentence_start, te.evidence.start - 30) : te.evidence.start]
    return _beyond_pattern().search(before) is not None


def _age(
    text: str, te: TimeExpression, sentence_start: int
) -> tuple[float | None, str | None, str | None]:
    """For a duration that gives something's age ("the five-month-old war", "the conflict,
    which has surpassed 10 weeks"): its length, unit and the noun; else Nones. A window up to
    now ("over the past 19 days") is not an age."""
    if te.type != "DURATION" or te.value is None:
        return None, None, None
    m = _DURATION.fullmatch(te.value)
    if m is None:
        return None, None, None
    c = cues()
    before = text[max(sentence_start, te.evidence.start - 60) : te.evidence.start]
    before_words = [w.lower() for w in _WORD.findall(before)]
    own_words = [w.lower() for w in _WORD.findall(te.evidence.text)]
    if any(w in c.window_words for w in own_words[:2]) or (
        before_words and before_words[-1] in c.window_words
    ):
        return None, None, None
    noun = None
    if te.evidence.text.lower().endswith(("-old", "-long", " old", " long")):
        after = _WORD.findall(text[te.evidence.end : te.evidence.end + 40])
        noun = _age_noun(after[:3])
    if noun is None:
        noun = _age_noun(before_words[-6:])
    if noun is None:
        return None, None, None
    return float(m.group(1)), m.group(2), noun


def _age_noun(words: Iterable[str]) -> str | None:
    c = cues()
    for word in words:
        w = word.lower()
        if w in c.age_nouns:
            return c.canonical.get(w, w)
    return None
