"""The story's stories and conflicts for `storyline stories` and `storyline conflicts`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import Conflict, DocumentHead, Figure, Story
from storyline.present.display import document_label
from storyline.present.export import dump_record
from storyline.present.label_column import add_label_column


def _actor_names(story: Story, names: Mapping[str, str]) -> list[str]:
    return [names.get(a, a) for a in story.key_actors]


def _dates(story: Story) -> str:
    if story.start is None:
        return ""
    return story.start if story.end in (None, story.start) else f"{story.start} – {story.end}"


def stories_json(
    stories: Sequence[Story], names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Each story as the storyline/1 export writes it, with its counts and the names of its
    key actors."""
    names = names or {}
    return [
        {
            **dump_record(s),
            "key_actor_names": _actor_names(s, names),
            "document_count": len(s.documents),
            "event_count": len(s.events),
        }
        for s in stories
    ]


def stories_table(stories: Sequence[Story], names: Mapping[str, str] | None = None) -> Table:
    """Readable at 80 columns: one key actor a line (cut to the column), the dates over two
    lines when the column is narrow, short count headers, no outer edge."""
    names = names or {}
    table = Table(title="Stories", expand=True, show_edge=False)
    table.add_column("Id", no_wrap=True, style="dim")
    table.add_column("Title", overflow="fold", ratio=3, style="bold", min_width=16)
    add_label_column(table, "Key actors", ratio=2, min_width=10, style="")
    # "2024-10-24 – 2024-12-02" breaks after its dash: each date stays whole on its line.
    table.add_column("Dates", max_width=12)
    table.add_column("Docs", no_wrap=True, justify="right")
    table.add_column("Events", no_wrap=True, justify="right")
    for s in stories:
        table.add_row(
            s.id,
            Text(s.title),
            Text("\n".join(_actor_names(s, names))),
            _dates(s),
            str(len(s.documents)),
            str(len(s.events)),
        )
    return table


def _sources(
    conflict: Conflict, figures: Sequence[Figure], documents: Mapping[str, DocumentHead]
) -> list[str]:
    """The documents' labels, once each, in the order of the figures' values (a date
    conflict's item is its document)."""
    docs = conflict.items if conflict.kind == "date" else [f.evidence.doc for f in figures]
    return list(dict.fromkeys(document_label(doc, documents) for doc in docs))


def conflicts_json(
    conflicts: Sequence[tuple[Conflict, list[Figure]]], documents: Mapping[str, DocumentHead]
) -> list[dict[str, Any]]:
    """Each conflict as the export writes it, with the figures it sets against each other
    (their records, evidence included) and the labels of the documents they were read in."""
    return [
        {
            **dump_record(c),
            "figures": [dump_record(f) for f in figures],
            "sources": _sources(c, figures, documents),
        }
        for c, figures in conflicts
    ]


def conflicts_table(
    conflicts: Sequence[tuple[Conflict, list[Figure]]], documents: Mapping[str, DocumentHead]
) -> Table:
    table = Table(title="Conflicts", expand=True)
    table.add_column("Kind", no_wrap=True, style="cyan")
    table.add_column("Where sources disagree", overflow="fold", ratio=3)
    add_label_column(table, "Sources", ratio=2)
    for c, figures in conflicts:
        table.add_row(Text(c.kind), Text(c.note), Text("\n".join(_sources(c, figures, documents))))
    return table
