"""A small HTTP/1.1 client on asyncio streams for the load benchmark: one kept-alive
connection per simulated user, GET only, bodies read by Content-Length (what the server
sends). Small on purpose: the clients share the machine with the server they measure."""

from __future__ import annotations

import asyncio
import contextlib


class HttpError(Exception):
    """The connection failed or the reply could not be read."""


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        # Whether the last reply said it came from the server's cache (x-cache: hit).
        self.cached = False

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        return self._reader, self._writer

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None

    async def get(self, path: str) -> tuple[int, bytes]:
        """The status and body of GET ``path``; HttpError when the exchange fails (the
        connection is then closed, and the next request opens a new one). A kept-alive
        connection the server closed while idle (its keep-alive timeout) is retried once on
        a new one, as browsers do for a GET."""
        reused = self._writer is not None
        try:
            return await self._exchange(path)
        except _Stale:
            if not reused:
                raise HttpError("the server closed the connection") from None
            return await self._exchange(path)

    async def _exchange(self, path: str) -> tuple[int, bytes]:
        try:
            reader, writer = await self._open()
            request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
            writer.write(request.encode("ascii"))
            await writer.drain()
            status_line = await reader.readline()
        except (ConnectionResetError, BrokenPipeError) as exc:
            await self.close()
            raise _Stale from exc
        except OSError as exc:
            await self.close()
            raise HttpError(str(exc) or type(exc).__name__) from exc
        if not status_line:
            await self.close()
            raise _Stale
        try:
            status = int(status_line.split()[1])
            length, closing, self.cached = 0, False, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "connection":
                    closing = "close" in value.lower()
                elif name == "x-cache":
                    self.cached = value.strip() == "hit"
            body = await reader.readexactly(length) if length else b""
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
            await self.close()
            raise HttpError(str(exc) or type(exc).__name__) from exc
        if closing:
            await self.close()
        return status, body


class _Stale(Exception):
    """The connection was closed before any reply began."""
