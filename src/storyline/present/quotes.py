"""The story's quotes for `storyline quotes`: who said what, when, and where it was read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DocumentHead, Quote
from storyline.present.display import clipped, document_label
from storyline.present.export import dump_record
from storyline.present.label_column import add_label_column

# Characters of a quote shown in a table cell; the JSON has it whole.
QUOTE_SHOWN = 160


def speaker_label(quote: Quote, speakers: Mapping[str, str]) -> str:
    """The name of the entity that said it (``speakers``: entity id -> name), else the words
    naming the speaker, else "unknown"."""
    if quote.speaker is None:
        return quote.speaker_name or "unknown"
    return speakers.get(quote.speaker) or quote.speaker_name or quote.speaker


def quotes_json(
    quotes: Sequence[Quote], speakers: Mapping[str, str], documents: Mapping[str, DocumentHead]
) -> list[dict[str, Any]]:
    """Each quote as the storyline/1 export writes it, with its speaker's name and its
    document's label."""
    return [
        {
            **dump_record(q),
            "speaker_label": speaker_label(q, speakers),
            "source_label": document_label(q.evidence.doc, documents),
        }
        for q in quotes
    ]


def quotes_table(
    quotes: Sequence[Quote], speakers: Mapping[str, str], documents: Mapping[str, DocumentHead]
) -> Table:
    table = Table(title="Quotes", expand=True)
    table.add_column("Speaker", overflow="fold", ratio=1, style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Quote", overflow="fold", ratio=4)
    add_label_column(table, "Source")
    for q in quotes:
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(speaker_label(q, speakers)),
            Text(q.date or "undated"),
            Text(f"“{clipped(q.text, QUOTE_SHOWN)}”"),
            Text(document_label(q.evidence.doc, documents)),
        )
    return table
