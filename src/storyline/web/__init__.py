"""`storyline serve`: the read-only web app over a story store and its JSON HTTP API.

- app.py: create_app, the FastAPI application over one store opened read-only;
- limits.py: what a request may ask (methods, body, URL, page size, query time) and the
  headers every response carries;
- errors.py: every error as JSON {"error": {"status", "message"}}, never a traceback;
- paging.py: the page parameters and the envelope every list endpoint answers with;
- routes/: one module per resource; pages.py the app page, the API docs and static files;
- server.py: running the app with uvicorn, as the CLI does.
"""

from storyline.web.app import create_app

__all__ = ["create_app"]
