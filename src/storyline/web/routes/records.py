"""One record of the stored story by its id: an entity, event, figure, quote, story or
figure series, as storyline/1 writes it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from storyline.model import Entity, Event, Figure, FigureSeries, Quote, Record, Story
from storyline.present.export import dump_record
from storyline.store import Store
from storyline.web.paging import json_response
from storyline.web.params import RecordId
from storyline.web.queries import run

router = APIRouter(prefix="/api", tags=["records"])

# Table -> (the record's name in messages, its model).
KEYED: dict[str, tuple[str, type[Record]]] = {
    "entities": ("entity", Entity),
    "events": ("event", Event),
    "figures": ("figure", Figure),
    "quotes": ("quote", Quote),
    "stories": ("story", Story),
    "series": ("figure series", FigureSeries),
}


def _endpoint(table: str, what: str) -> Callable[[Request, str], Awaitable[Response]]:
    async def one(request: Request, record_id: RecordId) -> Response:
        def work(store: Store) -> Response:
            found = store.story_record(table, record_id)
            if found is None:
                raise HTTPException(404, f"no {what} with id {record_id!r}")
            return json_response(dump_record(found))

        return await run(request, work)

    one.__doc__ = f"One {what} by its id, with its evidence."
    one.__name__ = f"one_of_{table}"
    return one


for _table, (_what, _model) in KEYED.items():
    router.add_api_route(
        f"/{_table}/{{record_id}}",
        _endpoint(_table, _what),
        methods=["GET"],
        response_model=_model,
        summary=f"One {_what}",
        responses={404: {"description": f"No {_what} has this id."}},
    )
