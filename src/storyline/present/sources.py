"""The story's sources for `storyline sources`: each outlet with its documents, the wires it
credits and the days it covers. Documents with no outlet are listed under their own label
(title or file name), one each: nothing says which outlet they come from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import DocumentHead
from storyline.present.display import document_label, published_day


@dataclass(frozen=True)
class Outlet:
    label: str
    documents: list[DocumentHead]
    credits: list[str]  # wires and agencies credited, most documents first
    first: str | None  # publication days covered (the best day of an inferred interval)
    last: str | None


def outlets(heads: Iterable[DocumentHead]) -> list[Outlet]:
    """Documents grouped by outlet, most documents first (then by label)."""
    groups: dict[str, list[DocumentHead]] = {}
    for doc in heads:
        label = doc.outlet or document_label(doc.id, {doc.id: doc})
        groups.setdefault(label, []).append(doc)
    out = []
    for label, docs in groups.items():
        counts: dict[str, int] = {}
        for doc in docs:
            for credit in dict.fromkeys(doc.credits):
                counts[credit] = counts.get(credit, 0) + 1
        credits = sorted(counts, key=lambda c: (-counts[c], c))
        days = sorted(d for d in (published_day(doc) for doc in docs) if d)
        out.append(
            Outlet(label, docs, credits, days[0] if days else None, days[-1] if days else None)
        )
    return sorted(out, key=lambda o: (-len(o.documents), o.label.casefold()))


def sources_json(found: Sequence[Outlet]) -> list[dict[str, Any]]:
    return [
        {
            "outlet": o.label,
            "document_count": len(o.documents),
            "documents": [d.id for d in o.documents],
            "credits": o.credits,
            "first": o.first,
            "last": o.last,
        }
        for o in found
    ]


def sources_table(found: Sequence[Outlet]) -> Table:
    table = Table(title="Sources", expand=True)
    table.add_column("Outlet", overflow="fold", ratio=3, style="bold")
    table.add_column("Documents", no_wrap=True, justify="right")
    table.add_column("Credits", overflow="fold", ratio=2)
    table.add_column("First", no_wrap=True)
    table.add_column("Last", no_wrap=True)
    for o in found:
        table.add_row(
            Text(o.label),
            str(len(o.documents)),
            Text(", ".join(o.credits)),
            o.first or "",
            o.last or "",
        )
    return table
