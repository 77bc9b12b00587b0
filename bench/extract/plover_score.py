"""Scores for events against the PLOVER gold records: type accuracy and macro-F1, and whether
the source and target actors name the gold actors (exact text, or a shared word).

Each gold record is one sentence with one coded event. The system's event for it is the first
(in text order) whose trigger overlaps a word the markup marks as the event, else the first
event the system found in the sentence; a sentence with no event is the type "NONE". The
alignment is the usual one for event-coder evaluation: it asks whether the event the coder
meant was typed right, not which of a sentence's events a system lists first. The unaligned
figure (first event only) is reported beside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.extract.plover_corpus import GoldRecord

NONE = "NONE"
_WORD = re.compile(r"[A-Za-z0-9]+")
# Words that say nothing about which actor is meant.
_FILLER = frozenset({"the", "a", "an", "of", "and", "its", "their", "his", "her", "s"})


@dataclass(frozen=True)
class SystemEvent:
    type: str
    trigger: tuple[int, int]
    source: str | None = None  # the text of the span naming the source actor
    target: str | None = None


@dataclass
class Scores:
    n: int = 0
    correct: int = 0
    first_correct: int = 0
    found: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    source: Counter[str] = field(default_factory=Counter)  # gold, exact, overlap
    target: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, object]:
        def pct(a: int, b: int) -> float:
            return round(100 * a / b, 2) if b else 0.0

        return {
            "records": self.n,
            "type_accuracy": pct(self.correct, self.n),
            "type_accuracy_first_event": pct(self.first_correct, self.n),
            "type_macro_f1": macro_f1(self.confusion),
            "sentences_with_an_event": pct(self.found, self.n),
            "source_exact": pct(self.source["exact"], self.source["gold"]),
            "source_overlap": pct(self.source["overlap"], self.source["gold"]),
            "target_exact": pct(self.target["exact"], self.target["gold"]),
            "target_overlap": pct(self.target["overlap"], self.target["gold"]),
        }


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _FILLER


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text) if w.lower() not in ("the",))


def actor_match(predicted: str | None, gold: Sequence[str]) -> tuple[bool, bool]:
    """(exact, overlap): the predicted span is one of the gold actors' texts, or shares a
    content word with one."""
    if not predicted or not gold:
        return False, False
    exact = any(_norm(predicted) == _norm(g) for g in gold)
    overlap = exact or any(_words(predicted) & _words(g) for g in gold)
    return exact, overlap


def chosen(record: GoldRecord, events: Sequence[SystemEvent]) -> SystemEvent | None:
    marked = [(s.start, s.end) for s in record.marked("EVT")]
    ordered = sorted(events, key=lambda e: e.trigger)
    for event in ordered:
        start, end = event.trigger
        if any(start < m_end and m_start < end for m_start, m_end in marked):
            return event
    return ordered[0] if ordered else None


def macro_f1(confusion: Counter[tuple[str, str]]) -> float:
    """Mean F1 over the gold types (NONE, the missed sentence, is never a class of its own)."""
    gold_types = {g for g, _ in confusion}
    f1s = []
    for t in sorted(gold_types):
        tp = confusion[(t, t)]
        fp = sum(n for (g, p), n in confusion.items() if p == t and g != t)
        fn = sum(n for (g, p), n in confusion.items() if g == t and p != t)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(100 * sum(f1s) / len(f1s), 2) if f1s else 0.0


def score(records: Sequence[GoldRecord], predicted: dict[str, list[SystemEvent]]) -> Scores:
    out = Scores()
    for record in records:
        events = predicted.get(record.key, [])
        event = chosen(record, events)
        first = min(events, key=lambda e: e.trigger) if events else None
        kind = event.type if event else NONE
        out.n += 1
        out.found += bool(events)
        out.correct += kind == record.type
        out.first_correct += (first.type if first else NONE) == record.type
        out.confusion[(record.type, kind)] += 1
        for gold, got, tally in (
            (record.sources, event.source if event else None, out.source),
            (record.targets, event.target if event else None, out.target),
        ):
            if not gold:
                continue
            tally["gold"] += 1
            exact, overlap = actor_match(got, gold)
            tally["exact"] += exact
            tally["overlap"] += overlap
    return out
