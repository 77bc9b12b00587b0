"""Events as PLOVER-style records (`storyline export --format plover`), one JSON object per
line, shaped like the PLOVER gold-standard records (../shared/eval-data/plover-gsr) so
POLECAT-style tools can read them: `event`, `mode`, `context`, `source` and `target` lists of
`{actorText, code, sector}`, `eventText`, `eventLoc`, `text` (the sentence) and `date`, plus
what storyline adds: each actor's entity id and name, the event's summary, its evidence spans
and the document it came from (id, title, outlet, url, publication date), so every record
links back to the exact characters it was read from.

`code` is the actor's country (ISO 3166-1 alpha-3) where storyline knows it, else null;
`sector` and `context` are left empty: storyline does not classify them (yet), and an empty
value is better than a guess a tool would count.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from storyline.model import Document, Entity, Event, Evidence, ResolvedStory

FORMAT_NAME = "storyline-plover/1"


def _span(ev: Evidence | None) -> dict[str, Any] | None:
    return ev.model_dump(mode="json") if ev is not None else None


def _actor(entity: Entity | None, ev: Evidence | None) -> list[dict[str, Any]]:
    if entity is None:
        return []
    text = ev.text if ev is not None else entity.name
    return [
        {
            "actorText": text,
            "code": entity.country,
            "sector": None,
            "entity": entity.id,
            "name": entity.name,
            "kind": entity.kind,
            "evidence": _span(ev),
        }
    ]


def _document(doc: Document | None, doc_id: str) -> dict[str, Any]:
    if doc is None:
        return {"id": doc_id}
    published: str | dict[str, Any] | None = None
    if isinstance(doc.published, str):
        published = doc.published
    elif doc.published is not None:
        published = doc.published.model_dump(mode="json")
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": published,
    }


def plover_record(
    event: Event, entities: dict[str, Entity], documents: dict[str, Document]
) -> dict[str, Any]:
    """One event as a PLOVER-style record."""
    place = entities.get(event.location or "")
    mention = event.mentions[0] if event.mentions else None
    doc_id = mention.doc if mention is not None else (event.documents or [""])[0]
    return {
        "id": event.id,
        "format": FORMAT_NAME,
        "date": event.date,
        # The bounds of an uncertain date ("had met" under "reported on Monday": on or before
        # it; "will meet": after the article appeared) and what dated it.
        "dateEarliest": event.date_earliest,
        "dateLatest": event.date_latest,
        "dateBasis": event.date_basis,
        "event": event.type,
        "mode": event.mode,
        "context": [],
        "source": _actor(entities.get(event.source_actor or ""), event.source_evidence),
        "target": _actor(entities.get(event.target_actor or ""), event.target_evidence),
        "eventText": event.trigger.text if event.trigger is not None else None,
        "reportedBy": _actor(entities.get(event.reported_by or ""), event.reported_by_evidence),
        "eventLoc": (
            {
                "placeName": place.name,
                "code": place.country,
                "entity": place.id,
                "evidence": _span(event.location_evidence),
            }
            if place is not None
            else None
        ),
        "text": mention.text if mention is not None else None,
        "language": "en",
        "summary": event.summary,
        "document": _document(documents.get(doc_id), doc_id),
        "evidence": {
            "text": _span(mention),
            "trigger": _span(event.trigger),
            "date": _span(event.date_evidence),
        },
        "documents": event.documents,
    }


def plover_records(story: ResolvedStory) -> Iterator[dict[str, Any]]:
    """Every event of the story, in contract order."""
    ordered = story.in_contract_order()
    entities = {e.id: e for e in ordered.entities}
    documents = {d.id: d for d in ordered.documents}
    for event in ordered.events:
        yield plover_record(event, entities, documents)


def write_plover(story: ResolvedStory, out: TextIO) -> None:
    for record in plover_records(story):
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
