"""The filter parameters the list endpoints share, each with its description and bounds."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query

from storyline.model import ENTITY_KINDS, EventMode, EventType
from storyline.store.pages import RecordFilters
from storyline.web.limits import MAX_TEXT

# A date at a calendar precision, as the stored dates are written.
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

Since = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="Only what is dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
]
Until = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="Only what is dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD; "
        "a month or year includes all of it).",
    ),
]
Actor = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="An entity id, or a part of an entity's name (any case): only events it "
        "did or underwent and statements it made.",
    ),
]
StoryId = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="A story's id (from /api/stories): only what draws on its documents.",
    ),
]
Outlet = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="An outlet's name (any case), as /api/sources lists them.",
    ),
]
Type = Annotated[EventType | None, Query(description="A PLOVER event type, e.g. ASSAULT or AGREE.")]
Mode = Annotated[
    EventMode | None,
    Query(description="How the text presents the event: asserted, negated, future, ..."),
]
Kind = Annotated[
    str | None,
    Query(
        pattern=f"^({'|'.join(ENTITY_KINDS)})$",
        description=f"Only entities of this kind: {', '.join(ENTITY_KINDS)}.",
    ),
]
NamePart = Annotated[
    str | None,
    Query(min_length=1, max_length=MAX_TEXT, description="A part of the name (any case)."),
]
# The most mentions an entity of a page may be cut to: beyond it, ask for the whole entity.
MAX_MENTIONS = 1000
Mentions = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_MENTIONS,
        description="Cut each entity's mentions to its first N (in document and offset order): "
        "an entity named in thousands of places is otherwise megabytes. The envelope's "
        "mention_counts then gives each entity's number of mentions; /api/entities/{id} has "
        "them all. Without it every mention is sent, as storyline/1 writes the entity.",
    ),
]
Speaker = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="A part of the speaker's name (any case).",
    ),
]
SearchWords = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="Words every document found holds, in its title or text (whole words, "
        "any case; punctuation is ignored).",
    ),
]
RecordId = Annotated[
    str,
    Path(min_length=1, max_length=MAX_TEXT, description="The id, as the list endpoint gives it."),
]


def _line_filters(
    since: Since = None,
    until: Until = None,
    actor: Actor = None,
    type: Type = None,
    story: StoryId = None,
) -> RecordFilters:
    return RecordFilters(since=since, until=until, actor=actor, type=type, story=story)


# The filters the timeline and the events share, as one query-parameter set.
LineFilters = Annotated[RecordFilters, Depends(_line_filters)]
