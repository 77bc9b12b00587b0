"""Conflicts of kind "date": a page whose metadata names a publication day more than a day
away from the day its visible byline shows (the byline's day is the document's date)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from storyline.model import Conflict, DateSource, Document

# A day apart is a time zone (an evening story stamped in UTC), not a disagreement.
_TOLERANCE_DAYS = 1


def date_conflicts(documents: Iterable[Document]) -> list[Conflict]:
    """One conflict per document whose byline overruled metadata by more than a day."""
    conflicts = []
    for doc in sorted(documents, key=lambda d: d.id):
        shown = doc.published_source
        if shown is None or shown.value is None:
            continue
        far = [m for m in doc.published_overruled if _days_apart(m, shown) > _TOLERANCE_DAYS]
        if not far:
            continue
        said = "; ".join(f"{m.field} “{m.raw}” ({m.value})" for m in far)
        shown_as = f"{shown.field} “{shown.raw}” ({shown.value})"
        note = f"publication date of {doc.title or doc.source}: {shown_as} vs {said}"
        conflicts.append(Conflict(kind="date", items=[doc.id], note=note, date=shown.value))
    return conflicts


def _days_apart(one: DateSource, other: DateSource) -> int:
    try:
        first = date.fromisoformat((one.value or "")[:10])
        second = date.fromisoformat((other.value or "")[:10])
    except ValueError:
        return 0
    return abs((first - second).days)
