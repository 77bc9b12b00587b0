"""The story's sources for `storyline sources`: each outlet with its documents, the wires it
credits, the outlets its documents were told things by or cite, the documents it retells and
the days it covers. Documents with no outlet are listed under their own label (title or file
name), one each: nothing says which outlet they come from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table
from rich.text import Text

from storyline.model import Derivation, DocumentHead, SourceCredit
from storyline.present.display import document_label, published_day, source_label
from storyline.present.label_column import add_label_column
from storyline.resolve.outlets import outlet_key


@dataclass(frozen=True)
class Retelling:
    """One of an outlet's documents retells another document's copy."""

    doc: str
    derived_from: str
    derived_from_label: str  # the original's outlet, title or file name
    similarity: float
    basis: str


@dataclass(frozen=True)
class Outlet:
    label: str
    documents: list[DocumentHead]
    credits: list[str]  # wires and agencies credited, most documents first
    first: str | None  # publication days covered (the best day of an inferred interval)
    last: str | None
    told: list[str] = field(default_factory=list)  # outlets someone told ("told Reuters")
    cited: list[str] = field(default_factory=list)  # outlets cited for a fact
    retells: list[Retelling] = field(default_factory=list)


def _by_count(names: Iterable[Iterable[str]]) -> list[str]:
    """Outlets most documents name first, each once however it is written ("The Levant
    Ledger", "Levant Ledger"): each inner iterable is one document's names."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for one in names:
        for key in {outlet_key(name): None for name in one}:
            counts[key] = counts.get(key, 0) + 1
        for name in one:
            shown.setdefault(outlet_key(name), name)
    return sorted((shown[k] for k in counts), key=lambda c: (-counts[outlet_key(c)], c))


def outlets(
    heads: Iterable[DocumentHead],
    credits: Iterable[SourceCredit] = (),
    derivations: Iterable[Derivation] = (),
) -> list[Outlet]:
    """Documents grouped by outlet, most documents first (then by label)."""
    heads = list(heads)
    by_id = {d.id: d for d in heads}
    credits_of: dict[str, list[SourceCredit]] = {}
    for credit in credits:
        credits_of.setdefault(credit.doc, []).append(credit)
    retold: dict[str, list[Derivation]] = {}
    for d in derivations:
        retold.setdefault(d.doc, []).append(d)
    groups: dict[str, list[DocumentHead]] = {}
    for doc in heads:
        label = doc.outlet or document_label(doc.id, {doc.id: doc})
        groups.setdefault(label, []).append(doc)
    out = []
    for label, docs in groups.items():
        days = sorted(d for d in (published_day(doc) for doc in docs) if d)

        def named(doc: DocumentHead, role: str) -> list[str]:
            return [c.outlet for c in credits_of.get(doc.id, []) if c.role == role and c.outlet]

        out.append(
            Outlet(
                label,
                docs,
                _by_count([*doc.credits, *named(doc, "wire")] for doc in docs),
                days[0] if days else None,
                days[-1] if days else None,
                told=_by_count(named(doc, "told") for doc in docs),
                cited=_by_count(named(doc, "cited") for doc in docs),
                retells=[_retelling(d, by_id) for doc in docs for d in retold.get(doc.id, [])],
            )
        )
    return sorted(out, key=lambda o: (-len(o.documents), o.label.casefold()))


def retelling_lines(
    documents: Sequence[DocumentHead], derivations: Iterable[Derivation]
) -> list[str]:
    """One line per document that retells another's copy, for a summary on the terminal."""
    heads = {d.id: d for d in documents}
    return [
        f"{source_label(d.doc, heads)} retells {source_label(d.derived_from, heads)} "
        f"({d.similarity:.0%} of the shorter shared; {d.basis})"
        for d in derivations
    ]


def _retelling(d: Derivation, heads: Mapping[str, DocumentHead]) -> Retelling:
    label = document_label(d.derived_from, heads)
    return Retelling(d.doc, d.derived_from, label, d.similarity, d.basis)


def sources_json(found: Sequence[Outlet]) -> list[dict[str, Any]]:
    return [
        {
            "outlet": o.label,
            "document_count": len(o.documents),
            "documents": [d.id for d in o.documents],
            "credits": o.credits,
            "told": o.told,
            "cited": o.cited,
            "retells": [
                {
                    "doc": r.doc,
                    "derived_from": r.derived_from,
                    "derived_from_outlet": r.derived_from_label,
                    "similarity": r.similarity,
                    "basis": r.basis,
                }
                for r in o.retells
            ],
            "first": o.first,
            "last": o.last,
        }
        for o in found
    ]


def _retells_cell(o: Outlet) -> Text:
    return Text("; ".join(f"{r.derived_from_label} ({r.similarity:.0%} shared)" for r in o.retells))


def sources_table(found: Sequence[Outlet]) -> Table:
    table = Table(title="Sources", expand=True)
    add_label_column(table, "Outlet", ratio=3, style="bold")
    # Short headers and word-wrapped lists: at 80 columns "Credits" folded to "Credit s".
    table.add_column("Docs", no_wrap=True, justify="right")
    table.add_column("Credits", ratio=2, min_width=7)
    table.add_column("Told / cites", ratio=2)
    table.add_column("Retells", ratio=2, min_width=7)
    table.add_column("First", no_wrap=True)
    table.add_column("Last", no_wrap=True)
    for o in found:
        sourced = [*(f"told {n}" for n in o.told), *o.cited]
        table.add_row(
            Text(o.label),
            str(len(o.documents)),
            Text(", ".join(o.credits)),
            Text(", ".join(dict.fromkeys(sourced))),
            _retells_cell(o),
            o.first or "",
            o.last or "",
        )
    return table
