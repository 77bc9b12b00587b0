"""One row per document for `storyline dates`: its date, interval, basis and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DateInterval, DateSource, DocumentHead
from storyline.present.display import file_name
from storyline.present.label_column import add_label_column


def date_rows(documents: Iterable[DocumentHead]) -> list[dict[str, Any]]:
    """One row per document, in the order given (the store gives publication order, undated
    last): id, source, title, date (the day, or the best value of an interval),
    earliest/latest, basis, evidence spans, for inferred dates the reasons, the language and,
    for a document that was not analyzed, why."""
    rows = []
    for doc in documents:
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
                "source_of_date": _dumped(doc.published_source),
                "overruled": [s.model_dump() for s in doc.published_overruled],
                "language": doc.language,
                "not_analyzed": doc.not_analyzed,
            }
        )
    return rows


def _dumped(source: DateSource | None) -> dict[str, Any] | None:
    return None if source is None else source.model_dump()


def source_label(row: dict[str, Any]) -> str:
    """Where the date was read and what it said there, then metadata the byline overruled:
    'meta article:published_time “2019-03-12T08:00:00Z”'."""
    parts = [
        f"{s['field']} “{' '.join(s['raw'].split())}”"
        for s in ([row["source_of_date"]] if row.get("source_of_date") else [])
        + row.get("overruled", [])
    ]
    if len(parts) > 1:
        parts[1:] = [f"overruled: {p}" for p in parts[1:]]
    return "; ".join(parts)


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


def _evidence_and_source(row: dict[str, Any]) -> str:
    source, evidence = source_label(row), evidence_label(row)
    return source if evidence in source else " · ".join(p for p in (source, evidence) if p)


def language_label(row: dict[str, Any]) -> str:
    """ "en", or "ru, not analyzed: no pipeline for ru"."""
    language = row["language"] or ""
    if row["not_analyzed"]:
        return f"{language}, not analyzed: {row['not_analyzed']}"
    return language


def dates_table(rows: list[dict[str, Any]]) -> Table:
    """The rows of date_rows as a terminal table."""
    table = Table(title="Publication dates", expand=True)
    add_label_column(table, "Document", min_width=12, style="")
    table.add_column("Date", no_wrap=True, style="bold")
    # An interval breaks after its dash, each date whole on its line.
    table.add_column("Interval", max_width=12)
    table.add_column("Basis", no_wrap=True, style="cyan")
    table.add_column("Evidence", overflow="fold", ratio=3, style="dim")
    table.add_column("Language", overflow="fold", min_width=8)
    for row in rows:
        name = file_name(row["source"]) or row["id"][:8]
        date = row["date"] or ("undated" if row["basis"] is None else "")
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(name),
            Text(date),
            Text(interval_label(row)),
            Text(row["basis"] or ""),
            Text(_evidence_and_source(row)),
            Text(language_label(row)),
        )
    return table
