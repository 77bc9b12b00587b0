"""Publication dates of undated documents, from their own text and from the corpus.

For each document without a publication day (no metadata, no date line), dating gathers clues
(days the article can have appeared on) and leans (days it more likely appeared on):

- its own time expressions (text.py; those inside a quote said on a day of its own
  count from that day, not from publication), a wire dateline without a year
  (dateline.py) and holidays (holidays.py);
- dates the user gave as anchors (anchors.py);
- other documents reporting the same events (links.py): their dated expressions, and
  the relative ones of documents whose day is known; ages of things whose start is known;
  documents with the same content lean towards their own days;
- the corpus itself (period.py): its dated documents' period, which picks the year a
  year-less day leaves open, and the weekdays its outlets publish on.

The clues are weighed (solve.py) into an interval {earliest, latest, best} with the
evidence that decided it. Documents dated this way become sources for the others, and the
documents they lend to are judged again, until nothing changes (a few rounds). Dates from
metadata or a date line are never changed. A full inference recomputes every inferred date
from scratch; an update (``run(changed=...)``) judges only the documents that changed and those
that report the same events, the others keeping the dates an earlier inference gave them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

from storyline.model import KNOWN_BASES, Analysis, DateInterval, Document, Evidence
from storyline.resolve.dating.ages import age_findings
from storyline.resolve.dating.anchors import Anchor, anchor_findings, anchor_marks
from storyline.resolve.dating.clues import Clue, Findings, Lean
from storyline.resolve.dating.context import context_words, document_marks
from storyline.resolve.dating.dateline import dateline_findings
from storyline.resolve.dating.facts import FactIndex
from storyline.resolve.dating.holidays import holiday_findings
from storyline.resolve.dating.links import link_findings
from storyline.resolve.dating.neighbours import calibrate_strength, neighbour_lean
from storyline.resolve.dating.period import corpus_period, period_lean, weekday_lean
from storyline.resolve.dating.readers import Readers
from storyline.resolve.dating.solve import Verdict, solve
from storyline.resolve.dating.text import text_findings
from storyline.timex.days import Span, day_of, value_span

# The earliest publication day dating considers at all.
FIRST_DAY = dt.date(1900, 1, 1)
ROUNDS = 4
# A document dated to within this many days lends its relative expressions to others.
LENDING_WIDTH = 62
MAX_EVIDENCE = 8


@dataclass(frozen=True)
class DocumentDate:
    """An inferred publication date, with the evidence and reasons for it."""

    published: DateInterval
    evidence: list[Evidence]
    reasons: list[str]
    best_day: dt.date | None

    @property
    def day(self) -> dt.date | None:
        """The publication day, when the evidence singles one out."""
        return day_of(self.published.best)


def known_day(document: Document) -> dt.date | None:
    """A publication day from metadata or the text itself (never an inferred one)."""
    if document.published_basis not in KNOWN_BASES:
        return None
    published = document.published
    if isinstance(published, DateInterval):
        published = published.best
    span = value_span(published) if published else None
    return span[0] if span is not None and span[0] == span[1] else None


def needs_dating(document: Document) -> bool:
    return document.published is None or document.published_basis == "inferred"


class DateInference:
    """Dating over one corpus: documents, their analyses, the user's anchors."""

    def __init__(
        self,
        documents: Sequence[Document],
        analyses: Sequence[Analysis],
        anchors: Sequence[Anchor] = (),
        *,
        today: dt.date | None = None,
        corpus: bool = True,
    ) -> None:
        self.limits: Span = (FIRST_DAY, today or dt.date.today())
        self.anchors = list(anchors)
        self.corpus = corpus
        by_id = {a.doc: a for a in analyses}
        self.documents = {d.id: d for d in documents if d.id in by_id}
        self.analyses = {d: by_id[d] for d in self.documents}
        self.marks = {d: document_marks(doc, by_id[d]) for d, doc in self.documents.items()}
        self.index = FactIndex()
        for doc_id, doc in self.documents.items():
            self.index.observe(doc_id, _document_keys(doc, self.analyses[doc_id]))
        for doc_id, doc in self.documents.items():
            day = known_day(doc)
            self.index.add_facts(self.marks[doc_id], day, None)
            if day is not None:
                self.index.set_day(doc_id, day)
        self.index.add_facts(anchor_marks(self.anchors), None, None)
        period = corpus_period(self.index.doc_day.values())
        self.period_lean = period_lean(period) if period is not None and corpus else None
        self.weekday_lean = weekday_lean(self.index.doc_day.values()) if corpus else None
        self._own: dict[str, Findings] = {}
        self.judged: set[str] = set()
        self._lending: dict[str, tuple[dt.date, Span] | None] = {}

    @cached_property
    def neighbour_strength(self) -> float:
        """The neighbour lean's weight, measured on this corpus's dated documents when a
        document is first dated (not when nothing needs dating)."""
        return calibrate_strength(self.index) if self.corpus else 1.0

    def own_findings(self, doc_id: str) -> Findings:
        """What the document's own text and the anchors say (computed once)."""
        if doc_id not in self._own:
            doc, analysis, marks = self.documents[doc_id], self.analyses[doc_id], self.marks[doc_id]
            found = text_findings(doc, analysis, self.limits)
            found.extend(holiday_findings(doc, analysis, marks, self.limits))
            found.extend(dateline_findings(doc, analysis))
            found.extend(anchor_findings(doc, analysis, marks, self.anchors, self.limits))
            self._own[doc_id] = found
        return self._own[doc_id]

    def verdict(self, doc_id: str) -> Verdict | None:
        """The document's date from everything known now (its own facts excluded)."""
        found = Findings()
        found.extend(self.own_findings(doc_id))
        marks = self.marks[doc_id]
        found.extend(age_findings(marks, self.index, self.limits))
        if self.corpus:
            found.extend(link_findings(marks, self.index, self.limits))
            lean = neighbour_lean(doc_id, self.index, self.neighbour_strength)
            if lean is not None:
                found.leans.append(lean)
            for prior in (self.period_lean, self.weekday_lean):
                if prior is not None:
                    found.leans.append(prior)
        return solve(found, self.limits)

    def run(self, changed: Collection[str] | None = None) -> dict[str, DocumentDate]:
        """Date the documents that need it, in rounds until the dates stop changing. Each
        round after the first re-judges only the documents that read the facts of those whose
        dates moved (readers.py), which gives the same dates as re-judging all of them.

        ``changed`` (an update of a story dated before): only the documents in it and those
        that read their facts are judged at first; the others keep their stored inferred
        dates, which they lend as they are. Documents judged are in ``self.judged``."""
        todo = {d for d, doc in self.documents.items() if needs_dating(doc)}
        readers = Readers(self.marks, self.index, todo)
        if changed is None:
            stale = set(todo)
        else:
            for d in sorted(todo - set(changed)):
                self._lend(d, _stored_lending(self.documents[d]))
            stale = (set(changed) | readers.of(changed, new=True)) & todo
        verdicts: dict[str, Verdict | None] = {}
        for _ in range(ROUNDS if self.corpus else 1):
            if not stale:
                break
            fresh = {d: self.verdict(d) for d in sorted(stale)}
            verdicts.update(fresh)
            moved = {d for d, v in fresh.items() if _lent(v) != self._lending.get(d)}
            for d in sorted(moved):
                self._lend(d, _lent(fresh[d]))
            stale = readers.of(moved) & todo
        self.judged = set(verdicts)
        return {d: self.document_date(v) for d, v in verdicts.items() if v is not None}

    def _lend(self, doc_id: str, lent: tuple[dt.date, Span] | None) -> None:
        """Replace the facts a document lends others by those of its (new) date."""
        self._lending[doc_id] = lent
        self.index.drop_doc(doc_id)
        if lent is None:
            self.index.add_facts(self.marks[doc_id], None, None)
        else:
            self.index.add_facts(self.marks[doc_id], lent[0], lent[1])

    def document_date(self, verdict: Verdict) -> DocumentDate:
        evidence: list[Evidence] = []
        reasons: list[str] = []
        items: list[Clue | Lean] = [*verdict.clues, *verdict.leans]
        for item in items:
            if item.reason not in reasons:  # a link's clue and its lean say the same thing
                reasons.append(item.reason)
            for ev in item.evidence:
                if ev.doc in self.documents and ev not in evidence:
                    evidence.append(ev)
        published = DateInterval(
            earliest=verdict.earliest.isoformat(),
            latest=verdict.latest.isoformat(),
            best=verdict.best,
        )
        return DocumentDate(published, evidence[:MAX_EVIDENCE], reasons, verdict.best_day)


def _lent(verdict: Verdict | None) -> tuple[dt.date, Span] | None:
    """What a dated document lends others: its best day and interval, when narrow enough."""
    if verdict is None:
        return None
    return _lending(verdict.best_day, verdict.earliest, verdict.latest)


def _stored_lending(document: Document) -> tuple[dt.date, Span] | None:
    """What a document dated by an earlier inference lends, from its stored interval (its
    best day only when the interval names one)."""
    published = document.published
    if document.published_basis != "inferred" or not isinstance(published, DateInterval):
        return None
    first, last = day_of(published.earliest), day_of(published.latest)
    if first is None or last is None:
        return None
    return _lending(day_of(published.best), first, last)


def _lending(
    best: dt.date | None, earliest: dt.date, latest: dt.date
) -> tuple[dt.date, Span] | None:
    """A best day and its interval, lent only when the interval is narrow enough."""
    if best is None or (latest - earliest).days + 1 > LENDING_WIDTH:
        return None
    return best, (earliest, latest)


def _document_keys(document: Document, analysis: Analysis) -> set[str]:
    keys = context_words(document.text)
    keys.update(m.entity for m in analysis.mentions)
    for ev in analysis.events:
        keys.add(f"type:{ev.type}")
        keys.update(a for a in (ev.source_actor, ev.target_actor, ev.location) if a)
    return keys
