"""The story's figures for `storyline figures`: each number with what it counts, its bounds,
the date it holds as of, whose it is and where it was read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DocumentHead, Evidence, Figure, FigureSeries, SeriesPoint
from storyline.present.display import clipped, document_label, point_date_label
from storyline.present.export import dump_record
from storyline.present.label_column import add_label_column

# Evidence is a short span; a long one is still cut in the table (the JSON has it whole).
_EVIDENCE_SHOWN = 120


def number_label(value: float) -> str:
    """1200.0 -> "1,200"; 2.5 -> "2.5"."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"


def value_label(figure: Figure | SeriesPoint) -> str:
    """The value, marked "~" when the text gives it as approximate."""
    return ("~" if figure.approximate else "") + number_label(figure.value)


def bounds_label(figure: Figure) -> str:
    """ "400–500", "≥ 1,000", "≤ 20,000", or "" when the text gives no bounds."""
    low, high = figure.low, figure.high
    if low is not None and high is not None:
        if low == high:
            return number_label(low)
        return f"{number_label(low)}–{number_label(high)}"
    if low is not None:
        return f"≥ {number_label(low)}"
    if high is not None:
        return f"≤ {number_label(high)}"
    return ""


def counts_label(figure: Figure) -> str:
    counted = figure.counts or ""
    if figure.subject:
        return f"{counted} ({figure.subject})" if counted else figure.subject
    return counted


def attribution_label(figure: Figure) -> str:
    """Whose figure it is: the first attribution field the record has filled, a name or the
    words that say so. Read by name, since the record gains such fields over time."""
    for name in type(figure).model_fields:
        if not name.startswith("attribut"):
            continue
        value = getattr(figure, name, None)
        if isinstance(value, Evidence):
            value = value.text
        if value:
            return " ".join(str(value).split())
    return ""


def figures_json(
    figures: Sequence[Figure], documents: Mapping[str, DocumentHead]
) -> list[dict[str, Any]]:
    """Each figure as the storyline/1 export writes it, with its document's label."""
    return [
        {**dump_record(f), "source_label": document_label(f.evidence.doc, documents)}
        for f in figures
    ]


def figures_table(figures: Sequence[Figure], documents: Mapping[str, DocumentHead]) -> Table:
    table = Table(title="Figures", expand=True)
    table.add_column("Value", no_wrap=True, justify="right", style="bold")
    table.add_column("Bounds", no_wrap=True)
    table.add_column("Counts", overflow="fold", ratio=2, style="cyan")
    table.add_column("As of", no_wrap=True)
    table.add_column("Attributed to", overflow="fold", ratio=2)
    add_label_column(table, "Source", min_width=10)
    table.add_column("Evidence", overflow="fold", ratio=3, style="dim")
    for f in figures:
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(value_label(f)),
            Text(bounds_label(f)),
            Text(counts_label(f)),
            Text(f.as_of or ""),
            Text(attribution_label(f)),
            Text(document_label(f.evidence.doc, documents)),
            Text(f"“{clipped(f.evidence.text, _EVIDENCE_SHOWN)}”"),
        )
    return table


def series_json(
    series: Sequence[FigureSeries], documents: Mapping[str, DocumentHead]
) -> list[dict[str, Any]]:
    """Each series as the storyline/1 export writes it, each point with its document's label."""
    found = []
    for one in series:
        dumped = dump_record(one)
        for point in dumped["points"]:
            point["source_label"] = document_label(point["evidence"]["doc"], documents)
        found.append(dumped)
    return found


def series_table(series: Sequence[FigureSeries], documents: Mapping[str, DocumentHead]) -> Table:
    table = Table(title="Figure series", expand=True)
    table.add_column("Quantity", overflow="fold", ratio=2, style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Value", no_wrap=True, justify="right")
    table.add_column("Whose", overflow="fold", ratio=2)
    add_label_column(table, "Source", ratio=2)
    for one in series:
        for i, point in enumerate(one.points):
            table.add_row(
                Text(one.quantity if i == 0 else ""),
                point_date_label(point),
                value_label(point),
                Text(" ".join((point.attributed_to or "").split())),
                Text(document_label(point.evidence.doc, documents)),
            )
    return table
