"""One row per document for `storyline dates`: its date, interval, basis and evidence."""

from __future__ import annotations

from typing import Any

from storyline.model import DateInterval
from storyline.present.display import published_sort_key
from storyline.resolve.dating import DatedCorpus


def date_rows(dated: DatedCorpus) -> list[dict[str, Any]]:
    """Rows in publication order (undated last): id, source, title, date (the day, or the
    best value of an interval), earliest/latest, basis, evidence spans and, for inferred
    dates, the reasons."""
    rows = []
    for doc in sorted(dated.documents, key=published_sort_key):
        published = doc.published
        interval = published if isinstance(published, DateInterval) else None
        date = interval.best if interval is not None else published
        rows.append(
            {
                "id": doc.id,
                "source": doc.source,
                "title": doc.title,
                "date": date,
                "earliest": interval.earliest if interval else published,
                "latest": interval.latest if interval else published,
                "basis": doc.published_basis,
                "evidence": [ev.model_dump() for ev in doc.published_evidence],
                "reasons": list(doc.published_reasons),
            }
        )
    return rows


def interval_label(row: dict[str, Any]) -> str:
    earliest, latest = row["earliest"], row["latest"]
    if earliest is None:
        return ""
    return earliest if earliest == latest else f"{earliest} – {latest}"


def evidence_label(row: dict[str, Any], limit: int = 5) -> str:
    """The evidence texts, quoted; spans from another document are marked with its short id."""
    parts: list[str] = []
    for ev in row["evidence"]:
        text = " ".join(ev["text"].split())
        own = ev["doc"] == row["id"]
        part = f"“{text}”" if own else f"“{text}” ({ev['doc'][:8]})"
        if part not in parts:  # "Wednesday" said twice is one clue to a reader
            parts.append(part)
    more = len(parts) - limit
    return "; ".join(parts[:limit]) + (f"; +{more}" if more > 0 else "")
