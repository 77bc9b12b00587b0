"""What a request may ask of the server, and the headers every response carries.

The app only reads: GET and HEAD are the only methods, and a request carries no body. The
guard is plain ASGI middleware, so it also answers requests no route matches, before FastAPI
reads anything.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_PAGE = 50
MAX_PAGE = 200
# The largest offset a page may start at: far beyond any store, and inside a 64-bit integer
# on both databases.
MAX_OFFSET = 1_000_000_000
# Seconds one request's queries may take; longer is a 503 (the database stops the statement).
QUERY_SECONDS = 2.0
# Threads that run store reads at once, per process. Python runs one of them at a time (SQLite
# and PostgreSQL work aside), so more only lengthen the queue's tail: with 4, 8 and 16 under
# load the throughput was the same and the p99 lowest with few (bench/web/load.py).
WORKER_THREADS = 8
# Characters of a request's path and query string together.
MAX_URL = 4096
# What a filter value may hold (a name part, a date, an id).
MAX_TEXT = 200

# HEAD too is refused: no route answers it, and a read-only API needs no second way in.
ALLOWED_METHODS = ("GET",)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    # Only this server's own scripts, styles, images and fetches; no frames, no plugins.
    (
        b"content-security-policy",
        b"default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        b"form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def error_body(status: int, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "message": message}}).encode()


class RequestGuard:
    """Refuses what a read-only API never needs and adds the security headers to every
    response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = _refusal(scope)
        if refused is not None:
            await _send_error(send, *refused)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _refusal(scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
    """The status, message and extra headers a request is refused with, or None."""
    if scope["method"] not in ALLOWED_METHODS:
        allow = ", ".join(ALLOWED_METHODS).encode()
        return (
            405,
            f"method {scope['method']} is not allowed: the API only reads (GET)",
            [(b"allow", allow)],
        )
    headers = dict(scope.get("headers", []))
    length = headers.get(b"content-length", b"0").strip() or b"0"
    if length != b"0" or b"transfer-encoding" in headers:
        return 413, "requests carry no body: the API only reads (GET)", []
    if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > MAX_URL:
        return 414, f"the URL is longer than {MAX_URL} characters", []
    return None


async def _send_error(
    send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]]
) -> None:
    body = error_body(status, message)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *extra,
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
