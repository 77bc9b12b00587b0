"""Records built by hand for tests: what an extractor would give, without running it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.model import (
    Analysis,
    Document,
    Sentence,
    Tense,
    TimeExpression,
    TimeType,
    document_id,
    evidence,
    span_id,
)
from storyline.timex import normalize


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


def tagged_document(
    text: str,
    times: Sequence[tuple[str, Tense | None]],
    published: str | None = None,
    *,
    pipeline_version: str = "test",
) -> tuple[Document, Analysis]:
    """A document (its date from metadata when ``published`` is given) and an analysis that
    holds the given phrases (first occurrences, in order) as time expressions, normalized
    against that date in the tense given, with one sentence per full stop."""
    doc = Document(
        id=document_id(text),
        source=f"{document_id(text)}.txt",
        text=text,
        published=published,
        published_basis="metadata" if published else None,
    )
    anchor = dt.date.fromisoformat(published) if published else None
    sentences = [Sentence(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    found, at = [], 0
    for words, tense in times:
        start = text.index(words, at)
        end = at = start + len(words)
        tx = normalize(words, anchor, tense)
        found.append(
            TimeExpression(
                id=span_id("t", doc.id, start, end),
                type=tx.type if tx else "DATE",
                value=tx.value if tx else None,
                anchor=published if tx and tx.anchored else None,
                tense=tense,
                evidence=evidence(doc, start, end),
            )
        )
    analysis = Analysis(
        doc=doc.id, pipeline_version=pipeline_version, sentences=sentences, times=found
    )
    return doc, analysis
