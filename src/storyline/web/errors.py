"""Every error the API answers with is JSON, ``{"error": {"status": S, "message": "..."}}``:
unknown routes and ids, bad parameters, a query over its time limit, and any failure, which
is logged with its traceback on the server and never shown to the client."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from storyline.errors import QueryTimeout, StoreError
from storyline.web.limits import QUERY_SECONDS, SECURITY_HEADERS, error_body

log = logging.getLogger("storyline.web")


class Overtime(Exception):
    """A request's queries ran past the time limit."""


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        error_body(status, message),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def _validation_message(exc: RequestValidationError) -> str:
    """One line per bad parameter: where it is and what is wrong ("query parameter 'limit':
    Input should be less than or equal to 200")."""
    lines = []
    for error in exc.errors():
        where = [str(part) for part in error.get("loc", ())]
        place = f"{where[0]} parameter {where[-1]!r}" if len(where) > 1 else ".".join(where)
        lines.append(f"{place}: {error.get('msg', 'invalid')}")
    return "; ".join(lines) or "invalid request"


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.detail), exc.headers)


async def _invalid(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, _validation_message(exc))


async def _overtime(request: Request, _exc: Exception) -> Response:
    seconds = getattr(request.app.state, "query_seconds", QUERY_SECONDS)
    return error_response(
        503,
        f"the query took longer than {seconds:g} s: narrow it with filters or a smaller page",
        {"retry-after": "1"},
    )


async def _store_failed(request: Request, exc: Exception) -> Response:
    log.error("store error on %s: %s", request.url.path, exc)
    return error_response(500, "the store could not answer this request")


async def _failed(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    # Starlette sends this one from outside every middleware: it needs the headers here.
    headers = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}
    return error_response(500, "internal error: the server log has the details", headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(QueryTimeout, _overtime)
    app.add_exception_handler(Overtime, _overtime)
    app.add_exception_handler(StoreError, _store_failed)
    app.add_exception_handler(Exception, _failed)
