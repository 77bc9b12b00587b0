"""The HTML pages: the app (the report's views over the JSON API, and a full-text search)
and the API's documentation, both rendered with Jinja2's autoescape, and the static files
(the package's own and the report's views), served by name from a fixed list: no path from a
request reaches the filesystem."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined

from storyline.present.report import asset

router = APIRouter(include_in_schema=False)

# The static files there are, and their types.
STATIC: dict[str, str] = {
    "app.css": "text/css; charset=utf-8",
    "app_page.css": "text/css; charset=utf-8",
    "api_source.js": "text/javascript; charset=utf-8",
    "app_boot.js": "text/javascript; charset=utf-8",
}
# The report's files the app reuses (storyline.present.report.asset), and their types.
REPORT_STATIC: dict[str, str] = {
    "report_source.js": "text/javascript; charset=utf-8",
    "report_app.js": "text/javascript; charset=utf-8",
    "report.css": "text/css; charset=utf-8",
}
# The app's scripts in load order: the report's day arithmetic and views, the API-backed
# source, the start-up.
APP_SCRIPTS = ("report_source.js", "report_app.js", "api_source.js", "app_boot.js")
_METHODS = ("get", "head")


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _static(name: str) -> bytes:
    if name in REPORT_STATIC:
        return asset(name).encode("utf-8")
    return files("storyline.web").joinpath("static", name).read_bytes()


def _html(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_environment().get_template(template).render(**context))


@router.get("/")
async def app_page() -> Response:
    return _html("app.html", scripts=APP_SCRIPTS)


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI document's operations, in its order, as the docs page lists them."""
    found = []
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            if method not in _METHODS:
                continue
            parameters = [
                {
                    "name": p["name"],
                    "where": p.get("in", ""),
                    "required": p.get("required", False),
                    "type": _type_label(p.get("schema", {})),
                    "description": p.get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": parameters,
                }
            )
    return found


def _type_label(schema: dict[str, Any]) -> str:
    """A parameter's type and bounds in a few words: "integer ≤ 200", "one of ..."."""
    options = schema.get("anyOf", [schema])
    kinds = [o for o in options if o.get("type") != "null"]
    if not kinds:
        return ""
    kind = kinds[0]
    label = str(kind.get("type", ""))
    if "enum" in kind:
        label = "one of " + ", ".join(str(v) for v in kind["enum"])
    bounds = [f"≥ {kind['minimum']}"] if "minimum" in kind else []
    bounds += [f"≤ {kind['maximum']}"] if "maximum" in kind else []
    if "default" in schema:
        bounds.append(f"default {schema['default']}")
    return " ".join([label, *bounds]).strip()


@router.get("/api/docs")
async def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    return _html("api_docs.html", info=spec.get("info", {}), endpoints=endpoints(spec))


@router.get("/static/{name}")
async def static(name: str) -> Response:
    kind = STATIC.get(name) or REPORT_STATIC.get(name)
    if kind is None:
        raise HTTPException(404, "no such file")
    return Response(_static(name), media_type=kind, headers={"cache-control": "max-age=3600"})


@router.get("/favicon.ico")
async def favicon() -> Response:
    # Browsers ask for it on every page; no icon, and no 404 in the console.
    return Response(status_code=204, headers={"cache-control": "max-age=86400"})
