"""The self-contained HTML report: one file an analyst can open, mail or archive.

The page carries the story once, as the storyline/1 records `storyline export` writes plus the
timeline and a few display labels, in a JSON script element; a small app written for it (the
JS files beside the template, inlined) indexes them on load and draws only what is on screen,
so a store of thousands of documents stays one quick page. It loads nothing from anywhere, so
it reads the same offline and years later. Article text is untrusted: the JSON is escaped so
no string can close its script element, and the app only ever builds text nodes from it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from storyline.model import ResolvedStory
from storyline.present.display import ordered_timeline
from storyline.present.export import dump_record, export_object
from storyline.present.report_view import build_view

_TEMPLATES = Path(__file__).parent / "templates"
# The app, in load order: the data source over the embedded records, the views (which only
# talk to a source, so the web app can hand them one backed by its HTTP API), the start-up.
APP_SCRIPTS: tuple[str, ...] = ("report_source.js", "report_app.js", "report_boot.js")
# Above this much JSON the data is embedded gzipped and the browser inflates it natively
# (DecompressionStream): at 4,616 documents the file is 51 MB instead of 160 MB and loads as
# fast, within the noise of bench/web/report_load.py (about 4 s either way).
COMPRESS_ABOVE_BYTES = 2_000_000
# Tables the page never reads: the time expressions stay in `storyline export`.
_LEFT_OUT = ("times",)

# JSON may hold any text; in HTML these could end the script element ("</script>"), open a
# comment ("<!--") or, for old parsers, a line. As \u escapes they mean the same to JSON.parse.
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
# On the 4,625 Timeline17 documents level 3 packs 160 MB of JSON in 1.6 s to 38 MB; the
# default (6) takes 3.9 s for 34 MB.
_GZIP_LEVEL = 3


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=True,  # for every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def report_data(story: ResolvedStory, title: str | None = None) -> dict[str, Any]:
    """What the page embeds: the storyline/1 tables, the timeline in date order, and the
    "view" key of labels."""
    data = export_object(story)
    for table in _LEFT_OUT:
        data.pop(table, None)
    data["timeline"] = [dump_record(entry) for entry in ordered_timeline(story.timeline)]
    data["view"] = build_view(story, title)
    return data


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def script_json(text: str) -> str:
    """JSON text made safe as the content of a <script> element."""
    # str.replace per character is several times faster than str.translate on large text.
    for raw, escaped in _SCRIPT_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def render_report(
    story: ResolvedStory, title: str | None = None, *, compress: bool | None = None
) -> str:
    """One self-contained HTML page: the timeline, figures and their conflicts, quotes,
    sources and actors, every fact linked to its words in the article. ``compress`` embeds
    the data gzipped (default: when it is large)."""
    data = report_data(story, title)
    text = _json(data)
    if compress is None:
        compress = len(text) > COMPRESS_ABOVE_BYTES
    if compress:
        packed = gzip.compress(text.encode("utf-8"), compresslevel=_GZIP_LEVEL, mtime=0)
        payload = base64.b64encode(packed).decode("ascii")
    else:
        payload = script_json(text)
    template = _environment().get_template("report.html")
    return template.render(
        title=data["view"]["title"],
        encoding="gzip-base64" if compress else "json",
        payload=Markup(payload),  # escaped above for a script element, not as HTML text
        script=Markup(app_script()),
        script_hash=_script_hash(),
    )


def asset(name: str) -> str:
    """One of the page's files (a script of APP_SCRIPTS, report.css): the web app serves the
    views and the stylesheet from here, with a data source of its own."""
    if name not in (*APP_SCRIPTS, "report.css"):
        raise KeyError(name)
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@cache
def app_script() -> str:
    """The app's JS files, in load order, as one script."""
    return "\n".join(asset(name) for name in APP_SCRIPTS)


@cache
def _script_hash() -> str:
    # The page's policy runs this script and no other: markup that got into the page some
    # other way could not run even if it were there.
    digest = hashlib.sha256(app_script().encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
