"""The story's actors for `storyline actors`: each entity with how often, and in how many
documents, it is mentioned."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import Entity
from storyline.present.export import dump_record

# Aliases shown in a table cell; the JSON has them all.
_ALIASES_SHOWN = 5


@dataclass(frozen=True)
class Actor:
    entity: Entity
    mentions: int  # distinct spans
    documents: int


def actor(entity: Entity) -> Actor:
    spans = {(ev.doc, ev.start, ev.end) for ev in entity.mentions}
    return Actor(entity, len(spans), len({doc for doc, _, _ in spans}))


def by_prominence(entities: Iterable[Entity]) -> list[Actor]:
    """Most mentioned first; then in more documents, then by name (and id, so the order
    never depends on how the store returned them)."""
    return sorted(
        (actor(e) for e in entities),
        key=lambda a: (-a.mentions, -a.documents, a.entity.name.casefold(), a.entity.id),
    )


def actors_json(actors: Sequence[Actor]) -> list[dict[str, Any]]:
    """Each entity as the storyline/1 export writes it, with its mention and document counts."""
    return [
        {**dump_record(a.entity), "mention_count": a.mentions, "document_count": a.documents}
        for a in actors
    ]


def _aliases_label(entity: Entity) -> str:
    shown = ", ".join(entity.aliases[:_ALIASES_SHOWN])
    more = len(entity.aliases) - _ALIASES_SHOWN
    return shown + (f", +{more}" if more > 0 else "")


def actors_table(actors: Sequence[Actor]) -> Table:
    table = Table(title="Actors", expand=True)
    table.add_column("Name", overflow="fold", ratio=2, style="bold")
    table.add_column("Kind", no_wrap=True, style="cyan")
    table.add_column("Country", no_wrap=True)
    table.add_column("Mentions", no_wrap=True, justify="right")
    table.add_column("Documents", no_wrap=True, justify="right")
    table.add_column("Aliases", overflow="fold", ratio=3, style="dim")
    for a in actors:
        # Text() rather than str so brackets in article text are not read as rich markup.
        table.add_row(
            Text(a.entity.name),
            Text(a.entity.kind),
            Text(a.entity.country or ""),
            str(a.mentions),
            str(a.documents),
            Text(_aliases_label(a.entity)),
        )
    return table
