"""A small stored story written for the web tests, without the spaCy model: every record is
built by hand with its evidence at the right offsets, and every field that comes from an
article (title, text, outlet, entity names, quotes, speakers, notes) carries an XSS payload."""

from __future__ import annotations

from storyline.model import (
    Conflict,
    Derivation,
    Document,
    Entity,
    Event,
    Evidence,
    Figure,
    FigureSeries,
    Ingested,
    Quote,
    ResolvedStory,
    SeriesPoint,
    SourceCredit,
    Story,
    TimelineEntry,
    document_id,
    entity_id,
    sha256_hex,
    span_id,
)
from storyline.store import Store

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script>")
# Documents in the corpus: enough for several pages of two items.
SIZE = 7
# A word every document holds, and one only the first does.
COMMON_WORD = "harbour"
RARE_WORD = "lighthouse"


def _payload(i: int) -> str:
    return PAYLOADS[i % len(PAYLOADS)]


def _at(doc: Document, words: str) -> Evidence:
    start = doc.text.index(words)
    return Evidence(doc=doc.id, start=start, end=start + len(words), text=words)


def _document(i: int) -> Document:
    p = _payload(i)
    extra = f" The old {RARE_WORD} stayed dark." if i == 0 else ""
    text = (
        f"Mayor Ilsa Varn {p} opened the {COMMON_WORD} bridge in Port Kell {p} on day {i}. "
        f'"We built it together {p}," Ilsa Varn {p} said. '
        f"At least {10 + i} people were hurt, the Kell Council {p} said.{extra}\n"
    )
    return Document(
        id=document_id(text),
        source=f"corpus/{i:02d}-{p}.txt",
        title=f"Bridge story {i} {p}",
        outlet=f"Kell Times {_payload(i + 1)}" if i % 2 else "The Harbour Post",
        published=f"2025-06-{10 + i:02d}",
        published_basis="metadata",
        text=text,
    )


def _entities(docs: list[Document]) -> list[Entity]:
    found = []
    for name, kind in (("Ilsa Varn", "person"), ("Port Kell", "place"), ("Kell Council", "org")):
        words = [f"{name} {_payload(i)}" for i in range(len(docs))]
        mentions = [_at(d, w) for d, w in zip(docs, words, strict=True)]
        found.append(
            Entity(
                id=entity_id(kind, name.lower()),
                name=f"{name} {PAYLOADS[0]}",
                kind=kind,
                aliases=[words[1]],
                mentions=mentions,
            )
        )
    return found


def story() -> ResolvedStory:
    """The whole story: documents, entities, events, quotes, figures, a series, a conflict,
    a story, the timeline, credits and a derivation."""
    docs = [_document(i) for i in range(SIZE)]
    varn, kell, council = _entities(docs)
    events, quotes, figures, lines = [], [], [], []
    for i, doc in enumerate(docs):
        p = _payload(i)
        opened = _at(doc, f"opened the {COMMON_WORD} bridge")
        day = doc.published if isinstance(doc.published, str) else None
        event = Event(
            id=span_id("v", doc.id, opened.start, opened.end),
            type="AGREE" if i % 2 else "COOPERATE",
            summary=f"Ilsa Varn {p} opened the bridge",
            date=day,
            source_actor=varn.id,
            target_actor=kell.id,
            documents=[doc.id],
            mentions=[opened],
            trigger=opened,
        )
        said = _at(doc, f"We built it together {p}")
        quote = Quote(
            id=span_id("q", doc.id, said.start, said.end),
            text=said.text,
            speaker=varn.id,
            speaker_name=f"Ilsa Varn {p}",
            speaker_evidence=_at(doc, f"Ilsa Varn {p} said"),
            date=day,
            evidence=said,
        )
        hurt = _at(doc, f"{10 + i} people were hurt")
        figure = Figure(
            id=span_id("f", doc.id, hurt.start, hurt.end),
            value=10 + i,
            counts="hurt",
            subject="Port Kell",
            as_of=day,
            attributed_to=council.id,
            evidence=hurt,
        )
        events.append(event)
        quotes.append(quote)
        figures.append(figure)
        for ref, kind, summary, cited in (
            (event.id, "event", event.summary, opened),
            (quote.id, "statement", f"Ilsa Varn {p}: {quote.text}", said),
        ):
            lines.append(
                TimelineEntry(
                    date=day or "",
                    kind=kind,  # type: ignore[arg-type]
                    summary=summary,
                    type=event.type if kind == "event" else None,
                    ref=ref,
                    citations=[cited],
                    documents=[doc.id],
                )
            )
    points = [
        SeriesPoint(
            date=f.as_of or "",
            date_basis="as_of",
            value=f.value,
            figure=f.id,
            evidence=f.evidence,
        )
        for f in figures
    ]
    return ResolvedStory(
        documents=docs,
        entities=[varn, kell, council],
        events=events,
        quotes=quotes,
        figures=figures,
        series=[
            FigureSeries(
                id="s:hurt-kell",
                quantity=f"people hurt {PAYLOADS[1]}",
                counts="hurt",
                points=points,
            )
        ],
        conflicts=[
            Conflict(
                kind="figure",
                items=[figures[0].id, figures[1].id],
                note=f"sources disagree {PAYLOADS[2]}",
                quantity="people hurt",
            )
        ],
        stories=[
            Story(
                id="st:bridge",
                title=f"The bridge {PAYLOADS[0]}",
                documents=[d.id for d in docs],
                events=[e.id for e in events],
                key_actors=[varn.id, kell.id],
                start=docs[0].published if isinstance(docs[0].published, str) else None,
            )
        ],
        timeline=lines,
        source_credits=[
            SourceCredit(doc=docs[1].id, outlet=f"Wire {PAYLOADS[1]}", role="wire", basis="test")
        ],
        derivations=[
            Derivation(
                doc=docs[2].id, derived_from=docs[0].id, similarity=0.5, shared=1, basis="test"
            )
        ],
    )


# The stories of several_stories(): ids sort against their size, so "largest first" is tested.
BIG_STORY, SMALL_STORY, LONE_STORY = "st:z-bridge", "st:a-council", "st:m-lone"
BIG, SMALL = range(4), range(4, 6)
# Quotes no one is named for: more of them than of any speaker, so their place is tested.
UNATTRIBUTED_PER_DOC = 2
# An entity only the first document names: first by name, last by prominence.
LONE_ENTITY = "Able Lighthouse"


def several_stories() -> ResolvedStory:
    """The story split into three: a big one (four documents), a small one (two) and a
    single document; with quotes no one is named for and an entity one document names."""
    whole = story()
    docs, events = whole.documents, whole.events
    varn, kell, council = whole.entities

    def part(sid: str, title: str, at: range, actors: list[str]) -> Story:
        days = [d.published for d in docs[at.start : at.stop] if isinstance(d.published, str)]
        return Story(
            id=sid,
            title=title,
            documents=[docs[i].id for i in at],
            events=[events[i].id for i in at],
            key_actors=actors,
            start=min(days),
            end=max(days),
        )

    stories = [
        part(BIG_STORY, f"The bridge opens {PAYLOADS[0]}", BIG, [varn.id, kell.id, council.id]),
        part(SMALL_STORY, f"The council counts {PAYLOADS[1]}", SMALL, [council.id]),
        part(LONE_STORY, "One more day", range(6, SIZE), [kell.id]),
    ]
    loose = []
    for doc in docs:
        for words in (f"{COMMON_WORD} bridge", "people were hurt")[:UNATTRIBUTED_PER_DOC]:
            said = _at(doc, words)
            loose.append(
                Quote(id=span_id("q", doc.id, said.start, said.end), text=words, evidence=said)
            )
    lone = Entity(
        id=entity_id("place", "able lighthouse"),
        name=LONE_ENTITY,
        kind="place",
        mentions=[_at(docs[0], RARE_WORD)],
    )
    return whole.model_copy(
        update={
            "stories": stories,
            "quotes": [*whole.quotes, *loose],
            "entities": [*whole.entities, lone],
        }
    )


def build(db: str, whole: ResolvedStory | None = None) -> ResolvedStory:
    """Store the story (``whole``, else this module's) at ``db`` (a new store) as `storyline
    build` would have, and return it in contract order."""
    whole = (whole or story()).in_contract_order()
    with Store.open(db) as store:
        for doc in whole.documents:
            raw = doc.text.encode()
            item = doc.model_copy(update={"raw_ref": sha256_hex(raw)})
            store.add_document(Ingested(document=item, raw=raw))
        store.store_story(
            whole, dated=[], resolved=[d.id for d in whole.documents], fingerprint="web-tests"
        )
    return whole
