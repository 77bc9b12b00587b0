"""Running the web app with uvicorn, as `storyline serve` does: the socket is bound first, so
a port in use is one clear error, and the URL is printed once the server can answer."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors.multiprocess import Multiprocess

from storyline.errors import EmptyStore, StaleStory, StorylineError
from storyline.pipeline.stages import require_store
from storyline.store import Store
from storyline.web.app import create_app


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def check_store(db: str) -> None:
    """The store must exist, hold documents and a built story (EmptyStore, StaleStory)."""
    require_store(db)
    with Store.open(db, read_only=True) as store:
        if store.count_documents() == 0:
            raise EmptyStore(f"no documents in {db}")
        if store.story_fingerprint() is None:
            raise StaleStory(f"no story has been built in {db} yet")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        raise StorylineError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            hint="pass another --port, or stop what is using it",
        ) from None
    return sock


def _config(app: FastAPI | str, workers: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        factory=isinstance(app, str),
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
        timeout_keep_alive=5,
        # Request lines and headers larger than this are refused (h11's own default is 16 KB).
        h11_max_incomplete_event_size=16 * 1024,
    )


def serve(
    db: str, host: str, port: int, *, workers: int = 1, say: Callable[[str], None] = print
) -> None:
    """Serve the store at ``db`` until interrupted (Ctrl-C ends it cleanly). ``workers``
    processes share the socket, each with its own app and store: Python runs one request's
    code at a time per process, so more cores serve more requests at once."""
    check_store(db)
    sock = bind(host, port)
    if workers == 1:
        server = uvicorn.Server(_config(create_app(db), 1))

        def run() -> None:
            server.run(sockets=[sock])

    else:
        # Worker processes are spawned: each builds its app from this import string.
        os.environ[DB_ENV] = db
        config = _config(f"{__name__}:app_from_environment", workers)

        def run() -> None:
            Multiprocess(config, sockets=[sock]).run()

    bound_port = sock.getsockname()[1]
    say(f"storyline: serving {db} read-only at {url_of(host, bound_port)} (Ctrl-C stops it)")
    sys.stdout.flush()
    try:
        run()
    except KeyboardInterrupt:
        pass  # uvicorn has shut down; it raises the signal it caught again
    finally:
        sock.close()


# The store a worker process serves, for app_from_environment: worker processes are spawned,
# so they build their app from an import string and find the store here.
DB_ENV = "STORYLINE_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The app of one worker process (uvicorn's factory): the store named in DB_ENV."""
    return create_app(os.environ[DB_ENV])
