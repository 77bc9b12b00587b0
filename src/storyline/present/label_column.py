"""Terminal tables' columns of short labels (sources, outlets, actors)."""

from __future__ import annotations

from rich.table import Table


def add_label_column(
    table: Table, header: str, *, ratio: int = 1, min_width: int = 12, style: str = "dim"
) -> None:
    """A column of short labels (sources, outlets, actors), one a line, each cut to the
    column's width with an ellipsis: folded into a narrow column, a 64-character file name
    took seven lines."""
    # The width of a column with a ratio is its least width (rich gives min_width no weight
    # when it shares the table's width out by ratio).
    table.add_column(
        header, no_wrap=True, overflow="ellipsis", ratio=ratio, width=min_width, style=style
    )
