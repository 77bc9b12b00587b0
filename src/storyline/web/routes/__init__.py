"""The API's routes, one module per resource, and the HTML pages."""

from fastapi import FastAPI

from storyline.web.routes import documents, overview, pages, records, search, story, views


def install(app: FastAPI) -> None:
    for module in (overview, story, documents, search, records, views, pages):
        app.include_router(module.router)
