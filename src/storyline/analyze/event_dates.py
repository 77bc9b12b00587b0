"""An event's date from its words, with tense and aspect: the DATE time expression that dates
it, and whether the event is on that date or on or before it.

In order:
1. a date of the event's own clause wins: governed by the trigger (or by the verb it hangs
   from: "burst out of Gaza on October 7, killing ..."), on the noun a relative clause
   describes ("a truce in November in which 80 hostages were freed"), or on a clause the
   trigger is part of that is neither a report nor another event;
2. else the date of the reporting clause that governs it, its reference time ("Axios reported
   on Monday that Barnea had met Burns"): what a past perfect, a simple past or "earlier"
   tells of is on or before that date; what a progressive or present tense tells of is on it
   ("Hagari said on Tuesday that troops were expanding operations");
3. else none: the story dates it from its article's publication (resolve/corpus.py).
A date after "since", "until", "by" bounds the event and does not date it. A past perfect or
"earlier" dated by its own clause keeps that date: "had met in Cairo on Thursday" is Thursday;
one dated by a clause around it is on or before that clause's date ("Haniyeh, who earlier met
the minister, arrived on Wednesday").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.event_triggers import Trigger
from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.reporting import reporting_verbs
from storyline.analyze.syntax import Token, governing_verb
from storyline.model import TimeExpression

# A report's clause can sit under it or beside it: "X met Y, the source said".
_REPORT_DEPS = frozenset({"parataxis", "advcl", "ccomp"})


@dataclass(frozen=True)
class EventDate:
    expression: TimeExpression
    # On or before the expression's date (a reference time), rather than on it.
    by: bool = False


@dataclass(frozen=True)
class _Date:
    expression: TimeExpression
    root: Token
    governor: Token | None


def _bounds(span: Any) -> bool:
    """ "since October", "until Friday", "by March": the date bounds the event, not dates it
    (the preposition is the word before the expression, or its head)."""
    bounding = words("bounding_prepositions.txt")
    before = span.doc[span.start - 1] if span.start > 0 else None
    root = span.root
    return bool(
        (before is not None and before.lower_ in bounding)
        or (root.dep_ == "pobj" and root.head.lower_ in bounding)
    )


def _is_past_perfect(verb: Token) -> bool:
    """ "had met", "had been killed"."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" and c.tag_ == "VBD"
        for c in verb.children
    )


def _is_progressive_or_present(verb: Token) -> bool:
    """ "were expanding", "is threatening", "holds": the event goes on at its reference time."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    if verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxiliaries):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not auxiliaries


def _is_prior(verb: Token) -> bool:
    """The event is before its reference time: a past perfect or "earlier"."""
    prior = words("prior_adverbs.txt")
    if _is_past_perfect(verb):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in prior for c in verb.children)


class EventDater:
    """The dates of one document's events, from its DATE time expressions."""

    def __init__(self, sdoc: Any, times: Sequence[TimeExpression], quoted: QuotedText) -> None:
        self.quoted = quoted
        self.verbs = reporting_verbs()
        self.dates: list[_Date] = []
        for te in times:
            if te.type != "DATE":
                continue
            span = sdoc.char_span(te.evidence.start, te.evidence.end, alignment_mode="expand")
            if span is not None and len(span) and not _bounds(span):
                self.dates.append(_Date(te, span.root, governing_verb(span.root)))

    def date(self, trigger: Trigger, sentence: Any, triggers: set[int]) -> EventDate | None:
        here = [
            d
            for d in self.dates
            if sentence.start_char <= d.expression.evidence.start < sentence.end_char
            and not self.quoted.covers(d.expression.evidence.start)
        ]
        if not here:
            return None
        verb = trigger.token
        own = self._own(verb, here, triggers)
        if own is not None:
            # A date of the clause around it is the time that clause speaks of, before which
            # a past perfect or "earlier" puts the event.
            around = own.governor is not None and own.governor.i in self._clause_heads(verb)
            return EventDate(own.expression, by=around and _is_prior(verb))
        reference = self._reference(verb, here)
        if reference is None:
            return None
        return EventDate(reference.expression, by=not _is_progressive_or_present(verb))

    def _own(self, verb: Token, here: list[_Date], triggers: set[int]) -> _Date | None:
        def nearest(cands: list[_Date]) -> _Date | None:
            return min(cands, key=lambda d: abs(d.root.i - verb.i)) if cands else None

        found = nearest([d for d in here if d.governor is not None and d.governor.i == verb.i])
        if found is None and verb.dep_ in ("xcomp", "advcl"):
            head = verb.head.i
            found = nearest([d for d in here if d.governor is not None and d.governor.i == head])
        if found is None and verb.dep_ == "relcl":
            noun = verb.head
            found = nearest([d for d in here if noun.i in (d.root.i, d.root.head.head.i)])
        if found is None:
            # A date on a clause the trigger is part of, unless that clause is a report
            # ("Israel said on Saturday its spy chief had met ...") or another event. An
            # event told as prior ("who earlier met ..., arrived on Wednesday") takes the
            # other event's date as the time it came before.
            prior = _is_prior(verb)
            above = {
                a.i
                for a in verb.ancestors
                if (prior or a.i not in triggers) and a.lemma_.lower() not in self.verbs
            }
            found = nearest([d for d in here if d.governor is None or d.governor.i in above])
        return found

    @staticmethod
    def _clause_heads(verb: Token) -> set[int]:
        """The verbs of the clauses the trigger's clause is part of, less its own chain."""
        own = {verb.i}
        if verb.dep_ in ("xcomp", "advcl"):
            own.add(verb.head.i)
        return {a.i for a in verb.ancestors} - own

    def _reference(self, verb: Token, here: list[_Date]) -> _Date | None:
        """The date of the nearest reporting clause the event's clause is reported in."""
        reports = [a for a in verb.ancestors if a.lemma_.lower() in self.verbs]
        clause = verb
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        reports += [
            c for c in clause.children if c.dep_ in _REPORT_DEPS and c.lemma_.lower() in self.verbs
        ]
        for report in reports:
            dated = [d for d in here if d.governor is not None and d.governor.i == report.i]
            if dated:
                return min(dated, key=lambda d: abs(d.root.i - report.i))
        return None
