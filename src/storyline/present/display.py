"""How records read to a person: short labels for sources, dates with their basis, and the
timeline's order. Shared by the terminal table, the Markdown table and the HTML report so the
three never disagree."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from storyline.model import (
    DateInterval,
    DocumentHead,
    SeriesPoint,
    TimelineEntry,
)

SHORT_ID_LENGTH = 8

_BASIS_LABELS: dict[str, str] = {
    "metadata": "from the page's metadata",
    "text": "from the article's text",
    "inferred": "inferred from other reports",
}


def short_id(doc_id: str) -> str:
    return doc_id[:SHORT_ID_LENGTH]


def source_label(doc_id: str, documents: Mapping[str, DocumentHead]) -> str:
    """ "outlet/short id"; when the outlet is unknown, the input's file name (or JSON Lines
    id), which says more to a reader than a hash; the short id alone as a last resort."""
    doc = documents.get(doc_id)
    if doc is not None and doc.outlet:
        return f"{doc.outlet}/{short_id(doc_id)}"
    name = input_name(doc.source) if doc is not None else None
    return name or short_id(doc_id)


def document_label(doc_id: str, documents: Mapping[str, DocumentHead]) -> str:
    """A document as a reader knows it: its outlet, else its title, else the input's file
    name (never a path); the short id as a last resort."""
    doc = documents.get(doc_id)
    if doc is None:
        return short_id(doc_id)
    return doc.outlet or doc.title or input_name(doc.source) or short_id(doc_id)


def published_day(doc: DocumentHead) -> str | None:
    """The day a document appeared, as listings place it: its date, or the best day of an
    inferred interval."""
    published = doc.published
    if published is None or isinstance(published, str):
        return published
    return published.best


def point_date_label(point: SeriesPoint) -> str:
    """A series point's date; one found from its event or its article, not stated with the
    figure, is marked so a reader does not take it for the source's own."""
    return point.date if point.date_basis == "as_of" else f"{point.date} ({point.date_basis})"


def clipped(text: str, limit: int) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def file_name(source: str) -> str:
    """The last part of a document's source: its file name, or its JSON Lines id."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def input_name(source: str) -> str | None:
    """The input's file name (or JSON Lines id), None for standard input."""
    name = file_name(source)
    return name if name and not name.startswith("<") else None


def outlet_label(doc: DocumentHead | None) -> str:
    """The outlet, else the input's name: "unknown outlet" on every undated text file of a
    folder tells a reader nothing."""
    if doc is None:
        return "unknown outlet"
    return doc.outlet or input_name(doc.source) or "unknown outlet"


def entry_sources(entry: TimelineEntry, documents: Mapping[str, DocumentHead]) -> list[str]:
    """One label per cited document, in the order first cited."""
    doc_ids = [ev.doc for ev in entry.citations] + list(entry.documents)
    return [source_label(d, documents) for d in dict.fromkeys(doc_ids)]


def date_label(value: str | DateInterval | None) -> str:
    if value is None:
        return "undated"
    if isinstance(value, str):
        return value
    span = f"{value.earliest} – {value.latest}"
    return f"{value.best} ({span})" if value.best else span


def basis_label(document: DocumentHead) -> str:
    if document.published_basis is None:
        return ""
    return _BASIS_LABELS.get(document.published_basis, document.published_basis)


def ordered_timeline(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Entries by date. The sort is stable, so entries of one date keep the order the
    summarizer chose; ISO strings of mixed precision sort coarse first ("2023-12" before
    "2023-12-05")."""
    return sorted(entries, key=lambda e: e.date)
