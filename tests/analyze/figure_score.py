"""Scoring extracted figures against figures written by hand for an article.

A gold figure is found in the article at test time by its cue (the value and two or three
words beside it, unique in the article); an extracted figure is at a gold figure when its
evidence overlaps the cue and it has the gold value. It is right when what it counts is one of
the gold's accepted readings. Precision is right / extracted, recall right / gold. Bounds,
whose, as-of and attribution are scored over the right ones, as accuracies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.model import Figure, TimeExpression

# A reading that may be absent: None must find None; a tuple accepts any of its members.
Accepted = str | None | tuple[str | None, ...]


@dataclass(frozen=True)
class Gold:
    """One figure as an analyst would list it. ``counts`` and ``whose`` are the accepted
    readings (lower case; a reading is right when it is contained in the extracted one for
    ``whose`` and ``by``, equal for ``counts``); ``bound`` is "=", "~", ">=", "<=", "~<=" or
    "range"; ``as_of`` is the words of the time expression that dates the figure, if any;
    ``by`` who the text says gives the figure, if anyone."""

    cue: str
    value: float
    counts: tuple[str, ...]
    bound: str = "="
    whose: Accepted = None
    as_of: str | None = None
    by: Accepted = None


@dataclass
class Score:
    extracted: int = 0
    gold: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)
    # name -> [right, scored]
    aspects: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    def aspect(self, name: str) -> float:
        right, scored = self.aspects.get(name, [0, 0])
        return right / scored if scored else 1.0

    def tally(self, name: str, ok: bool, error: str) -> None:
        counts = self.aspects.setdefault(name, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            self.errors.append(error)

    def report(self) -> str:
        lines = [
            f"figures: P {self.precision:.3f} R {self.recall:.3f} "
            f"({self.right} right of {self.extracted} extracted, {self.gold} gold)"
        ]
        for name in sorted(self.aspects):
            right, scored = self.aspects[name]
            lines.append(f"  {name}: {right}/{scored} = {self.aspect(name):.3f}")
        return "\n".join(lines + sorted(self.errors))


def bound_of(figure: Figure) -> str:
    if figure.low is not None and figure.high is not None and figure.low != figure.high:
        return "range"
    mark = "~" if figure.approximate else ""
    if figure.low is not None:
        return mark + ">="
    if figure.high is not None:
        return mark + "<="
    return mark or "="


def _accepts(accepted: Accepted, found: str | None) -> bool:
    options = accepted if isinstance(accepted, tuple) else (accepted,)
    for option in options:
        if option is None and found is None:
            return True
        if option is not None and found is not None and option in found.lower():
            return True
    return False


def score_article(
    name: str,
    text: str,
    gold: Sequence[Gold],
    figures: Sequence[Figure],
    times: Sequence[TimeExpression],
    score: Score,
) -> None:
    """Add one article's figures to ``score``; every difference goes to its error list."""
    by_id = {t.id: t for t in times}
    unmatched = list(figures)
    score.extracted += len(figures)
    score.gold += len(gold)
    for g in gold:
        start = text.find(g.cue)
        assert start >= 0 and text.find(g.cue, start + 1) < 0, f"{name}: cue {g.cue!r}"
        end = start + len(g.cue)
        here = [
            f
            for f in unmatched
            if f.value == g.value and f.evidence.start < end and start < f.evidence.end
        ]
        if not here:
            score.errors.append(f"{name} missed   {g.value:g} {g.counts[0]!r} at {g.cue!r}")
            continue
        found = here[0]
        unmatched.remove(found)
        where = f"{name} {g.value:g} at {g.cue!r}"
        if found.counts not in g.counts:
            score.errors.append(f"{name} counts   {where}: {found.counts!r}, not {g.counts}")
            continue
        score.right += 1
        score.tally(
            "bounds",
            bound_of(found) == g.bound,
            f"{name} bounds   {where}: {bound_of(found)}, not {g.bound}",
        )
        score.tally(
            "whose",
            _accepts(g.whose, found.subject),
            f"{name} whose    {where}: {found.subject!r}, not {g.whose!r}",
        )
        dated = by_id[found.as_of_ref].evidence.text if found.as_of_ref else None
        score.tally(
            "as_of", dated == g.as_of, f"{name} as_of    {where}: {dated!r}, not {g.as_of!r}"
        )
        score.tally(
            "attribution",
            _accepts(g.by, found.attributed_to),
            f"{name} by       {where}: {found.attributed_to!r}, not {g.by!r}",
        )
    for f in unmatched:
        score.errors.append(f"{name} spurious {f.value:g} {f.counts!r} at {f.evidence.text!r}")
