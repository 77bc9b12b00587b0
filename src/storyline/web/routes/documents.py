"""The stored documents: a page without their text, or one with its text, the basis and
evidence of its publication date and every source it arrived from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import Field

from storyline.model import Document, DocumentHead
from storyline.present.export import dump_record
from storyline.store import Store
from storyline.store.pages import RecordFilters
from storyline.web.outlets import outlet_match
from storyline.web.paging import Page, PageParams, envelope, json_response, page_params
from storyline.web.params import Outlet, RecordId, Since, StoryId, Until
from storyline.web.queries import run

router = APIRouter(prefix="/api", tags=["documents"])


class StoredDocument(Document):
    """A document as storyline/1 writes it, with every source it arrived from."""

    sources: list[str] = Field(description="Every path or URL the document was read from.")


@router.get("/documents", response_model=Page[DocumentHead])
async def documents(
    request: Request,
    page: Annotated[PageParams, Depends(page_params)],
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    story: StoryId = None,
) -> Response:
    """Documents in publication order (undated last), without their text: title, outlet,
    publication date with its basis (metadata, text, inferred) and evidence."""

    def work(store: Store) -> Response:
        published = outlet_match(request, store, outlet)
        filters = RecordFilters(since=since, until=until, outlet=published, story=story)
        found = store.documents_paged(filters, limit=page.limit, offset=page.offset)
        return json_response(envelope(found.items, page, found.total))

    return await run(request, work)


@router.get(
    "/documents/{doc_id}",
    response_model=StoredDocument,
    responses={404: {"description": "No document has this id."}},
)
async def document(request: Request, doc_id: RecordId) -> Response:
    """One document with its text (every evidence offset points into it), its publication
    date's basis and evidence, and its sources."""

    def work(store: Store) -> Response:
        found = store.get_document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return json_response({**dump_record(found), "sources": store.sources(doc_id)})

    return await run(request, work)
