"""Dates the user knows: ``--anchor "Yahya Sinwar killed=2024-10-16"`` or a TOML file.

An anchor names an event in a few words and gives its date. A document whose sentence holds
all of the anchor's words (in any form of the same word group: "killed", "killing", "death")
reports that event, so it appeared on or after its date, unless the sentence looks ahead
("could be killed"). An anchor whose words say something began ("Gaza war began=2023-10-07")
also dates ages ("the five-month-old war"), like a start found in another document.

Anchor files hold either a table of ``"words" = "date"`` pairs, or ``[[anchor]]`` entries with
``event`` and ``date``::

    "Yahya Sinwar killed" = 2024-10-16

    [[anchor]]
    event = "Gaza war began"
    date = "2023-10-07"
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.model import Analysis, Document, Evidence, TimeExpression, evidence
from storyline.resolve.dating.clues import Clue, Findings, after
from storyline.resolve.dating.context import Mark, context_words
from storyline.resolve.dating.relative import relative
from storyline.resolve.dating.settings import settings
from storyline.timex.days import Span, value_span

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
ANCHOR_DOC = "anchor"


@dataclass(frozen=True)
class Anchor:
    words: str  # the event, as the user wrote it
    date: str  # ISO date at the precision given ("2024-10-16", "2024-10")

    @property
    def span(self) -> Span:
        span = value_span(self.date)
        assert span is not None
        return span

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(context_words(self.words))


def parse_anchor(text: str) -> Anchor:
    """ "Yahya Sinwar killed=2024-10-16" -> Anchor; ValueError when it is not one."""
    words, sep, date = text.rpartition("=")
    return make_anchor(words, date) if sep else make_anchor(text, "")


def make_anchor(words: object, date: object) -> Anchor:
    if isinstance(date, dt.date):
        date = date.isoformat()
    words_text = str(words).strip()
    date_text = str(date).strip()
    if not words_text:
        raise ValueError("an anchor needs words naming the event, e.g. 'Sinwar killed=2024-10-16'")
    if not re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", date_text):
        raise ValueError(f"anchor date must be YYYY-MM-DD, YYYY-MM or YYYY, got {date_text!r}")
    if value_span(date_text) is None:
        raise ValueError(f"no such date: {date_text}")
    if not context_words(words_text):
        raise ValueError(f"anchor {words_text!r} has no words that could identify an event")
    return Anchor(words_text, date_text)


def load_anchors(path: str | Path) -> list[Anchor]:
    """Anchors from a TOML file; ValueError (naming the file) when it cannot be read."""
    try:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read anchors from {path}: {exc}") from exc
    anchors = []
    entries: Any = raw.pop("anchor", [])
    if not isinstance(entries, list):
        raise ValueError(f"{path}: [[anchor]] entries must be a list")
    for entry in entries:
        if not isinstance(entry, dict) or "event" not in entry or "date" not in entry:
            raise ValueError(f"{path}: each [[anchor]] needs `event` and `date`")
        anchors.append(make_anchor(entry["event"], entry["date"]))
    for words, date in raw.items():
        anchors.append(make_anchor(words, date))
    return anchors


def anchor_marks(anchors: Sequence[Anchor]) -> list[Mark]:
    """Anchors as marks (of a pseudo-document), so that ages can find the starts they give."""
    marks = []
    for i, anchor in enumerate(anchors):
        doc = f"{ANCHOR_DOC}:{i}"
        ev = Evidence(doc=doc, start=0, end=len(anchor.words), text=anchor.words)
        te = TimeExpression(id=f"t:{doc}", type="DATE", value=anchor.date, anchor=None, evidence=ev)
        keys = anchor.keys
        marks.append(
            Mark(
                doc=doc,
                te=te,
                rel=relative(anchor.date, None),
                keys=keys,
                event=frozenset(),
                starts=bool(keys & {"begin"}) or "since" in anchor.words.lower(),
            )
        )
    return marks


def anchor_findings(
    document: Document,
    analysis: Analysis,
    marks: list[Mark],
    anchors: Iterable[Anchor],
    limits: Span,
) -> Findings:
    found = Findings()
    weight = settings().weights["anchor"]
    sentences = [(s.start, s.end) for s in analysis.sentences] or [(0, len(document.text))]
    for anchor in anchors:
        keys = anchor.keys
        for start, end in sentences:
            span = _matching_words(document.text, start, end, keys)
            if span is None or _looks_ahead(analysis, start, end):
                continue
            ev = evidence(document, *span)
            reason = f"reports '{anchor.words}', which the user dated {anchor.date}"
            allowed = after(anchor.span[0], limits)
            if allowed:
                found.clues.append(Clue(allowed, weight, reason, (ev,)))
            clue = _dated_expression(marks, start, end, anchor, limits, ev)
            if clue is not None:
                found.clues.append(clue)
            break
    return found


def _matching_words(
    text: str, start: int, end: int, keys: frozenset[str]
) -> tuple[int, int] | None:
    """Character span from the first to the last of the anchor's words in a sentence, when the
    sentence holds all of them; None otherwise."""
    positions: dict[str, tuple[int, int]] = {}
    for m in _WORD.finditer(text, start, end):
        for key in context_words(m.group()):
            if key in keys and key not in positions:
                positions[key] = (m.start(), m.end())
    if set(positions) != set(keys):
        return None
    first = min(a for a, _ in positions.values())
    last = max(b for _, b in positions.values())
    return first, last


def _looks_ahead(analysis: Analysis, start: int, end: int) -> bool:
    for ev in analysis.events:
        if any(start <= m.start < end for m in ev.mentions) and ev.mode != "asserted":
            return True
    return False


def _dated_expression(
    marks: list[Mark], start: int, end: int, anchor: Anchor, limits: Span, ev: Evidence
) -> Clue | None:
    """ "Sinwar was killed on Wednesday": the one relative expression in the sentence that
    reports the anchor's event is its date."""
    inside = [m for m in marks if start <= m.te.evidence.start < end and m.rel.depends_on_anchor]
    if len(inside) != 1:
        return None
    mark = inside[0]
    window = mark.rel.anchors_for(anchor.span, limits)
    if window is None:
        return None
    reason = f"'{mark.te.evidence.text}' is {anchor.date}, when '{anchor.words}' happened"
    weight = settings().weights["anchor"]
    return Clue((window,), weight, reason, (mark.te.evidence, ev))
