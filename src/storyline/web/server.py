"""Running the web app with uvicorn, as `storyline serve` does: the socket is bound first, so
a port in use is one clear error, and the URL is printed once the server can answer."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable

import uvicorn

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


def serve(db: str, host: str, port: int, say: Callable[[str], None] = print) -> None:
    """Serve the store at ``db`` until interrupted (Ctrl-C ends it cleanly)."""
    check_store(db)
    app = create_app(db)
    sock = bind(host, port)
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        server_header=False,
        timeout_keep_alive=5,
        # Request lines and headers larger than this are refused (h11's own default is 16 KB).
        h11_max_incomplete_event_size=16 * 1024,
    )
    server = uvicorn.Server(config)
    say(f"storyline: serving {db} read-only at {url_of(host, bound_port)} (Ctrl-C stops it)")
    sys.stdout.flush()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn has shut down; it raises the signal it caught again
    finally:
        sock.close()
