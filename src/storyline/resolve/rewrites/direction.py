"""Which of two documents that share their copy is the retelling.

In order, the first sign that decides:
1. one was published on a later day: copy flows forward in time;
2. one names the other's outlet as a source ("With AFP", "told Reuters", "according to AFP")
   and not the reverse: it retells that outlet's copy (on its own this is a weaker sign: an
   article whose outlet is unknown may name its own outlet, "told CNN" in CNN's copy);
3. more of one is shared: a retelling is mostly the original's sentences, while the original
   has more of its own;
4. nothing tells them apart: the later id, so that reruns agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.model import Document, SourceCredit
from storyline.resolve.outlets import outlet_key


@dataclass(frozen=True)
class Side:
    doc: Document
    day: dt.date | None
    outlets: frozenset[str]  # the outlet it is and the wires its copy is credited to
    draws_on: frozenset[str]  # every outlet it credits, was told of or cites
    share: float  # share of its compared sentences found in the other
    names: dict[str, str]  # outlet key -> the name as written, for the reason shown


def side(doc: Document, day: dt.date | None, credits: Iterable[SourceCredit], share: float) -> Side:
    credits = list(credits)
    named = [doc.outlet] if doc.outlet else []
    named += [c.outlet for c in credits if c.outlet]
    names = {outlet_key(n): n for n in named}
    own = {outlet_key(doc.outlet)} if doc.outlet else set()
    wires = {outlet_key(c.outlet) for c in credits if c.outlet and c.role == "wire"}
    named_any = {outlet_key(c.outlet) for c in credits if c.outlet}
    return Side(doc, day, frozenset(own | wires), frozenset(named_any), share, names)


def _draws_on_other(one: Side, other: Side) -> str | None:
    named = sorted((one.draws_on & other.outlets) - one.outlets)
    return one.names[named[0]] if named else None


def orient(a: Side, b: Side) -> tuple[Side, Side, str]:
    """(retelling, original, why)."""
    if a.day and b.day and a.day != b.day:
        later, earlier = (a, b) if a.day > b.day else (b, a)
        return later, earlier, f"published later ({later.day} after {earlier.day})"
    a_on_b, b_on_a = _draws_on_other(a, b), _draws_on_other(b, a)
    if a_on_b and not b_on_a:
        return a, b, f"names {a_on_b}, the other's outlet, as a source"
    if b_on_a and not a_on_b:
        return b, a, f"names {b_on_a}, the other's outlet, as a source"
    if abs(a.share - b.share) >= 0.05:
        more, less = (a, b) if a.share > b.share else (b, a)
        return more, less, f"more of it is shared ({more.share:.0%} against {less.share:.0%})"
    later_id, earlier_id = (a, b) if a.doc.id > b.doc.id else (b, a)
    return later_id, earlier_id, "nothing tells which came first"
