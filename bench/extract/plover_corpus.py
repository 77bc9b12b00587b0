"""The PLOVER gold-standard records (../shared/eval-data/plover-gsr): one sentence each, its
event type, source and target actors, and the spans its markup names.

The records use PLOVER draft 0.5b1 names; storyline uses the names POLECAT settled on, so the
gold type is mapped (DISAPPROVE and INVESTIGATE are ACCUSE, DEMAND is REQUEST, FIGHT is
ASSAULT: eval-data/README.md). The markup ("(SRC: Libya) has (EVT: offered) to ...") is
parsed back onto the sentence so each marked span has character offsets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.results import EVAL_DATA

DATA = EVAL_DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
DRAFT_NAMES = {
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "DEMAND": "REQUEST",
    "FIGHT": "ASSAULT",
}
_MARK = re.compile(r"\(([A-Z/]+): ([^()]*)\)")


@dataclass(frozen=True)
class Span:
    roles: frozenset[str]  # SRC, TAR, EVT, LOC
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldRecord:
    key: str  # a neutral id: the record ids carry their label
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    spans: tuple[Span, ...]

    def marked(self, role: str) -> list[Span]:
        return [s for s in self.spans if role in s.roles]


def available() -> bool:
    return DATA.is_file()


def parse_markup(markup: str) -> tuple[str, list[Span]]:
    """The plain sentence behind ``markup`` and its marked spans. Curly braces (the manual's
    sign for a whole-sentence example) are dropped."""
    markup = markup.strip().strip("{}").strip()
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(markup):
        before = markup[pos : m.start()]
        out.append(before)
        length += len(before)
        text = m.group(2)
        spans.append(Span(frozenset(m.group(1).split("/")), length, length + len(text), text))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(markup[pos:])
    return "".join(out), spans


def _actor_texts(field: object) -> tuple[str, ...]:
    if not isinstance(field, list):
        return ()
    return tuple(str(a["actorText"]) for a in field if isinstance(a, dict) and a.get("actorText"))


def records(path: Path = DATA) -> list[GoldRecord]:
    """The coded records in file order (the DOCUMENT header left out)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, r in enumerate(x for x in raw if x.get("event") != "DOCUMENT"):
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        plain, spans = parse_markup(markup)
        text = r["text"].strip()
        if plain != text:
            # The markup was typed by hand; where it does not give the sentence back its spans
            # are found by their words in the sentence instead.
            spans = _relocate(text, spans)
        out.append(
            GoldRecord(
                key=f"p{i:03d}",
                text=text,
                type=DRAFT_NAMES.get(r["event"], r["event"]),
                sources=_actor_texts(r.get("source")),
                targets=_actor_texts(r.get("target")),
                spans=tuple(spans),
            )
        )
    return out


def _relocate(text: str, spans: list[Span]) -> list[Span]:
    found = []
    for s in spans:
        at = text.find(s.text)
        if at >= 0:
            found.append(Span(s.roles, at, at + len(s.text), s.text))
    return found
