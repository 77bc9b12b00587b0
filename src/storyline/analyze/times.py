"""Time expressions of one parsed document, normalized against its date.

Candidates are the NER's DATE and TIME entities plus what the time grammar finds that the NER
misses ("yesterday (Friday)", "late on Tuesday", "five-month-old", "currently"); overlapping
candidates give way to the longest one that normalizes. Each is normalized against the
document's date, in the tense of the clause it sits in, so that "on Wednesday" in "met on
Wednesday" is the last Wednesday and in "will meet on Wednesday" the next one.

Anaphoric expressions ("the following year", "that day", "the previous Friday") count from
the latest date the text has named instead (timex/story_time.py). Extents follow TimeML: no
"about"/"only" in front (their mod is still read), no article borrowed from the noun the
expression describes ("the [third-quarter] loss"). A bare clock time ("at 10:35 a.m.") is on
the story's day; in an earnings report, a quarter named without its number ("the latest
period") is the fiscal quarter the report names (timex/reported_quarter.py).

Not every span the NER calls a date is a time expression: ages ("a 45-year-old man", "the
50-year-old alliance"), quoted titles ("This Week"), a part of the day naming a kind of thing
("a morning talk show") and unreadable spans without a word for a time ("Stauber") are dropped,
as TimeBank leaves them unmarked.

Expressions inside quotations are resolved against the document's date here too; a quote
spoken on another day ("'we sign on Wednesday,' he said on Monday") is re-resolved against that
day afterwards (analyze/quote_times.py), once the quotes and their reporting clauses are known.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from storyline.model import Document, TimeExpression, evidence, span_id
from storyline.timex import Tense, Timex, anchor_date, find_candidates, normalize
from storyline.timex.candidates import longest_disjoint
from storyline.timex.lexicon import event_nouns, lexicon, tense_cues, untimed_names
from storyline.timex.reported_quarter import ReportedQuarter
from storyline.timex.story_time import StoryTime

TIME_LABELS = ("DATE", "TIME")
_QUARTER = re.compile(r"\bquarter(?:ly)?\b", re.IGNORECASE)
_DECADE = re.compile(r"[0-9X]{3}")
# Edges the NER sometimes leaves on an entity that no time expression has.
_TRAILING = re.compile(r"(?:'s|’s|[\s,;:.!?\"”’')])+$")
_LEADING = re.compile(r"^[\s\"“‘(]+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_QUOTES = "\"'`“‘"
_CLOSING = re.compile(r"[.,!?]?[\"'”’]")
_WORD = re.compile(r"[^\W\d_]+")


def extract_times(sdoc: Any, document: Document) -> list[TimeExpression]:
    """Every time expression in the document, normalized; value None when the words are a
    time expression but cannot be read ("Ramadan", "the Muslim fasting month")."""
    text = document.text
    if not _parses(sdoc, text):
        raise ValueError("extract_times needs the parse of document.text itself")
    context = _Context.of(sdoc, text, anchor_date(document))
    story = StoryTime()
    reported = ReportedQuarter(context.anchor)
    found: list[TimeExpression] = []
    for start, end in candidate_spans(sdoc, text):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or _is_age(span) or _is_title(text, start, end) or _in_a_name(span):
            continue
        if _is_share(span):
            continue
        read_from = _qualifier_start(text, start)  # the article too: "a years-old slump"
        span = _without_borrowed_article(span)
        start = max(start, span.start_char)
        tense = clause_tense(span)
        granularity = context.granularity(span)
        timex = normalize(text[read_from:end], context.anchor, tense, granularity=granularity)
        resolved_on = context.anchor
        if timex is not None and timex.type == "DATE" and _ends_a_period(span):
            # "the year ended March 31": a year-long stretch, read without its article.
            stretch = normalize(_ARTICLE.sub("", text[start:end], count=1), context.anchor, tense)
            timex = stretch if stretch is not None and stretch.type == "DURATION" else timex
        in_story = story.resolve(text[read_from:end], tense, granularity)
        if in_story is not None:  # "the following year": after the year the text just named
            timex, resolved_on = in_story, story.date
        if in_story is None:  # "the latest period" of a report on a fiscal first quarter: Q1
            timex = reported.renumber(text[read_from:end], timex)
        if timex is None and not _worth_keeping(span):
            continue
        if timex is not None and timex.type == "DURATION" and _is_rate(span):
            timex = dataclasses.replace(timex, type="SET")  # "$500 million a year": per year
        if timex is not None and timex.type == "SET" and _describes_a_thing(span):
            continue
        if _names_a_kind(span):
            continue
        story.note(timex.value if timex is not None else None)
        reported.note(text[read_from:end], timex, text[end : end + 20])
        found.append(_record(document, start, end, timex, span, tense, resolved_on))
    return found


@dataclass(frozen=True)
class _Context:
    """What a document tells about all its expressions."""

    anchor: dt.date | None
    quarters: tuple[int, ...]  # where the text says "quarter"
    quarterly: bool  # a text that counts in quarters: an earnings report
    has_sentences: bool

    @classmethod
    def of(cls, sdoc: Any, text: str, anchor: dt.date | None) -> _Context:
        quarters = tuple(m.start() for m in _QUARTER.finditer(text))
        return cls(
            anchor=anchor,
            quarters=quarters,
            quarterly=len(quarters) >= 2,
            has_sentences=bool(quarters) and sdoc.has_annotation("SENT_START"),
        )

    def granularity(self, span: Any) -> str | None:
        """ "quarter" where the text counts in quarters: there "a year earlier" is the same
        quarter a year before, not the year."""
        if self.quarterly or (self.has_sentences and _mentions_quarter(span.sent, self.quarters)):
            return "quarter"
        return None


def _without_borrowed_article(span: Any) -> Any:
    """The span without its leading article when the article belongs to the noun the
    expression describes: "the [third-quarter] loss", "a [year-earlier] profit", "The [Aug. 7,
    1998], bombings". "the past 20 years", "the 1990s" keep theirs."""
    first = span[0]
    if len(span) < 2 or first.pos_ != "DET" or first.lower_ not in ("the", "a", "an"):
        return span
    root = span.root
    borrowed = first.head.i >= span.end or (
        root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end
    )
    return span[1:] if borrowed else span


def _ends_a_period(span: Any) -> bool:
    """ "the year ended March 31", "the six months ending June 30"."""
    doc = span.doc
    if span.end >= len(doc) or span[0].lower_ != "the":
        return False
    return bool(doc[span.end].lemma_.lower() in tense_cues().period_end_verbs)


def _qualifier_start(text: str, start: int) -> int:
    """Where a qualifier TimeML leaves out of the extent ("about [five hours]") starts, or
    start when there is none: the normalizer reads its mod."""
    found = _outside_before().search(text, max(0, start - 20), start)
    return found.start() if found is not None else start


@cache
def _outside_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().outside)
    return re.compile(rf"(?<![\w'])(?:{words})\s+$", re.IGNORECASE)


def _parses(sdoc: Any, text: str) -> bool:
    """Whether sdoc is the parse of text, checked at its ends: sdoc.text rebuilds the whole
    text from its tokens, which costs as much as the rest of extract_times."""
    if len(sdoc) == 0:
        return not text
    first, last = sdoc[0], sdoc[-1]
    return bool(
        text.startswith(first.text)
        and last.idx + len(last.text_with_ws) == len(text)
        and text.endswith(last.text_with_ws)
    )


def _record(
    document: Document,
    start: int,
    end: int,
    timex: Timex | None,
    span: Any,
    tense: Tense | None,
    resolved_on: dt.date | None,
) -> TimeExpression:
    if timex is None:
        kind = "TIME" if any(ent.label_ == "TIME" for ent in span.ents) else "DATE"
        return TimeExpression(
            id=span_id("t", document.id, start, end),
            type=kind,
            value=None,
            anchor=None,
            tense=tense,
            evidence=evidence(document, start, end),
        )
    anchor = resolved_on if timex.anchored else None
    return TimeExpression(
        id=span_id("t", document.id, start, end),
        type=timex.type,
        value=timex.value,
        anchor=anchor.isoformat() if anchor else None,
        mod=timex.mod,
        tense=tense,
        evidence=evidence(document, start, end),
    )


# --- candidates ---------------------------------------------------------------------------


def candidate_spans(sdoc: Any, text: str) -> list[tuple[int, int]]:
    """Character spans of time expressions: NER entities (split where they hold several
    expressions, dropped where they are ages of people) and grammar finds, merged so that of
    overlapping spans the longest one that normalizes wins."""
    grammar = find_candidates(text)
    spans: list[tuple[int, int]] = []
    for ent in sdoc.ents:
        if ent.label_ not in TIME_LABELS:
            continue
        trimmed = _trim(text, ent.start_char, ent.end_char)
        if trimmed is None:
            continue
        start, end = trimmed
        inside = find_candidates(text[start:end], every_rule=True)
        if len(inside) >= 2:  # "Thursday and Friday", "between 1994 and 1997": one each
            first = inside[0][0]
            if _ARTICLE.match(text[start : start + first]) and first:  # "the year" ended March 31
                inside[0] = (0, inside[0][1])
            spans.extend((start + a, start + b) for a, b in inside)
        else:
            spans.append(trimmed)
    spans.extend(grammar)
    spans.extend(_range_ends(spans, text))
    return _merge(spans, text)


# The year that closes a range opened by a found year: "from 2009 [to 2011]", "1994-[97]" is
# left to the NER. A bare year is searched for only here (alone, "2011" may be a count).
_YEAR = r"(?:1[89]|20)[0-9]{2}"
_RANGE_END = re.compile(rf"\s*(?:to|through|until|till|and|-|–)\s*({_YEAR})(?![\w,.][0-9])")


def _range_ends(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    found = []
    for start, end in spans:
        if not re.fullmatch(_YEAR, text[start:end]):
            continue
        m = _RANGE_END.match(text, end)
        if m is not None:
            found.append((m.start(1), m.end(1)))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Without the punctuation, possessive and leading preposition ("as early as Sunday") an
    NER span may carry: TimeML leaves those out of the expression."""
    piece = text[start:end]
    tail = _TRAILING.search(piece)
    if tail is not None:
        end -= len(tail.group())
    head = _LEADING.match(text, start, end)
    if head is not None:
        start = head.end()
    while True:  # "for only six months"; not "at" of "at least the first two quarters"
        signal = _signal_prefix().match(text, start, end)
        if signal is None or signal.end() >= end or _quantity_prefix().match(text, start, end):
            break
        start = signal.end()
    return (start, end) if start < end else None


@cache
def _quantity_prefix() -> re.Pattern[str]:
    """A quantity modifier that starts like a preposition: "at least", "at most"."""
    signals = set(lexicon().signals)
    words = [m for m in lexicon().quantity_mods if " " in m and m.split()[0] in signals]
    words.sort(key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s+", re.IGNORECASE)


@cache
def _signal_prefix() -> re.Pattern[str]:
    """A preposition or a qualifier TimeML leaves out of the extent ("about", "only")."""
    lex = lexicon()
    words = sorted((*lex.signals, *lex.outside), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s+", re.IGNORECASE)


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Of overlapping spans keep the longest that normalizes (the longest, if none does)."""
    unique = sorted(set(spans))
    readable = [s for s in unique if normalize(text[s[0] : s[1]], None) is not None]
    kept = longest_disjoint(readable)
    unreadable = [
        s for s in unique if s not in readable and all(s[1] <= a or s[0] >= b for a, b in kept)
    ]
    return sorted(kept + longest_disjoint(unreadable))


def _worth_keeping(span: Any) -> bool:
    """An expression normalize cannot read is still kept when it has a word for a time
    ("Ramadan", "the Muslim fasting month"); a bare number the NER called a date ("44",
    "80486"), a lone adjective ("annual"), a name ("Stauber") or a price is dropped."""
    if len(span) == 1 and span[0].pos_ not in ("NOUN", "PROPN"):
        return False
    return any(token.lower_ in _time_words() for token in span)


@cache
def _time_words() -> frozenset[str]:
    """Every word of the time lexicons, and the names of times they cannot date."""
    lex = lexicon()
    phrases = [
        *lex.units,
        *lex.months,
        *lex.weekdays,
        *lex.seasons,
        *lex.holidays,
        *lex.parts_of_day,
        *lex.relative_days,
        *lex.relative_phrases,
        *lex.references,
        *lex.set_words,
        *lex.decade_words,
        *lex.clock_words,
    ]
    return frozenset(word for phrase in phrases for word in phrase.split()) | untimed_names()


def _mentions_quarter(sentence: Any, quarters: tuple[int, ...]) -> bool:
    """Whether the sentence says "quarter" (`quarters`: where the text says it)."""
    return any(sentence.start_char <= q < sentence.end_char for q in quarters)


def _describes_a_thing(span: Any) -> bool:
    """ "a quarterly dividend", "annual sales", "rise 8.5% annually": a one-word recurrence
    the grammar does not search for, which TimeBank rarely marks (annually 1 time in 5,
    quarterly 1 in 7); "daily" and "weekly", which it mostly marks, are searched for."""
    return len(span) == 1 and not find_candidates(span.text)


def _names_a_kind(span: Any) -> bool:
    """ "a morning talk show", "the evening news": a part of the day describing a noun says
    what kind of thing it is, not when anything happened; "Good evening" greets."""
    if len(span) != 1 or span[0].lower_ not in lexicon().parts_of_day:
        return False
    token = span[0]  # only a noun: the adjective of "overnight losses" dates them
    if token.i > 0 and token.nbor(-1).lower_ == "good":
        return True
    return bool(
        token.pos_ == "NOUN"
        and token.dep_ in ("compound", "nmod")
        and token.head.i > token.i
        and token.head.pos_ == "NOUN"
    )


def _is_title(text: str, start: int, end: int) -> bool:
    """ "ABC's ``This Week''", "CBS's "60 Minutes"": a quoted title in title case, the name of
    a show or a book, not a time. It has two words or more (a quoted "Now," is a quotation),
    all capitalised, one of them a word written in lower case in running text (a unit,
    "this"), which a quoted "Tuesday" is not."""
    if start == 0 or text[start - 1] not in _QUOTES or not _CLOSING.match(text, end):
        return False
    if len(text[start:end].split()) < 2:
        return False
    words = _WORD.findall(text, start, end)
    names = _name_words()
    return (
        bool(words)
        and all(w[0].isupper() for w in words)
        and any(w.lower() not in names for w in words)
    )


def _in_a_name(span: Any) -> bool:
    """ "USA Today", "VOA Today": a word written in lower case in running text, capitalised
    after a capitalised word in mid-sentence, ends a name. ("Clinton Tuesday signed" keeps its
    Tuesday: weekday names are capitalised anyway.) "the March for Life", "the March of the
    Mothers": a month's name starting one."""
    if len(span) != 1 or span.start == 0:
        return False
    word, before = span[0], span.doc[span.start - 1]
    if word.lower_ in lexicon().months:
        return _starts_a_name(span)
    return bool(
        not word.is_sent_start
        and word.text[:1].isupper()
        and word.lower_ not in _name_words()
        and before.text[:1].isupper()
        and before.is_alpha
    )


def _starts_a_name(span: Any) -> bool:
    """A lone month name followed by "of"/"for"/"on" and a capitalised word that is no
    calendar name ("March on Washington"; not "May to September")."""
    doc = span.doc
    following = doc[span.end : span.end + 3]
    if len(following) < 2 or following[0].lower_ not in ("of", "for", "on"):
        return False
    name = following[1] if following[1].lower_ != "the" or len(following) < 3 else following[2]
    return bool(name.text[:1].isupper() and name.lower_ not in _name_words())


@cache
def _name_words() -> frozenset[str]:
    """Words written with a capital anywhere: month, weekday and holiday names."""
    lex = lexicon()
    phrases = [*lex.months, *lex.weekdays, *lex.holidays]
    return frozenset(word for phrase in phrases for word in phrase.split())


def _is_age(span: Any) -> bool:
    """ "a 45-year-old man", "the 45-year-old said", "52 years old", "the 50-year-old
    alliance", "in his 30s": an age, which TimeBank does not mark (none of 28). "the
    five-month-old war", "an 8-month-old truce": how long an event has gone on, a duration."""
    if span.start > 0 and span.doc[span.start - 1].tag_ == "PRP$" and _names_a_decade(span):
        return True  # "in his 30s", "in her early forties"
    if [t.lower_ for t in span[:3]] in (["the", "age", "of"], ["age", "of"]):
        return True  # "retired at the age of 56"
    old = next((t for t in span if t.lower_ == "old"), None) or _old_after(span)
    if old is None:
        return False
    described = _described_noun(old)
    return described is None or described.lemma_.lower() not in event_nouns()


def _is_share(span: Any) -> bool:
    """ "a quarter of its dealers", "three quarters of the vote": a share of something, not a
    time; "a quarter of a century" is one."""
    words = [token.lower_ for token in span]
    if words not in (["a", "quarter"], ["one", "quarter"], ["three", "quarters"]):
        return False
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    if doc[span.end + 1].pos_ not in ("DET", "PRON"):  # "of its dealers", "of the vote"
        return False
    following = doc[span.end + 1 : span.end + 4]
    return not any(token.lower_ in lexicon().units for token in following)


def _is_rate(span: Any) -> bool:
    """ "$500 million a year", "four flights a week": the unit of a rate after an amount, a set
    (TimeBank marks it so when it marks it); not "for a year", "in a week"."""
    if len(span) != 2 or span[0].lower_ not in ("a", "an", "per"):
        return False
    if span[1].lower_ not in lexicon().units or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.pos_ in ("NOUN", "NUM", "SYM") or before.tag_ in ("CD", "NNS", "$")


def _names_a_decade(span: Any) -> bool:
    timex = normalize(span.text, None)
    return timex is not None and _DECADE.fullmatch(timex.value) is not None


def _old_after(span: Any) -> Any:
    """The "old" the NER left out of the span: "this [6-year]-old"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in ("old", "-"):
        return None  # the common case, without slicing the doc
    after = [t.lower_ for t in doc[span.end : min(len(doc), span.end + 2)]]
    if after[:1] == ["old"]:
        return doc[span.end]
    if after == ["-", "old"]:
        return doc[span.end + 1]
    return None


def _described_noun(old: Any) -> Any:
    """The noun an "N-year-old" describes, past compounds and adjectives ("a 52-year-old
    obstetrician-gynecologist", "the 5-month-old Israeli offensive"), or None."""
    if old.dep_ == "amod" and old.head.i > old.i and old.head.pos_ in ("NOUN", "PROPN"):
        return old.head
    doc = old.doc
    for token in doc[old.i + 1 : min(len(doc), old.i + 5)]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        if token.pos_ not in ("ADJ", "PUNCT", "NUM", "ADV") or token.is_sent_start:
            break
    return None


# --- tense --------------------------------------------------------------------------------


def clause_tense(span: Any) -> Tense | None:
    """The tense of the verb governing the span: past, present, future, or None (no verb, or
    a modal that leaves it open). A date right after "effective" is future whatever the verb."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in tense_cues().forward_signals:
        return "future"
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and not _inside(token, span):
            return verb_tense(token, expression=span[0])
        if token.head is token:
            break
        token = token.head
    return verb_tense(token) if token.pos_ in ("VERB", "AUX") else None


def _inside(token: Any, span: Any) -> bool:
    return bool(span.start <= token.i < span.end)


def _pluperfect(token: Any) -> bool:
    """ "had been scheduled", "had been due": "had" among the token's auxiliaries."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" and c.tag_ == "VBD"
        for c in token.children
    )


def verb_tense(verb: Any, depth: int = 0, expression: Any = None) -> Tense | None:
    """past for "met", "was killed", "has met"; future for "will meet", "could begin", "is set
    to vote"; present for "meets", "is meeting"."""
    cues = tense_cues()
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & (cues.future_auxiliaries | cues.future_in_past_auxiliaries):
        return "future"
    if verb.lemma_.lower() in cues.forward_verbs and (expression is None or expression.i > verb.i):
        # "planned a rally on Saturday": the rally's day; "On Friday, it planned": the plan's
        return "future"
    if words & cues.open_modals:
        return None
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return "past"  # "has met", "have been searching since": the perfect looks back
    if "to" in words or verb.dep_ == "xcomp":
        head = verb.head
        # The plan's own verb, or the verb it hangs from ("had been due": "due" -> "been").
        governors = [head, head.head] if head.dep_ in ("acomp", "attr") else [head]
        if head is not verb and any(_pluperfect(g) for g in governors):
            return "past"  # "had been due to expire Friday": a plan that lay in the past
        if head.lemma_.lower() in cues.future_governors:
            return "future"
        if head is not verb and depth < 4 and head.pos_ in ("VERB", "AUX"):
            return verb_tense(head, depth + 1)
    if any(a.tag_ == "VBD" for a in auxiliaries) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        # "is expected on Wednesday" looks ahead; "is held", "has met" do not.
        if any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
            return "future" if verb.lemma_.lower() in cues.future_governors else "present"
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    return None
