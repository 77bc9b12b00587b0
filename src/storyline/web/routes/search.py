"""Full-text search of the documents (FTS5 on SQLite, text search on PostgreSQL), each hit
with a short snippet of its text and where the words are in it."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from storyline.model import DocumentHead, Evidence, contract_json
from storyline.store import Store
from storyline.store.search import query_terms
from storyline.web.paging import PageParams, page_params
from storyline.web.params import SearchWords
from storyline.web.queries import run

router = APIRouter(prefix="/api", tags=["search"])

# Characters of text a snippet shows before and after the first match.
BEFORE, AFTER = 80, 160
# Match offsets given per hit: enough to highlight a snippet and jump through a document.
MAX_MATCHES = 50


class Match(BaseModel):
    start: int = Field(description="Offset of the matched word in the document's text.")
    end: int


class Hit(BaseModel):
    document: DocumentHead = Field(description="The document found, without its text.")
    snippet: Evidence = Field(description="A short span of its text around the first match.")
    matches: list[Match] = Field(description="Where the words are in its text, in order.")


class HitPage(BaseModel):
    items: list[Hit]
    limit: int
    offset: int
    next_offset: int | None
    total: int | None
    query: list[str] = Field(description="The words searched for.")


def matches(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where any of the words stands in ``text`` as a whole word, in any case."""
    if not words:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return [m.span() for _, m in zip(range(MAX_MATCHES), pattern.finditer(text), strict=False)]


def snippet(doc: str, text: str, found: list[tuple[int, int]]) -> Evidence:
    """A span of document ``doc`` around the first match (the text's opening without one,
    as when only the title matched), cut at spaces so no word is split."""
    first, last = found[0] if found else (0, 0)
    start = max(0, first - BEFORE)
    end = min(len(text), last + AFTER)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", last, end)
        end = space if space > last else end
    return Evidence(doc=doc, start=start, end=end, text=text[start:end])


def hit(doc: str, head: str, text: str, words: list[str]) -> str:
    """A hit's JSON (a Hit) from a document as stored: its JSON without its text, sent as it
    is, and its text."""
    found = matches(text, words)
    span = snippet(doc, text, found)
    snip = {"doc": span.doc, "start": span.start, "end": span.end, "text": span.text}
    where = [{"start": s, "end": e} for s, e in found]
    return f'{{"document":{head},"snippet":{contract_json(snip)},"matches":{contract_json(where)}}}'


@router.get("/search", response_model=HitPage)
async def search(
    request: Request, q: SearchWords, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """Documents holding every word of ``q`` in their title or text, best match first, each
    with a snippet of its text and the offsets of the words in it."""
    words = query_terms(q)

    def work(store: Store) -> Response:
        ids = store.search(q, limit=page.limit, offset=page.offset)
        total = store.count_search(q) if ids or page.offset else 0
        docs = store.documents_json(ids)
        items = [hit(i, *docs[i], words) for i in ids if i in docs]
        following = page.offset + len(items)
        body = (
            f'{{"items":[{",".join(items)}],"limit":{page.limit},"offset":{page.offset},'
            f'"next_offset":{contract_json(following if following < total else None)},'
            f'"total":{total},"query":{contract_json(words)}}}'
        )
        return Response(body.encode(), media_type="application/json")

    return await run(request, work)
