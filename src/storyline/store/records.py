"""Conversions between the shared pydantic records and table rows."""

from __future__ import annotations

import json
from typing import Any

from storyline.model import DateInterval, Document, contract_json, in_contract_form

# Document fields kept in columns of their own rather than in the JSON record.
_TEXT_FIELD = {"text"}


def published_columns(published: str | DateInterval | None) -> dict[str, str | None]:
    """The queryable form of a publication date: best guess and the bounds of the interval."""
    if published is None:
        best = earliest = latest = None
    elif isinstance(published, str):
        best = earliest = latest = published
    else:
        best, earliest, latest = published.best, published.earliest, published.latest
    return {
        "published_best": best,
        "published_earliest": earliest,
        "published_latest": latest,
    }


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        **published_columns(doc.published),
        "published_basis": doc.published_basis,
        "raw_ref": doc.raw_ref,
        "text": doc.text,
        "language": doc.language,
        "record": contract_json(in_contract_form(doc.model_dump(mode="json", exclude=_TEXT_FIELD))),
    }


def document_from_row(record: str, text: str) -> Document:
    fields = json.loads(record)
    fields["text"] = text
    return Document.model_validate(fields)
