"""The page parameters every list endpoint takes and the envelope it answers with:
``{"items", "limit", "offset", "next_offset", "total"}``, plus maps that make ids readable
(``names``: entity id -> name; ``documents``: document id -> the document without its text)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from storyline.model import DocumentHead, Record
from storyline.present.export import dump_record
from storyline.web.limits import DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE

T = TypeVar("T")


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


def page_params(
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_PAGE,
            description=f"Items per page, at most {MAX_PAGE} (a larger value is a 422 error).",
        ),
    ] = DEFAULT_PAGE,
    offset: Annotated[
        int,
        Query(ge=0, le=MAX_OFFSET, description="Items to skip: the previous page's next_offset."),
    ] = 0,
) -> PageParams:
    return PageParams(limit, offset)


class Page(BaseModel, Generic[T]):
    """The envelope of a list endpoint, as the OpenAPI document describes it."""

    items: list[T] = Field(description="This page's items, storyline/1 records.")
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="Items skipped before this page.")
    next_offset: int | None = Field(
        description="The offset of the next page; null on the last page."
    )
    total: int | None = Field(description="Items of the whole filtered list.")
    names: dict[str, str] = Field(
        default_factory=dict, description="Names of the entities the items refer to, by id."
    )
    documents: dict[str, DocumentHead] = Field(
        default_factory=dict,
        description="The documents the items cite, without their text, by id.",
    )


def json_response(payload: Any, status: int = 200) -> Response:
    """Compact JSON, serialized once (the payload is plain JSON data already)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(body, status_code=status, media_type="application/json")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def stored_page(
    items: list[str],
    page: PageParams,
    total: int,
    *,
    names: Mapping[str, str] | None = None,
    documents: Iterable[tuple[str, str]] = (),
    **extra: Any,
) -> Response:
    """The envelope of ``envelope`` around records as the store keeps them (their JSON, already
    what the API sends: model.contract_json), written as bytes without reading them back."""
    following = page.offset + len(items)
    heads = ",".join(f"{_compact(i)}:{record}" for i, record in documents)
    more = "".join(f",{_compact(k)}:{_compact(v)}" for k, v in extra.items())
    body = (
        f'{{"items":[{",".join(items)}],"limit":{page.limit},"offset":{page.offset},'
        f'"next_offset":{_compact(following if following < total else None)},'
        f'"total":{total},"names":{_compact(dict(names or {}))},"documents":{{{heads}}}{more}}}'
    )
    return Response(body.encode(), media_type="application/json")


def envelope(
    items: Iterable[Any],
    page: PageParams,
    total: int,
    *,
    names: Mapping[str, str] | None = None,
    documents: Iterable[DocumentHead] = (),
    **extra: Any,
) -> dict[str, Any]:
    """A page's envelope; ``items`` are records (dumped as the export writes them) or plain
    JSON data."""
    dumped = [dump_record(i) if isinstance(i, Record) else i for i in items]
    following = page.offset + len(dumped)
    return {
        "items": dumped,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": following if following < total else None,
        "total": total,
        "names": dict(names or {}),
        "documents": {d.id: dump_record(d) for d in documents},
        **extra,
    }
