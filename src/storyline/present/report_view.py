"""What the HTML report shows, computed from a ResolvedStory: plain rows of strings the
template lays out. Kept apart from rendering so the choices (labels, order, which spans to
mark) are testable without parsing HTML. No string here is escaped: the template escapes
everything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from storyline import datafiles
from storyline.model import Document, Evidence, Figure, ResolvedStory
from storyline.present.display import (
    basis_label,
    date_label,
    document_label,
    evidence_matches,
    ordered_timeline,
    outlet_label,
    point_date_label,
    published_sort_key,
    short_id,
)
from storyline.present.highlight import Piece, anchor, evidence_anchor, pieces

SNIPPET_CHARS = 240


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


def _group_of(event_type: str | None) -> str:
    for group in event_groups():
        if event_type in group.types:
            return group.key
    return "statement"


@dataclass(frozen=True)
class Citation:
    href: str | None  # the cited span in its source's text, else the source, else nothing
    snippet: str
    outlet: str
    title: str
    short: str
    verified: bool  # the offsets really point at this text in this document


@dataclass(frozen=True)
class TimelineRow:
    anchor: str
    date: str
    summary: str
    kind: str
    type_label: str
    group: str
    mode: str | None  # shown only when the text does not simply assert the event
    actors: str
    citations: list[Citation]


@dataclass(frozen=True)
class EntityRow:
    anchor: str
    name: str
    kind: str
    aliases: list[str]
    mentions: int
    documents: int


@dataclass(frozen=True)
class FigureRow:
    anchor: str
    value: str
    counts: str
    subject: str
    as_of: str
    attributed_to: str
    citation: Citation
    conflict_notes: list[str]


@dataclass(frozen=True)
class ConflictItem:
    label: str
    href: str | None


@dataclass(frozen=True)
class ConflictRow:
    kind: str
    note: str
    items: list[ConflictItem]


@dataclass(frozen=True)
class SeriesPointRow:
    date: str
    value: str
    whose: str
    href: str  # the figure's row, whose citation points at the text


@dataclass(frozen=True)
class SeriesRow:
    quantity: str
    points: list[SeriesPointRow]


@dataclass(frozen=True)
class QuoteRow:
    anchor: str
    speaker: str
    text: str
    date: str
    citation: Citation


@dataclass(frozen=True)
class SourceRow:
    anchor: str
    short: str
    title: str
    outlet: str
    author: str
    credits: list[str]
    published: str
    basis: str
    reasons: list[str]  # why an inferred date is what it is
    source: str
    url: str
    pieces: list[Piece]
    cited_spans: int
    # The outlets it names as sources ("told Reuters", "cites Axios") and the documents whose
    # copy it retells (anchor, label, how much is shared and why it is the retelling).
    draws_on: list[str] = field(default_factory=list)
    retells: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class StoryRow:
    title: str
    documents: int
    events: int


@dataclass(frozen=True)
class ReportView:
    title: str
    date_range: str
    counts: list[tuple[str, int]]
    stories: list[StoryRow]
    groups: tuple[EventGroup, ...]
    timeline: list[TimelineRow]
    entities: list[EntityRow]
    figures: list[FigureRow]
    conflicts: list[ConflictRow]
    quotes: list[QuoteRow]
    sources: list[SourceRow]
    rejections: list[tuple[str, str, str]] = field(default_factory=list)
    series: list[SeriesRow] = field(default_factory=list)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1].rstrip() + "…"


def _citation(ev: Evidence, documents: dict[str, Document]) -> Citation:
    doc = documents.get(ev.doc)
    verified = evidence_matches(ev, documents)
    if verified:
        href: str | None = "#" + evidence_anchor(ev)
    else:
        href = "#" + anchor("doc", ev.doc) if doc is not None else None
    return Citation(
        href=href,
        snippet=_snippet(ev.text),
        outlet=outlet_label(doc),
        title=(doc.title if doc else None) or "untitled",
        short=short_id(ev.doc),
        verified=verified,
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_value(figure: Figure) -> str:
    if figure.low is not None and figure.high is not None and figure.low != figure.high:
        text = f"{_number(figure.low)}–{_number(figure.high)}"
    else:
        text = _number(figure.value)
    return f"about {text}" if figure.approximate else text


def _entity_names(story: ResolvedStory) -> dict[str, str]:
    return {entity.id: entity.name for entity in story.entities}


def _timeline_rows(story: ResolvedStory, documents: dict[str, Document]) -> list[TimelineRow]:
    events = {event.id: event for event in story.events}
    names = _entity_names(story)
    rows: list[TimelineRow] = []
    seen: set[str] = set()
    for entry in ordered_timeline(story.timeline):
        event = events.get(entry.ref)
        actors = ""
        mode = None
        if event is not None:
            who = [names.get(a, a) for a in (event.source_actor, event.target_actor) if a]
            where = f"in {names.get(event.location, event.location)}" if event.location else ""
            told = (
                f"reported by {names.get(event.reported_by, event.reported_by)}"
                if event.reported_by
                else ""
            )
            actors = " · ".join(x for x in (" → ".join(who), where, told) if x)
            mode = event.mode if event.mode != "asserted" else None
        row_anchor = anchor("tl", entry.ref)
        if row_anchor in seen:  # one entry per ref is the norm; keep ids unique regardless
            row_anchor = anchor("tl", f"{entry.ref}-{len(seen)}")
        seen.add(row_anchor)
        rows.append(
            TimelineRow(
                anchor=row_anchor,
                date=entry.date,
                summary=entry.summary,
                kind=entry.kind,
                type_label=entry.type or entry.kind,
                group=_group_of(entry.type),
                mode=mode,
                actors=actors,
                citations=[_citation(ev, documents) for ev in entry.citations],
            )
        )
    return rows


def _entity_rows(story: ResolvedStory) -> list[EntityRow]:
    rows = [
        EntityRow(
            anchor=anchor("ent", e.id),
            name=e.name,
            kind=e.kind,
            aliases=[a for a in e.aliases if a != e.name],
            mentions=len(e.mentions),
            documents=len({m.doc for m in e.mentions}),
        )
        for e in story.entities
    ]
    return sorted(rows, key=lambda r: (-r.mentions, r.name.casefold(), r.anchor))


def _conflict_notes(story: ResolvedStory) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for conflict in story.conflicts:
        for item in conflict.items:
            notes.setdefault(item, []).append(conflict.note)
    return notes


def _figure_rows(story: ResolvedStory, documents: dict[str, Document]) -> list[FigureRow]:
    notes = _conflict_notes(story)
    ordered = sorted(
        story.figures,
        key=lambda f: (f.counts or "", f.subject or "", f.as_of or "", f.value, f.id),
    )
    return [
        FigureRow(
            anchor=anchor("fig", f.id),
            value=figure_value(f),
            counts=f.counts or "",
            subject=f.subject or "",
            as_of=f.as_of or "",
            attributed_to=f.attributed_to or "",
            citation=_citation(f.evidence, documents),
            conflict_notes=notes.get(f.id, []),
        )
        for f in ordered
    ]


def _conflict_rows(story: ResolvedStory, documents: dict[str, Document]) -> list[ConflictRow]:
    labels: dict[str, ConflictItem] = {}
    for f in story.figures:
        outlet = documents[f.evidence.doc].outlet if f.evidence.doc in documents else None
        text = " ".join(
            x for x in (figure_value(f), f.counts, f"({outlet})" if outlet else "") if x
        )
        labels[f.id] = ConflictItem(text, "#" + anchor("fig", f.id))
    for entry in story.timeline:
        labels.setdefault(entry.ref, ConflictItem(entry.summary, "#" + anchor("tl", entry.ref)))
    for event in story.events:  # undated events have no timeline row to link to
        labels.setdefault(event.id, ConflictItem(event.summary, None))
    for doc in story.documents:
        labels[doc.id] = ConflictItem(doc.title or short_id(doc.id), "#" + anchor("doc", doc.id))
    return [
        ConflictRow(c.kind, c.note, [labels.get(i, ConflictItem(i, None)) for i in c.items])
        for c in sorted(story.conflicts, key=lambda c: (c.kind, c.items, c.note))
    ]


def _series_rows(story: ResolvedStory) -> list[SeriesRow]:
    rows = []
    for one in story.series:
        points = [
            SeriesPointRow(
                date=point_date_label(p),
                value=("about " if p.approximate else "") + _number(p.value),
                whose=p.attributed_to or "",
                href="#" + anchor("fig", p.figure),
            )
            for p in one.points
        ]
        rows.append(SeriesRow(one.quantity, points))
    return rows


def _quote_rows(story: ResolvedStory, documents: dict[str, Document]) -> list[QuoteRow]:
    names = _entity_names(story)
    ordered = sorted(
        story.quotes,
        key=lambda q: (q.date is None, q.date or "", q.evidence.doc, q.evidence.start, q.id),
    )
    return [
        QuoteRow(
            anchor=anchor("q", q.id),
            speaker=names.get(q.speaker or "") or q.speaker_name or q.speaker or "unattributed",
            text=q.text,
            date=q.date or "",
            # The quote is already on show; repeating it as the citation's snippet is noise.
            citation=replace(_citation(q.evidence, documents), snippet=""),
        )
        for q in ordered
    ]


def _cited_spans(story: ResolvedStory) -> dict[str, list[Evidence]]:
    spans: dict[str, list[Evidence]] = {}
    cited: Iterable[Evidence] = [
        *(ev for entry in story.timeline for ev in entry.citations),
        *(f.evidence for f in story.figures),
        *(q.evidence for q in story.quotes),
    ]
    documents = {doc.id: doc for doc in story.documents}
    for ev in cited:
        # Only spans that really match are marked: a wrong offset must not paint wrong words.
        if evidence_matches(ev, documents):
            spans.setdefault(ev.doc, []).append(ev)
    return spans


def _draws_on(story: ResolvedStory) -> dict[str, list[str]]:
    words = {"told": "told {}", "cited": "cites {}"}
    found: dict[str, list[str]] = {}
    for c in story.source_credits:
        if c.outlet and c.role in words:
            line = words[c.role].format(c.outlet)
            if line not in found.setdefault(c.doc, []):
                found[c.doc].append(line)
    return found


def _retells(story: ResolvedStory) -> dict[str, list[tuple[str, str, str]]]:
    documents = {doc.id: doc for doc in story.documents}
    found: dict[str, list[tuple[str, str, str]]] = {}
    for d in story.derivations:
        label = document_label(d.derived_from, documents)
        note = f"{d.similarity:.0%} of the shorter shared; {d.basis}"
        found.setdefault(d.doc, []).append((anchor("doc", d.derived_from), label, note))
    return found


def _source_rows(story: ResolvedStory) -> list[SourceRow]:
    spans = _cited_spans(story)
    draws_on, retells = _draws_on(story), _retells(story)
    return [
        SourceRow(
            anchor=anchor("doc", d.id),
            short=short_id(d.id),
            title=d.title or "untitled",
            outlet=outlet_label(d),
            author=d.author or "",
            credits=list(d.credits),
            published=date_label(d.published),
            basis=basis_label(d),
            reasons=list(d.published_reasons),
            source=d.source,
            url=d.url or "",
            pieces=pieces(d.text, spans.get(d.id, [])),
            cited_spans=len({(e.start, e.end) for e in spans.get(d.id, [])}),
            draws_on=draws_on.get(d.id, []),
            retells=retells.get(d.id, []),
        )
        for d in sorted(story.documents, key=published_sort_key)
    ]


def _title(story: ResolvedStory, title: str | None) -> str:
    if title:
        return title
    if len(story.stories) == 1:
        return story.stories[0].title
    return "Storyline report"


def build_view(story: ResolvedStory, title: str | None = None) -> ReportView:
    documents = {doc.id: doc for doc in story.documents}
    timeline = _timeline_rows(story, documents)
    date_range = f"{timeline[0].date} to {timeline[-1].date}" if timeline else ""
    return ReportView(
        title=_title(story, title),
        date_range=date_range,
        counts=[
            ("sources", len(story.documents)),
            ("timeline entries", len(story.timeline)),
            ("events", len(story.events)),
            ("entities", len(story.entities)),
            ("figures", len(story.figures)),
            ("quotes", len(story.quotes)),
            ("conflicts", len(story.conflicts)),
            ("rejected inputs", len(story.rejections)),
        ],
        stories=[StoryRow(s.title, len(s.documents), len(s.events)) for s in story.stories],
        groups=event_groups(),
        timeline=timeline,
        entities=_entity_rows(story),
        figures=_figure_rows(story, documents),
        conflicts=_conflict_rows(story, documents),
        series=_series_rows(story),
        quotes=_quote_rows(story, documents),
        sources=_source_rows(story),
        rejections=[
            (r.source, r.reason, r.detail)
            for r in sorted(story.rejections, key=lambda r: (r.source, r.reason, r.detail))
        ],
    )
