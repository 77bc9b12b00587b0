"""Answers of the API kept and sent again while the store is as it was.

The key is the full URL (path and query string), the stored story's fingerprint and the number
of rejected inputs (the stats count them), and an answer is kept only while no document is
pending: every change to a document marks it pending, and building the story again changes the
fingerprint, so an answer is never sent for a store that has changed since. Bounded in bytes,
least recently used first out. Plain ASGI middleware: a hit is answered before FastAPI reads
the request.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import anyio.to_thread

from storyline.store import Store
from storyline.web.limits import ASGIApp, Message, Receive, Scope, Send

# Bytes of answers one server process keeps.
CACHE_BYTES = 64 * 1024 * 1024
HIT_HEADER = (b"x-cache", b"hit")
MISS_HEADER = (b"x-cache", b"miss")

Key = tuple[str, int, str, bytes]


class Answers:
    """Kept answers (status 200 only: headers and body), least recently used first out."""

    def __init__(self, most_bytes: int) -> None:
        self.most_bytes = most_bytes
        self.bytes = 0
        self.hits = self.misses = 0
        self._kept: OrderedDict[Key, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()

    def get(self, key: Key) -> tuple[list[tuple[bytes, bytes]], bytes] | None:
        found = self._kept.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._kept.move_to_end(key)
        return found

    def put(self, key: Key, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        # One answer never takes more than an eighth: a few huge pages would empty the rest.
        if len(body) > self.most_bytes // 8 or key in self._kept:
            return
        self._kept[key] = (headers, body)
        self.bytes += len(body)
        while self.bytes > self.most_bytes:
            _, (_, dropped) = self._kept.popitem(last=False)
            self.bytes -= len(dropped)


class ResponseCache:
    def __init__(self, app: ASGIApp, store: Store, most_bytes: int = CACHE_BYTES) -> None:
        self.app = app
        self.store = store
        self.answers = Answers(most_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith("/api/")
            or self.answers.most_bytes <= 0
        ):
            await self.app(scope, receive, send)
            return
        if self.store.dialect == "sqlite":
            # Two small reads of a local file (a WAL reader never waits for the writer):
            # cheaper here than the hop to a worker thread, which a hit would otherwise queue
            # for behind slow queries.
            fingerprint, pending, rejected = self.store.story_state()
        else:
            fingerprint, pending, rejected = await anyio.to_thread.run_sync(self.store.story_state)
        if fingerprint is None or pending:
            await self.app(scope, receive, send)
            return
        key: Key = (fingerprint, rejected, path, scope.get("query_string", b""))
        found = self.answers.get(key)
        if found is not None:
            headers, body = found
            await send(
                {"type": "http.response.start", "status": 200, "headers": [*headers, HIT_HEADER]}
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, _Keeper(send, key, self.answers))


class _Keeper:
    """Passes an answer on and keeps it when it is a whole 200 answer."""

    def __init__(self, send: Send, key: Key, answers: Answers) -> None:
        self.send, self.key, self.answers = send, key, answers
        self.headers: list[tuple[bytes, bytes]] | None = None
        self.parts: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers: list[Any] = list(message.get("headers", []))
            if message.get("status") == 200:
                self.headers = headers
            message["headers"] = [*headers, MISS_HEADER]
        elif message["type"] == "http.response.body" and self.headers is not None:
            self.parts.append(message.get("body", b""))
            if not message.get("more_body", False):
                self.answers.put(self.key, self.headers, b"".join(self.parts))
        await self.send(message)
