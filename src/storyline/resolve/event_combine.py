"""One Event from the reports of one real event in several documents: every document,
mention and report kept; the date the most specific one all reports allow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storyline.model import Event, EventReport, sha256_hex
from storyline.resolve.event_dates import shared_date
from storyline.resolve.event_match import Report
from storyline.timex.days import value_span

_ROLES = (
    ("source_actor", "source_evidence"),
    ("target_actor", "target_evidence"),
    ("location", "location_evidence"),
    ("reported_by", "reported_by_evidence"),
)


def merged_id(ids: Sequence[str]) -> str:
    """Stable for the same reports, whatever order they come in."""
    return "x:" + sha256_hex("\n".join(sorted(ids)).encode())[:16]


def _precision(report: Report) -> tuple[bool, int, int, str]:
    """Order of preference for the report the event is told by: dated by its words on both
    sides, the narrowest span of days, the most actors."""
    width = (report.last - report.first).days if report.first and report.last else 1 << 30
    return (not report.firm, width, -len(report.actors), report.event.id)


def combine(reports: Sequence[Report]) -> Event:
    ordered = sorted(reports, key=_precision)
    lead = ordered[0].event
    update: dict[str, object] = {
        "id": merged_id([r.event.id for r in reports]),
        "documents": sorted({d for r in reports for d in r.event.documents}),
        "mentions": [m for r in ordered for m in r.event.mentions],
        "reports": [_report(r.event) for r in sorted(reports, key=lambda r: r.event.id)],
    }
    for role, evidence in _ROLES:
        teller = next((r.event for r in ordered if getattr(r.event, role) is not None), None)
        if teller is not None:
            update[role] = getattr(teller, role)
            update[evidence] = getattr(teller, evidence)
    update.update(_date_fields(ordered))
    return lead.model_copy(update=update)


def _report(event: Event) -> EventReport:
    return EventReport(
        id=event.id,
        doc=event.documents[0] if event.documents else "",
        trigger=event.trigger,
        mention=event.mentions[0] if event.mentions else None,
        date=event.date,
        date_basis=event.date_basis,
        date_earliest=event.date_earliest,
        date_latest=event.date_latest,
        date_evidence=event.date_evidence,
    )


def _date_fields(ordered: Sequence[Report]) -> dict[str, object]:
    """The lead report's date within the days every report allows: its date where that lies
    within them, else the most precise calendar date they share; the bounds that remain."""
    first = max((r.first for r in ordered if r.first is not None), default=None)
    last = min((r.last for r in ordered if r.last is not None), default=None)
    lead = ordered[0]
    event = lead.event
    if not lead.firm:
        # Bounded on one side only: it happened by the earliest of the reports' bounds.
        date = event.date
        if last is not None and not _within(date, None, last):
            date = last.isoformat()
        return {"date": date, "date_latest": last.isoformat() if last else event.date_latest}
    if first is None or last is None:
        return {}
    date = event.date
    if not _within(date, first, last):
        date = shared_date(first.isoformat(), last.isoformat())
    span = value_span(date)
    if span == (first, last):
        return {"date": date, "date_basis": "text", "date_earliest": None, "date_latest": None}
    return {
        "date": date,
        "date_basis": "text",
        "date_earliest": first.isoformat(),
        "date_latest": last.isoformat(),
    }


def _within(value: str | None, first: dt.date | None, last: dt.date | None) -> bool:
    span = value_span(value)
    if span is None:
        return False
    return (first is None or span[0] >= first) and (last is None or span[1] <= last)
