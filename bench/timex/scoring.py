"""TempEval-3 Task A (time expressions) scoring, re-implemented from the official definition
(UzZaman et al. 2013; TE3-evaluation.py / evaluate_entities.py).

- strict match: same character span; relaxed match: the spans overlap. Expressions are aligned
  one to one, the pairs that overlap most first (an exact match before a longer span).
- precision = matched system expressions / system expressions; recall = matched gold
  expressions / gold expressions, for strict and relaxed matches.
- type and value accuracy: over relaxed-matched pairs, the share whose attribute is equal
  (values compared as strings, as the official scorer does).
- value F1 (the ranking metric) and type F1: F1 where a pair counts only if it is a relaxed match
  AND the attribute is correct: P = correct / system, R = correct / gold.

Pure functions: the benchmark (bench/timex/tempeval.py) and the test of the scorer both use them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    pairs: list[tuple[Timex, Timex]] = field(default_factory=list)
    missed: list[Timex] = field(default_factory=list)
    spurious: list[Timex] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct
        self.pairs.extend(other.pairs)
        self.missed.extend(other.missed)
        self.spurious.extend(other.spurious)


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def align(gold: Sequence[Timex], system: Sequence[Timex]) -> Tally:
    """Pair gold and system expressions one to one, the most overlapping pairs first (an exact
    match before a longer span with the same overlap)."""
    tally = Tally(gold=len(gold), system=len(system))
    candidates: list[tuple[int, int, int, int]] = []  # (-overlap, extra length, gold, system)
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = _overlap(g, s)
            if overlap > 0:
                extra = (s.end - s.start) + (g.end - g.start) - 2 * overlap
                candidates.append((-overlap, extra, gi, si))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, _, gi, si in sorted(candidates):
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        g, s = gold[gi], system[si]
        tally.relaxed += 1
        tally.pairs.append((g, s))
        if (g.start, g.end) == (s.start, s.end):
            tally.strict += 1
        if g.type == s.type:
            tally.type_correct += 1
        if g.value is not None and g.value == s.value:
            tally.value_correct += 1
    tally.pairs.sort(key=lambda pair: pair[0].start)
    tally.missed = [g for i, g in enumerate(gold) if i not in used_gold]
    tally.spurious = [s for i, s in enumerate(system) if i not in used_system]
    return tally


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def metrics(tally: Tally) -> dict[str, float]:
    """Percentages, as TempEval-3 reports them."""
    out: dict[str, float] = {}
    for name, correct in (
        ("strict", tally.strict),
        ("relaxed", tally.relaxed),
        ("type", tally.type_correct),
        ("value", tally.value_correct),
    ):
        p, r, f = prf(correct, tally.system, tally.gold)
        out[f"{name}_p"] = round(100 * p, 2)
        out[f"{name}_r"] = round(100 * r, 2)
        out[f"{name}_f1"] = round(100 * f, 2)
    matched = tally.relaxed
    out["type_accuracy"] = round(100 * tally.type_correct / matched, 2) if matched else 0.0
    out["value_accuracy"] = round(100 * tally.value_correct / matched, 2) if matched else 0.0
    return out


# --- reading TimeML -------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_:]+)="([^"]*)"')


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    dct: str | None  # the document creation time, YYYY-MM-DD
    text: str  # the content of <TEXT>, tags removed, entities decoded
    timexes: tuple[Timex, ...]


def parse_timeml(name: str, xml: str) -> TimeMLDocument:
    """The raw text of <TEXT> with the character span, type and value of every TIMEX3 in it."""
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", xml)
    dct = None
    if dct_match is not None:
        value = dict(_ATTRIBUTE.findall(dct_match.group(1))).get("value", "")
        dct = value[:10] if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.DOTALL)
    inner = body.group(1) if body else ""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(inner):
        chunk = html.unescape(inner[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name_, attributes = tag.group(1), tag.group(2), tag.group(3)
        if name_ != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value"), text))
            open_timex = None
    pieces.append(html.unescape(inner[position:]))
    return TimeMLDocument(name=name, dct=dct, text="".join(pieces), timexes=tuple(timexes))


def score(documents: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> Tally:
    """Sum the alignment of (gold, system) per document."""
    total = Tally()
    for gold, system in documents:
        total.add(align(gold, system))
    return total
