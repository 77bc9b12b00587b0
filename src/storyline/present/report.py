"""The self-contained HTML report: one file an analyst can open, mail or archive.

Everything it needs is inline (CSS, a few lines of JS); it loads nothing from anywhere, so it
reads the same offline and years later. All text from articles goes through Jinja2's
autoescaping: an article is untrusted input.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storyline.model import ResolvedStory
from storyline.present.report_view import build_view

_TEMPLATES = Path(__file__).parent / "templates"


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


def render_report(story: ResolvedStory, title: str | None = None) -> str:
    """One self-contained HTML page: timeline, entities, figures and their conflicts, quotes,
    sources with the cited spans marked, and rejected inputs."""
    template = _environment().get_template("report.html")
    return template.render(view=build_view(story, title))
