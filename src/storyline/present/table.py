"""The timeline as a terminal table, a Markdown table, or a JSON list
(`storyline timeline --format ...`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DocumentHead, TimelineEntry
from storyline.present.display import entry_sources, ordered_timeline
from storyline.present.label_column import add_label_column

_HEADERS = ("Date", "Summary", "Type", "Sources")
# The documents a timeline's lines cite, by id: what their source labels are made of.
Cited = Mapping[str, DocumentHead]


def _type_label(entry: TimelineEntry) -> str:
    # Statements carry no PLOVER type; saying so beats an empty cell.
    return entry.type or entry.kind


def timeline_table(entries: Sequence[TimelineEntry], documents: Cited) -> Table:
    """date | summary | type | sources, for printing with rich."""
    table = Table(title="Timeline", expand=True)
    table.add_column(_HEADERS[0], no_wrap=True, style="bold")
    table.add_column(_HEADERS[1], overflow="fold", ratio=2)
    table.add_column(_HEADERS[2], no_wrap=True, style="cyan")
    add_label_column(table, _HEADERS[3], min_width=16)
    for entry in ordered_timeline(entries):
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(entry.date),
            Text(entry.summary),
            Text(_type_label(entry)),
            Text("\n".join(entry_sources(entry, documents))),
        )
    return table


def _md_cell(value: str) -> str:
    return " ".join(value.split()).replace("\\", "\\\\").replace("|", "\\|")


def timeline_markdown(entries: Sequence[TimelineEntry], documents: Cited) -> str:
    lines = [
        "| " + " | ".join(_HEADERS) + " |",
        "|" + "|".join("---" for _ in _HEADERS) + "|",
    ]
    for entry in ordered_timeline(entries):
        cells = (
            entry.date,
            entry.summary,
            _type_label(entry),
            ", ".join(entry_sources(entry, documents)),
        )
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def timeline_json(entries: Sequence[TimelineEntry], documents: Cited) -> list[dict[str, Any]]:
    """The timeline entries as JSON-ready dicts, each with its readable `sources` labels."""
    rows: list[dict[str, Any]] = []
    for entry in ordered_timeline(entries):
        row: dict[str, Any] = entry.model_dump(mode="json")
        row["sources"] = entry_sources(entry, documents)
        rows.append(row)
    return rows
