"""What the HTML report needs besides the storyline/1 records: the display labels and the
story's time span, computed here so the report, the terminal and the web app name things the
same way. The result is the report's small "view" key; the records themselves stay as
`storyline export` writes them. No string here is escaped: the page builds text nodes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from storyline import datafiles
from storyline.model import Figure, ResolvedStory
from storyline.present.display import (
    basis_label,
    date_label,
    outlet_label,
    published_day,
)

# Entries dated further outside the documents' publication period than a quarter of its
# length, or than this many days, do not stretch the headline span: a house number read as the
# year 1119 is not where a 2022 story starts, nor is the background an article recalls.
SPAN_MARGIN_DAYS = 92
SPAN_MARGIN_SHARE = 0.25
# The bulk of the publication days: the share cut off at each end before the margin applies.
SPAN_QUANTILE = 0.01


@dataclass(frozen=True)
class EventGroup:
    key: str
    label: str
    description: str
    types: tuple[str, ...]


@cache
def event_groups() -> tuple[EventGroup, ...]:
    data = datafiles.table("storyline.present", "event_groups.toml")
    return tuple(
        EventGroup(key, g["label"], g["description"], tuple(g["types"]))
        for key, g in data["groups"].items()
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_value(figure: Figure) -> str:
    if figure.low is not None and figure.high is not None and figure.low != figure.high:
        text = f"{_number(figure.low)}–{_number(figure.high)}"
    else:
        text = _number(figure.value)
    return f"about {text}" if figure.approximate else text


def day_of(text: str | None) -> dt.date | None:
    """The first day an ISO date of any precision covers ("2024" is 1 January); None for
    anything else ("XXXX-10-07", a week)."""
    if not text or len(text) < 4 or not text[:4].isdigit():
        return None
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return dt.date(year, month, day)
    except ValueError:
        return None


def _quantile(days: list[dt.date], q: float) -> dt.date:
    return days[round(q * (len(days) - 1))]


def _bulk(days: list[dt.date], q: float) -> tuple[dt.date, dt.date]:
    return _quantile(days, q), _quantile(days, 1 - q)


def time_span(story: ResolvedStory) -> dict[str, Any]:
    """The story's real time span: the first and last timeline dates that lie within (a
    margin of) the documents' publication period, and what was left out and why."""
    entries = sorted(
        (day, entry.date) for entry in story.timeline if (day := day_of(entry.date)) is not None
    )
    published = sorted(d for doc in story.documents if (d := day_of(published_day(doc))))
    if published:
        low, high = _bulk(published, SPAN_QUANTILE)
        basis = "publication dates"
    elif entries:
        low, high = _bulk([day for day, _ in entries], 0.25)
        basis = "timeline dates"
    else:
        return {"start": None, "end": None, "outside": 0, "outside_dates": [], "basis": ""}
    margin = max(dt.timedelta(days=SPAN_MARGIN_DAYS), (high - low) * SPAN_MARGIN_SHARE)
    inside = [(day, text) for day, text in entries if low - margin <= day <= high + margin]
    outside = sorted({text for day, text in entries if not low - margin <= day <= high + margin})
    if inside:
        start, end = inside[0][1], inside[-1][1]
    else:
        start, end = low.isoformat(), high.isoformat()
    return {
        "start": start,
        "end": end,
        "outside": len(entries) - len(inside),
        "outside_dates": outside[:5],
        "basis": basis,
    }


def _title(story: ResolvedStory, title: str | None) -> str:
    if title:
        return title
    if len(story.stories) == 1:
        return story.stories[0].title
    return "Storyline report"


def build_view(story: ResolvedStory, title: str | None = None) -> dict[str, Any]:
    """The report's "view" key: labels the records do not carry, one per document or
    figure, and the headline facts."""
    return {
        "title": _title(story, title),
        "span": time_span(story),
        "groups": [
            {"key": g.key, "label": g.label, "description": g.description, "types": list(g.types)}
            for g in event_groups()
        ],
        "documents": {
            doc.id: {
                "outlet": outlet_label(doc),
                "published": date_label(doc.published),
                "basis": basis_label(doc),
                "day": published_day(doc),
            }
            for doc in story.documents
        },
        "figures": {f.id: figure_value(f) for f in story.figures},
    }
