"""Outlets as the listings name them. A document that names no outlet is listed under its
input's file name (present.display.outlet_label), a label no column holds: a filter by that
label must find those documents by id."""

from __future__ import annotations

import dataclasses

from fastapi import Request

from storyline.present.display import outlet_label
from storyline.store import Store
from storyline.store.pages import OutletMatch
from storyline.web.view_reads import ViewFilters


def unnamed_outlets(store: Store) -> dict[str, tuple[str, ...]]:
    """The ids of the documents that name no outlet, by the label listings give them (lower
    case, as filters match outlets in any case)."""
    found: dict[str, list[str]] = {}
    for doc in store.document_heads():
        if not doc.outlet:
            found.setdefault(outlet_label(doc).lower(), []).append(doc.id)
    return {label: tuple(ids) for label, ids in found.items()}


def outlet_match(request: Request, store: Store, name: str | None) -> OutletMatch | None:
    """What a filter by the outlet ``name`` matches: the stored outlet of that name, and the
    documents without one that listings name so."""
    if name is None:
        return None
    unnamed: dict[str, tuple[str, ...]] = request.app.state.unnamed_outlets.get(store)
    return OutletMatch(name, unnamed.get(name.lower(), ()))


def with_outlet_match(request: Request, store: Store, f: ViewFilters) -> ViewFilters:
    """``f`` with its outlet name turned into what it matches."""
    if f.outlet is None or isinstance(f.outlet, OutletMatch):
        return f
    return dataclasses.replace(f, outlet=outlet_match(request, store, f.outlet))
