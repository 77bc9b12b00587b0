"""The records every stage shares.

Offsets are character offsets into ``Document.text`` (the cleaned text), so every piece of
evidence can be checked with ``document.text[ev.start:ev.end] == ev.text``.

Dates are ISO strings at the precision known ("2023-12-20", "2023-12", "2023"); TIMEX3 values
with unknown parts use X ("XXXX-10-07"). An uncertain publication date is a ``DateInterval``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_NAME = "storyline/1"

PublishedBasis = Literal["metadata", "text", "inferred"]
# The bases of a date a document carries itself, as opposed to one inferred from the corpus:
# such a date is never changed by dating.
KNOWN_BASES: tuple[PublishedBasis, ...] = ("metadata", "text")

# PLOVER event types (the open standard of political event data).
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

# How the text presents an event: it happened, it did not, it may/will happen, someone
# proposes it, someone demands it.
EventMode = Literal["asserted", "negated", "hypothetical", "future", "proposed", "demanded"]
DateBasis = Literal["text", "publication"]

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


# A record's lists of evidence that are sets of spans: their order depends on how the producer
# ran (parallel workers, incremental merges), so the contract fixes it.
EVIDENCE_SETS = ("mentions", "published_evidence")


def in_contract_form(dumped: dict[str, Any]) -> dict[str, Any]:
    """A record dumped as JSON data, its evidence sets in (doc, start, end) order."""
    for key in EVIDENCE_SETS:
        if key in dumped:
            dumped[key] = sorted(dumped[key], key=lambda e: (e["doc"], e["start"], e["end"]))
    return dumped


def contract_dump(record: Record) -> dict[str, Any]:
    """A record as the storyline/1 contract writes it."""
    return in_contract_form(record.model_dump(mode="json"))


def contract_json(dumped: Any) -> str:
    """Compact JSON of a dumped record, byte for byte what the store keeps and the web API
    sends, so that stored records can be sent as they are."""
    return json.dumps(dumped, ensure_ascii=False, separators=(",", ":"))


class Evidence(Record):
    """A span of one document's cleaned text."""

    doc: str
    start: int
    end: int
    text: str


class DateInterval(Record):
    """An uncertain date: the true value lies in [earliest, latest]; best is the likeliest."""

    earliest: str
    latest: str
    best: str | None = None


class DateSource(Record):
    """Where a publication date was read, so a reader can check it: the field ("meta
    article:published_time", "json-ld datePublished", "time datetime", "byline", "jsonl
    published", "htmldate") and its value as written there."""

    field: str
    raw: str
    value: str | None = None  # the ISO date read from raw


class DocumentHead(Record):
    """A document without its text: what listings (dates, a timeline's sources) read."""

    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    credits: list[str] = Field(default_factory=list)
    url: str | None = None
    published: str | DateInterval | None = None
    published_basis: PublishedBasis | None = None
    published_evidence: list[Evidence] = Field(default_factory=list)
    # Why an inferred date is what it is, one line per clue or lean that decided it.
    published_reasons: list[str] = Field(default_factory=list)
    # Where a metadata or text date was read; None for an inferred date or an older store.
    published_source: DateSource | None = None
    # Metadata dates the page's visible byline overruled (they named another day).
    published_overruled: list[DateSource] = Field(default_factory=list)
    # sha256 hex of the raw bytes; the raw bytes themselves live in the store.
    raw_ref: str | None = None
    # The language of the text, detected at ingest: an ISO 639-1 code ("en", "ru"), or "und"
    # when the text is too short or too mixed to tell; with the detector's confidence (0 to 1).
    # None only for a document stored before languages were detected, until the next build.
    language: str | None = None
    language_confidence: float | None = None
    # Why no entities, events, figures or quotes were read from the document ("no pipeline
    # for ru": no spaCy pipeline is configured for its language); None when it was analyzed.
    not_analyzed: str | None = None


class Document(DocumentHead):
    text: str

    def head(self) -> DocumentHead:
        return DocumentHead.model_validate(self.model_dump(exclude={"text"}))


class Rejection(Record):
    """An input that was not turned into a Document, and why."""

    source: str
    reason: str  # short machine-readable reason, e.g. "binary", "empty", "too-large"
    detail: str = ""


class Ingested(BaseModel):
    """What ingest yields for one accepted input: the document and its raw form."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    document: Document
    raw: bytes


class Sentence(Record):
    start: int
    end: int


class Mention(Record):
    """One mention of a named actor, place or group."""

    evidence: Evidence
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, ...
    key: str  # normalized name used to group mentions into entities
    entity: str  # entity id (see entity_id)
    # False for a role phrase the text ties to a named person ("the Mossad chief" after
    # "Mossad chief David Barnea"): it carries the person's label, key and entity, but is not
    # a name of theirs (analyze/roles.py).
    named: bool = True


class TimeExpression(Record):
    id: str
    type: TimeType
    value: str | None  # TIMEX3 value: "2023-12-20", "2023-W51", "P10W", "PAST_REF", ...
    anchor: str | None  # the date it was resolved against, if any
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...
    # Tense of the clause it sits in: what a relative expression ("on Wednesday") is resolved
    # with, kept so that it can be re-resolved when the document's date becomes known.
    tense: Tense | None = None
    # For an age ("the five-month-old war"): when the thing began, counted back from the
    # anchor at the age's precision (TIMEX3's beginPoint): "2023-10" for five months before
    # 2024-03-09.
    begins: str | None = None
    # The Quote whose own words hold it (its reporting clause is not among them): such an
    # expression counts from the day that quote was spoken, when its clause names one.
    quote_ref: str | None = None
    evidence: Evidence


class Figure(Record):
    id: str
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    counts: str | None = None  # what is counted: "killed", "hostages", "displaced", ...
    subject: str | None = None  # who or where: "Gaza", "Israel", ...
    as_of: str | None = None
    as_of_ref: str | None = None  # id of the TimeExpression as_of came from
    attributed_to: str | None = None
    # The words that say whose the figure is: "according to an AFP tally based on Israeli
    # figures", "Gaza's Hamas-run health ministry says".
    attribution_evidence: Evidence | None = None
    evidence: Evidence


class Quote(Record):
    id: str
    text: str
    speaker: str | None = None  # entity id when the speaker is a known entity, else a name
    speaker_name: str | None = None
    # The words naming the speaker where the quote is attributed ("he", "the group", "Trump"
    # of "Trump tweeted"), whether or not they resolve to an entity; None when none do.
    speaker_evidence: Evidence | None = None
    date: str | None = None
    # id of the TimeExpression (in its reporting clause) that date came from; None when the
    # date is not the words' own (the article's date, for a statement with none).
    date_ref: str | None = None
    evidence: Evidence
    # False for a dated statement in reported speech ("Herzog said on Tuesday that ..."):
    # its text is the reported clause, not words in quotation marks.
    direct: bool = True


class EventReport(Record):
    """One document's report of an event that several documents report: the event as that
    document told it (its id before merging, its words, its date and the words dating it)."""

    id: str
    doc: str
    trigger: Evidence | None = None
    mention: Evidence | None = None  # its sentence
    date: str | None = None
    date_basis: DateBasis | None = None
    date_earliest: str | None = None
    date_latest: str | None = None
    date_evidence: Evidence | None = None


class Event(Record):
    id: str
    type: EventType
    mode: EventMode = "asserted"
    summary: str
    date: str | None = None
    date_evidence: Evidence | None = None
    date_ref: str | None = None  # id of the TimeExpression at date_evidence
    # "text": the article's words date it (date_evidence); "publication": nothing does, and the
    # date is that of the article reporting it: the event happened by then.
    date_basis: DateBasis | None = None
    # Bounds of an uncertain date, at the precision known (an absent bound is open): "had met"
    # under "reported on Monday" is on or before that Monday (date_latest, no date_earliest);
    # an event dated by an article whose publication date is an interval happened by that
    # interval's end. `date` stays the best single date to place the event by.
    date_earliest: str | None = None
    date_latest: str | None = None
    source_actor: str | None = None  # entity id
    target_actor: str | None = None  # entity id
    location: str | None = None  # entity id
    documents: list[str] = Field(default_factory=list)
    mentions: list[Evidence] = Field(default_factory=list)
    # The words that name the event and its actors in the first mention, so a reader (and
    # an event coder's evaluation) sees exactly which span was read as what.
    trigger: Evidence | None = None
    # Who the article says told of it ("Axios reported on Monday that ...", "according to
    # AFP"), an entity id, and the mention that names them.
    reported_by: str | None = None
    reported_by_evidence: Evidence | None = None
    source_evidence: Evidence | None = None
    target_evidence: Evidence | None = None
    location_evidence: Evidence | None = None
    # For one real event that several documents report (resolve/event_merge.py): each
    # document's report, with the id its event had before merging; empty for an event only
    # one document reports. The event's own fields are the reports' evidence combined.
    reports: list[EventReport] = Field(default_factory=list)


class Entity(Record):
    id: str
    name: str
    kind: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Evidence] = Field(default_factory=list)
    # ISO 3166-1 alpha-3, where the name says it: a country, a demonym, a known city.
    country: str | None = None


class Story(Record):
    id: str
    title: str
    documents: list[str]
    events: list[str]
    # Entity ids of the actors the story is most about, weightiest first.
    key_actors: list[str] = Field(default_factory=list)
    # Publication days of its first and last dated documents.
    start: str | None = None
    end: str | None = None


class Conflict(Record):
    kind: str  # "figure", "date", ...
    items: list[str]  # ids of the records that disagree
    note: str
    # For figures: the quantity disagreed on ("people killed (Israel)") and the time the
    # values hold for (their shared as-of date, else the first day they were reported).
    quantity: str | None = None
    date: str | None = None


# How a series point's date was found: the figure's own as-of date, the date of the event
# whose clause gives it ("killing 1,200 people" in the attack of 7 October), or the day its
# article appeared (a toll that "has risen to 20,000" is that day's).
PointBasis = Literal["as_of", "event", "publication"]


class SeriesPoint(Record):
    date: str
    date_basis: PointBasis
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    attributed_to: str | None = None
    figure: str  # id of the Figure
    evidence: Evidence


class FigureSeries(Record):
    """One quantity over time, as every source reported it: a death toll, the hostages still
    held. Points in date order; points of one date that disagree are also a conflict."""

    id: str
    quantity: str  # what is counted, and where: "people killed (Gaza)"
    counts: str
    subject: str | None = None
    points: list[SeriesPoint]


# How a document names an outlet as the source of its copy or of a fact: "wire", the outlet
# that wrote the copy (a credit line, a dateline, "AFP contributed to this report", a wire's
# reporting footer); "told", an outlet someone spoke to ("a source told Reuters"): it gathered
# what follows, so a document of another outlet retells its reporting; "cited", an outlet
# merely cited for a fact ("according to the Wall Street Journal", "Axios reported").
CreditRole = Literal["wire", "told", "cited"]


class SourceCredit(Record):
    """One outlet a document credits or cites, where it says so."""

    doc: str
    # The outlet's usual name ("AFP" for "Agence France-Presse"); None for a reporting footer
    # that names only reporters.
    outlet: str | None
    role: CreditRole
    basis: str  # which rule found it: "credit line", "dateline", "told", "according to", ...
    # None for a credit line ingest took out of the text ("With AFP"): its words are in the
    # raw document only.
    evidence: Evidence | None = None


class Derivation(Record):
    """A document that retells another's copy: the sentences they share, what the retelling
    adds (spans of ``doc``) and what it drops (spans of ``derived_from``)."""

    doc: str
    derived_from: str
    similarity: float  # share of the shorter document's sentences found in the other
    shared: int  # sentences of ``doc`` matched in ``derived_from``
    # Why ``doc`` is the retelling and not the original: "credits Reuters, the other's
    # outlet", "published later", "more of it is shared".
    basis: str
    added: list[Evidence] = Field(default_factory=list)
    dropped: list[Evidence] = Field(default_factory=list)


class Analysis(Record):
    """Everything the per-document stage found in one document."""

    doc: str
    pipeline_version: str
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


class TimelineEntry(Record):
    """One dated line of the timeline: an event or a statement, with every citation."""

    date: str
    kind: Literal["event", "statement"]
    summary: str
    type: str | None = None  # PLOVER type for events
    ref: str  # id of the Event or Quote
    citations: list[Evidence]
    documents: list[str]


class DatedSummary(Record):
    """One day of a summary timeline: the sentences quoted for it, in order, and the evidence
    of each (``citations[i]`` is where ``sentences[i]`` was read)."""

    date: str  # YYYY-MM-DD
    sentences: list[str]
    citations: list[Evidence]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(text: str) -> str:
    """A document's id: the hash of its cleaned text, so the same article is stored once."""
    return sha256_hex(text.encode("utf-8"))[:16]


def span_id(prefix: str, doc: str, start: int, end: int) -> str:
    """A stable id for a record found at a span: reruns produce the same ids."""
    return f"{prefix}:{doc}:{start}-{end}"


# The kind of entity (Entity.kind) each spaCy label stands for. Entity ids are made from it
# (entity_id), so the stage that makes the ids (analyze) and the one that names the kinds of
# the entities they group (resolve) must read one mapping: it belongs with the records.
_LABEL_GROUPS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


# Every kind an entity can be, in the order a reader meets them.
ENTITY_KINDS: tuple[str, ...] = (*dict.fromkeys(_LABEL_GROUPS.values()), "other")


def label_group(label: str) -> str:
    """The kind of entity a spaCy label stands for: person, org, place, group or other."""
    return _LABEL_GROUPS.get(label, "other")


def entity_id(group: str, key: str) -> str:
    """The id of the entity a normalized name of a label group stands for; equal keys give
    equal ids."""
    return "e:" + sha256_hex(f"{group}\x1f{key}".encode())[:12]


def evidence(doc: Document, start: int, end: int) -> Evidence:
    return Evidence(doc=doc.id, start=start, end=end, text=doc.text[start:end])


class ResolvedStory(Record):
    """A whole story store's content after the cross-document stages: what every
    presenter (export, report, timeline) reads."""

    documents: list[Document] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    series: list[FigureSeries] = Field(default_factory=list)
    rejections: list[Rejection] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    source_credits: list[SourceCredit] = Field(default_factory=list)
    derivations: list[Derivation] = Field(default_factory=list)

    def in_contract_order(self) -> ResolvedStory:
        """The same story with every table in the order the storyline/1 contract gives it,
        so two exports of the same store are byte-identical and a stored story can be read
        back in order by position alone."""
        return self.model_copy(
            update={
                "documents": sorted(self.documents, key=lambda d: d.id),
                "entities": sorted(self.entities, key=lambda e: e.id),
                "events": sorted(self.events, key=_event_order),
                "figures": sorted(self.figures, key=_span_order),
                "quotes": sorted(self.quotes, key=_span_order),
                "times": sorted(self.times, key=_span_order),
                "stories": sorted(self.stories, key=lambda s: s.id),
                "conflicts": sorted(self.conflicts, key=lambda c: (c.kind, c.items, c.note)),
                "series": sorted(self.series, key=lambda s: s.id),
                "rejections": sorted(self.rejections, key=lambda r: (r.source, r.reason, r.detail)),
                "timeline": sorted(self.timeline, key=lambda t: (t.date, t.kind, t.summary, t.ref)),
                "source_credits": sorted(self.source_credits, key=_credit_order),
                "derivations": sorted(self.derivations, key=lambda d: (d.doc, d.derived_from)),
            }
        )


def _event_order(event: Event) -> tuple[bool, str, str]:
    # Dated events by date, undated last.
    return (event.date is None, event.date or "", event.id)


def _credit_order(credit: SourceCredit) -> tuple[str, int, str, str, str]:
    # Credits with no span (a credit line out of the text) first, as the header holds them.
    start = credit.evidence.start if credit.evidence else -1
    return (credit.doc, start, credit.role, credit.outlet or "", credit.basis)


def _span_order(record: Figure | Quote | TimeExpression) -> tuple[str, int, int, str]:
    # Records found at a span sort by where they were found, not by their id string, whose
    # offsets would sort as text ("100-" before "12-").
    ev = record.evidence
    return (ev.doc, ev.start, ev.end, record.id)
