"""Time expressions of one parsed document, normalized against its date.

Candidates are the NER's DATE and TIME entities plus what the time grammar finds that the NER
misses ("yesterday (Friday)", "late on Tuesday", "five-month-old", "currently"); overlapping
candidates give way to the longest one that normalizes. Each is normalized against the
document's date, in the tense of the clause it sits in, so that "on Wednesday" in "met on
Wednesday" is the last Wednesday and in "will meet on Wednesday" the next one.

Expressions inside quotations are resolved against the document's date too; a quote reported
days later may mean another Wednesday (a later pass can re-resolve with the quote's date).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from storyline.model import Document, TimeExpression, evidence, span_id
from storyline.timex import Tense, Timex, anchor_date, find_candidates, normalize
from storyline.timex.candidates import longest_disjoint
from storyline.timex.lexicon import lexicon, person_nouns, tense_cues

TIME_LABELS = ("DATE", "TIME")
_AGE = re.compile(r"\bold\b", re.IGNORECASE)
# Edges the NER sometimes leaves on an entity that no time expression has.
_TRAILING = re.compile(r"(?:'s|’s|[\s,;:.!?\"”’)])+$")
_LEADING = re.compile(r"^[\s\"“‘(]+")


def extract_times(sdoc: Any, document: Document) -> list[TimeExpression]:
    """Every time expression in the document, normalized; value None when the words are a
    time expression but cannot be read ("Ramadan", "the Muslim fasting month")."""
    text = document.text
    if sdoc.text != text:
        raise ValueError("extract_times needs the parse of document.text itself")
    anchor = anchor_date(document)
    quarterly = _is_quarterly_report(sdoc)
    has_sentences = sdoc.has_annotation("SENT_START")
    found: list[TimeExpression] = []
    for start, end in candidate_spans(sdoc, text):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or _is_age(span):
            continue
        tense = clause_tense(span)
        timex = normalize(
            text[start:end],
            anchor,
            tense,
            granularity="quarter"
            if quarterly or (has_sentences and _mentions_quarter(span.sent))
            else None,
        )
        if timex is None and not _worth_keeping(span):
            continue
        if timex is not None and timex.type == "SET" and _describes_a_thing(span):
            continue
        found.append(_record(document, start, end, timex, span, tense))
    return found


def _record(
    document: Document, start: int, end: int, timex: Timex | None, span: Any, tense: Tense | None
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
    anchor = anchor_date(document) if timex.anchored else None
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
            spans.extend((start + a, start + b) for a, b in inside)
        else:
            spans.append(trimmed)
    spans.extend(grammar)
    return _merge(spans, text)


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
    signal = _signal_prefix().match(text, start, end)
    if signal is not None and signal.end() < end:
        start = signal.end()
    return (start, end) if start < end else None


@cache
def _signal_prefix() -> re.Pattern[str]:
    words = sorted(lexicon().signals, key=len, reverse=True)
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
    """An expression normalize cannot read is still kept when it has words ("Ramadan", "the
    Muslim fasting month"); a bare number the NER called a date ("44", "80486") or a lone
    adjective ("annual") is dropped."""
    if not any(c.isalpha() for c in span.text):
        return False
    return not (len(span) == 1 and span[0].pos_ not in ("NOUN", "PROPN"))


def _mentions_quarter(tokens: Any) -> bool:
    return any(t.lower_ in ("quarter", "quarterly") for t in tokens)


def _is_quarterly_report(sdoc: Any) -> bool:
    """A text that counts in quarters (an earnings report): its "a year earlier" is the same
    quarter a year before, not the year."""
    return sum(1 for t in sdoc if t.lower_ in ("quarter", "quarterly")) >= 2


def _describes_a_thing(span: Any) -> bool:
    """ "a quarterly dividend", "annual sales": a recurrence adjective describing a thing,
    which TimeML does not count as a time expression ("daily" it mostly does)."""
    return len(span) == 1 and span[0].pos_ == "ADJ" and not find_candidates(span.text)


def _is_age(span: Any) -> bool:
    """ "a 45-year-old man", "the 45-year-old said", "52 years old": an age. "the
    five-month-old war": not."""
    if not _AGE.search(span.text):
        return False
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return True
    if following.ent_type_ in ("PERSON", "NORP") or following.pos_ == "PROPN":
        return True  # "6-year-old Elian"
    # The noun the age describes may come after adjectives: "a 45-year-old Palestinian man".
    for token in doc[span.end : min(len(doc), span.end + 4)]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lemma_.lower() in person_nouns() or token.ent_type_ in ("PERSON", "NORP")
    return False


# --- tense --------------------------------------------------------------------------------


def clause_tense(span: Any) -> Tense | None:
    """The tense of the verb governing the span: past, present, future, or None (no verb, or
    a modal that leaves it open)."""
    token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and not _inside(token, span):
            return verb_tense(token)
        if token.head is token:
            break
        token = token.head
    return verb_tense(token) if token.pos_ in ("VERB", "AUX") else None


def _inside(token: Any, span: Any) -> bool:
    return bool(span.start <= token.i < span.end)


def verb_tense(verb: Any, depth: int = 0) -> Tense | None:
    """past for "met", "was killed", "has met"; future for "will meet", "could begin", "is set
    to vote"; present for "meets", "is meeting"."""
    cues = tense_cues()
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & cues.future_auxiliaries or verb.lemma_.lower() in cues.forward_verbs:
        return "future"
    if words & cues.open_modals:
        return None
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return "past"  # "has met", "have been searching since": the perfect looks back
    if "to" in words or verb.dep_ == "xcomp":
        head = verb.head
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
