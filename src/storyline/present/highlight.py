"""Cut a document's text into plain and highlighted pieces, one anchor per cited span.

The report shows each source's full text with every span the timeline, figures and quotes cite
marked, so a reader can jump from a claim to its words in context. Spans may overlap or nest;
the text is split at every span boundary and a piece is marked when any span covers it.
The pieces are plain strings: the template escapes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from storyline.model import Evidence

_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]")


def anchor(prefix: str, record_id: str) -> str:
    """An HTML id for a record: ids like "e:ab12" or "f:doc:3-9" become "e-ab12"."""
    return f"{prefix}-{_UNSAFE_ID_CHARS.sub('-', record_id)}"


def evidence_anchor(ev: Evidence) -> str:
    return anchor("ev", f"{ev.doc}-{ev.start}-{ev.end}")


@dataclass(frozen=True)
class Piece:
    text: str
    marked: bool
    anchors: list[str] = field(default_factory=list)  # ids placed where this piece starts


def pieces(text: str, spans: Iterable[Evidence]) -> list[Piece]:
    """The whole text as consecutive pieces; spans outside the text are clipped or dropped."""
    limit = len(text)
    clipped = {(max(0, ev.start), min(limit, ev.end), evidence_anchor(ev)) for ev in spans}
    valid = sorted((s, e, name) for s, e, name in clipped if s < e)
    cuts = sorted({0, limit, *(s for s, _, _ in valid), *(e for _, e, _ in valid)})
    anchors_at: dict[int, list[str]] = {}
    for start, _, name in valid:
        anchors_at.setdefault(start, []).append(name)
    return [
        Piece(
            text[left:right],
            marked=any(s <= left and right <= e for s, e, _ in valid),
            anchors=anchors_at.get(left, []),
        )
        for left, right in pairwise(cuts)
        if left < right
    ]
