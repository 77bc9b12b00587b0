"""Dating applied to a corpus: documents get their inferred dates, analyses are re-resolved.

This is the step resolve_story runs before the other cross-document stages, so that events,
statements and figures of undated articles get calendar dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from storyline.model import Analysis, Document
from storyline.resolve.dating.anchors import Anchor
from storyline.resolve.dating.infer import DateInference, DocumentDate, needs_dating
from storyline.resolve.dating.redate import redate_analysis
from storyline.timex import anchor_date


@dataclass
class DatedCorpus:
    documents: list[Document]
    analyses: list[Analysis]
    dates: dict[str, DocumentDate] = field(default_factory=dict)
    judged: set[str] = field(default_factory=set)  # the documents dated (again) this time


def apply_dating(
    documents: Sequence[Document],
    analyses: Sequence[Analysis],
    anchors: Sequence[Anchor] = (),
    *,
    today: dt.date | None = None,
    infer: bool = True,
    changed: Collection[str] | None = None,
) -> DatedCorpus:
    """Documents with their inferred dates (basis "inferred"; metadata and text dates are left
    alone) and analyses re-resolved against them. With ``infer=False`` the documents' inferred
    dates are taken as they are (a store whose dates are up to date) and only the analyses
    are re-resolved. ``changed`` (the ids of documents new or changed since the dates were
    inferred) makes it an update: only those and the documents reporting the same events are
    dated again, the others keep their inferred dates."""
    if not infer or not any(needs_dating(d) for d in documents):
        return _as_stored(documents, analyses)
    inference = DateInference(documents, analyses, anchors, today=today)
    dates = inference.run(changed)
    judged = inference.judged
    dated_docs = [_with_date(d, dates.get(d.id)) if d.id in judged else d for d in documents]
    redo = {
        d.id: (dates[d.id].day if d.id in dates else None) if d.id in judged else anchor_date(d)
        for d in dated_docs
        if needs_dating(d) or d.id in judged
    }
    dated_analyses = [redate_analysis(a, redo[a.doc]) if a.doc in redo else a for a in analyses]
    return DatedCorpus(dated_docs, dated_analyses, dates, judged)


def _as_stored(documents: Sequence[Document], analyses: Sequence[Analysis]) -> DatedCorpus:
    """The analyses re-resolved against the inferred dates the documents carry."""
    stored = {d.id: anchor_date(d) for d in documents if d.published_basis == "inferred"}
    redated = [redate_analysis(a, stored[a.doc]) if a.doc in stored else a for a in analyses]
    return DatedCorpus(list(documents), redated)


def _with_date(document: Document, date: DocumentDate | None) -> Document:
    if date is None:
        # An earlier inference that nothing supports any more is withdrawn.
        update: dict[str, object] = {
            "published": None,
            "published_basis": None,
            "published_evidence": [],
            "published_reasons": [],
        }
    else:
        update = {
            "published": date.published,
            "published_basis": "inferred",
            "published_evidence": date.evidence,
            "published_reasons": date.reasons,
        }
    return document.model_copy(update=update)
