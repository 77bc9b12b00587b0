"""A listing as tab-separated values for a pipe: what a terminal table shows, one record a line.

Made from the very table the terminal gets, so the two never list different columns. Every
cell is one line: a cell the table shows on several lines (one source per line) has them
joined with "; ", and tabs and other line breaks become spaces, so a record is never split
however its article text is laid out.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

_LINE_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\v": " ", "\f": " ", "\x85": " "})


def _cell(value: RenderableType) -> str:
    text = value.plain if isinstance(value, Text) else str(value)
    lines = (" ".join(line.translate(_LINE_BREAKS).split()) for line in text.split("\n"))
    return "; ".join(line for line in lines if line)


def table_tsv(table: Table) -> str:
    """A header line of the column names, then one line a row; ends with a newline."""
    columns = table.columns
    lines = ["\t".join(_cell(column.header) for column in columns)]
    for row in zip(*(list(column.cells) for column in columns), strict=True):
        lines.append("\t".join(_cell(cell) for cell in row))
    return "\n".join(lines) + "\n"
