"""The story's figures for `storyline figures`: each number with what it counts, its bounds,
the date it holds as of, whose it is and where it was read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DocumentHead, Evidence, Figure
from storyline.present.display import clipped, document_label, published_day
from storyline.present.export import dump_record

# Evidence is a short span; a long one is still cut in the table (the JSON has it whole).
_EVIDENCE_SHOWN = 120


def number_label(value: float) -> str:
    """1200.0 -> "1,200"; 2.5 -> "2.5"."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"


def value_label(figure: Figure) -> str:
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
    table.add_column("Source", overflow="fold", ratio=1, style="dim")
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


def _point_day(figure: Figure, documents: Mapping[str, DocumentHead]) -> str | None:
    """The day a figure holds as of: its own as-of date, else the day its document appeared
    (a toll "has risen to 20,000" is that day's)."""
    if figure.as_of:
        return figure.as_of
    doc = documents.get(figure.evidence.doc)
    return published_day(doc) if doc is not None else None


# A series is a running tally (a death toll, the hostages still held); counts under this are
# mostly single incidents ("a strike killed 17"), which do not continue one another.
SERIES_MIN = 100


def figure_series(
    figures: Sequence[Figure], documents: Mapping[str, DocumentHead]
) -> list[tuple[str, list[tuple[str, Figure]]]]:
    """Each quantity reported on two days or more (what it counts, and whose where given), its
    points (of SERIES_MIN or more) in date order: the Gaza death toll over time, the hostages
    still held. Quantities with the most points first. A first cut: a tally restated later
    without its own as-of date is placed on the day of the article restating it."""
    groups: dict[tuple[str, str], list[tuple[str, Figure]]] = {}
    labels: dict[tuple[str, str], str] = {}
    for f in figures:
        day = _point_day(f, documents)
        if not f.counts or day is None or f.value < SERIES_MIN:
            continue
        key = (f.counts.casefold(), (f.subject or "").casefold())
        groups.setdefault(key, []).append((day, f))
        labels.setdefault(key, counts_label(f))
    series = []
    for key, points in groups.items():
        if len({day for day, _ in points}) < 2:
            continue
        points.sort(key=lambda p: (p[0], p[1].value, p[1].id))
        series.append((labels[key], points))
    return sorted(series, key=lambda s: (-len(s[1]), s[0].casefold()))


def series_json(
    series: Sequence[tuple[str, list[tuple[str, Figure]]]],
    documents: Mapping[str, DocumentHead],
) -> list[dict[str, Any]]:
    return [
        {
            "quantity": label,
            "points": [
                {
                    "date": day,
                    "value": f.value,
                    "approximate": f.approximate,
                    "low": f.low,
                    "high": f.high,
                    "attributed_to": attribution_label(f) or None,
                    "source_label": document_label(f.evidence.doc, documents),
                    "figure": f.id,
                    "evidence": f.evidence.model_dump(mode="json"),
                }
                for day, f in points
            ],
        }
        for label, points in series
    ]


def series_table(
    series: Sequence[tuple[str, list[tuple[str, Figure]]]],
    documents: Mapping[str, DocumentHead],
) -> Table:
    table = Table(title="Figure series", expand=True)
    table.add_column("Quantity", overflow="fold", ratio=2, style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Value", no_wrap=True, justify="right")
    table.add_column("Whose", overflow="fold", ratio=2)
    table.add_column("Source", overflow="fold", ratio=2, style="dim")
    for label, points in series:
        for i, (day, f) in enumerate(points):
            table.add_row(
                Text(label if i == 0 else ""),
                day,
                value_label(f),
                Text(attribution_label(f)),
                Text(document_label(f.evidence.doc, documents)),
            )
    return table
