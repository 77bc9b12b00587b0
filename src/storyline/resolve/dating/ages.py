"""Ages: "the five-month-old war", dated once the war's start is known from a fact ("the
conflict, which began on October 7, 2023") in this or another document, or from an anchor."""

from __future__ import annotations

import datetime as dt

from storyline.resolve.dating.clues import Clue, Findings, within
from storyline.resolve.dating.context import Mark
from storyline.resolve.dating.facts import Fact, FactIndex
from storyline.resolve.dating.links import show_span
from storyline.resolve.dating.settings import settings
from storyline.timex.days import Span, add_amount

# An age needs its noun and a start word next to the fact's date, and this much in all.
AGE_MIN = 1.0


def age_findings(marks: list[Mark], index: FactIndex, limits: Span) -> Findings:
    """ "the five-month-old war" with the war's start known from a fact."""
    found = Findings()
    s = settings()
    for mark in marks:
        if mark.age_of is None or mark.amount is None or mark.unit is None:
            continue
        best: tuple[float, Fact] | None = None
        for fact in index.candidates(mark, own=True):
            if not fact.mark.starts or mark.age_of not in fact.mark.keys:
                continue
            if fact.mark.rel.kind not in ("fixed", "step") and fact.published is None:
                continue  # a start only known through a document's inferred date
            if fact.mark.doc == mark.doc and fact.mark.rel.kind != "fixed":
                continue  # its own relative dates come from the date being worked out
            if fact.span[1] - fact.span[0] > dt.timedelta(days=31):
                continue
            score = index.overlap(mark.keys, fact.mark.keys)
            if score >= AGE_MIN * index.scale and (best is None or score > best[0]):
                best = (score, fact)
        if best is None:
            continue
        fact = best[1]
        low, high = _age_range(mark, s.age_slack)
        start = fact.span[0]
        window = (add_amount(start, low, mark.unit), add_amount(fact.span[1], high, mark.unit))
        spans = within([window], limits)
        if not spans:
            continue
        reason = (
            f"'{mark.te.evidence.text}' since the {mark.age_of} began on {show_span(fact.span)}"
        )
        weight = s.weights["age"]
        found.clues.append(Clue(spans, weight, reason, (mark.te.evidence, fact.mark.te.evidence)))
    return found


def _age_range(mark: Mark, slack: float) -> tuple[float, float]:
    """How long (in the mark's unit) the thing may have lasted at publication."""
    assert mark.amount is not None
    n = mark.amount
    mod = mark.te.mod or ""
    words = mark.te.evidence.text.lower()
    if mod in ("LESS_THAN", "EQUAL_OR_LESS") or words.startswith(("nearly", "almost")):
        return n - 1, n + slack
    if mod in ("MORE_THAN", "EQUAL_OR_MORE") or mark.beyond:
        return n, n + 1
    if mod == "APPROX":
        return max(0.0, n - 1), n + 1
    return n * (1 - slack), n + 1
