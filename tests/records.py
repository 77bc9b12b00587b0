"""Records built by hand for tests: what an extractor would give, without running it."""

from __future__ import annotations

from storyline.model import Document, Tense, TimeExpression, TimeType, evidence


def time_at(
    doc: Document,
    words: str,
    value: str | None,
    *,
    anchor: str | None = None,
    tense: Tense | None = None,
    kind: TimeType = "DATE",
) -> TimeExpression:
    """A time expression over the first occurrence of ``words`` in the document."""
    start = doc.text.index(words)
    return TimeExpression(
        id=f"t:{doc.id}:{start}",
        type=kind,
        value=value,
        anchor=anchor,
        tense=tense,
        evidence=evidence(doc, start, start + len(words)),
    )
