"""The summary timeline (`storyline timeline --summary`) as JSON rows and as a table.

A JSON row is ``{"date", "sentences", "citations"}``: the sentences quoted for the day, and
for each the storyline/1 evidence it was read at (``{doc, start, end, text}``, in the same
order), so a reader can check every sentence against its article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DatedSummary, DocumentHead
from storyline.present.display import source_label
from storyline.present.label_column import add_label_column


def summary_json(days: Sequence[DatedSummary]) -> list[dict[str, Any]]:
    return [day.model_dump(mode="json") for day in days]


def summary_table(days: Sequence[DatedSummary], documents: Mapping[str, DocumentHead]) -> Table:
    """date | sentence | source, one row per sentence, for printing with rich."""
    table = Table(title="Summary timeline", expand=True)
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("summary", overflow="fold", ratio=4)
    add_label_column(table, "source", min_width=16)
    for day in days:
        for i, (sentence, cited) in enumerate(zip(day.sentences, day.citations, strict=True)):
            # Text() rather than str so brackets in article text are not read as rich markup.
            table.add_row(
                Text(day.date if i == 0 else ""),
                Text(sentence),
                Text(source_label(cited.doc, documents)),
            )
    return table
