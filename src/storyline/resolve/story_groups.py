"""Documents grouped into stories, as Story records.

The documents not yet in the clustering state are streamed into it in publication order (date,
then id; resolve/story_stream.py); a state read back from the store keeps its stories and takes
only the new documents, so adding documents does not cluster everything again. Each story is
then written out with its title and key actors (resolve/story_titles.py), its dates, and the
events its documents report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.model import Analysis, Document, Entity, Event, Story
from storyline.resolve.story_state import StoryProfile, StreamState
from storyline.resolve.story_stream import StoryStream, stream_order
from storyline.resolve.story_terms import document_terms
from storyline.resolve.story_titles import key_actors, story_title
from storyline.timex.anchor import anchor_date


def group_stories(
    analyses: Sequence[Analysis],
    remap: dict[str, str],
    entities: Sequence[Entity],
    events: Sequence[Event],
    *,
    documents: Sequence[Document] = (),
    state: StreamState | None = None,
) -> list[Story]:
    """The stories of ``documents`` (each with its analysis), largest first. ``state`` (updated
    in place) holds the stories of an earlier build: documents it already places stay there,
    the others are added to it in publication order."""
    by_doc = {a.doc: a for a in analyses}
    docs = {d.id: d for d in documents if d.id in by_doc}
    state = state if state is not None else StreamState()
    stream = StoryStream(state)
    days = {doc_id: anchor_date(d) for doc_id, d in docs.items()}
    new = ((i, days[i]) for i in docs if i not in state.assigned)
    for doc_id in stream_order(new):
        stream.add(doc_id, document_terms(docs[doc_id], by_doc[doc_id], remap), days[doc_id])

    events_by_doc: dict[str, list[str]] = defaultdict(list)
    for ev in events:
        for doc in ev.documents:
            events_by_doc[doc].append(ev.id)
    entity_by_id = {e.id: e for e in entities}
    stories = []
    for profile in state.stories.values():
        members = sorted(d for d in profile.members if d in docs)
        if members:
            stories.append(
                _story(profile, members, docs, by_doc, remap, entity_by_id, events_by_doc)
            )
    return sorted(stories, key=lambda s: (-len(s.documents), s.id))


def _story(
    profile: StoryProfile,
    members: list[str],
    docs: dict[str, Document],
    analyses: dict[str, Analysis],
    remap: dict[str, str],
    entities: dict[str, Entity],
    events_by_doc: dict[str, list[str]],
) -> Story:
    lead = profile.lead if profile.lead in docs else members[0]
    return Story(
        id=profile.key,
        title=story_title(docs[lead], analyses.get(lead)),
        documents=members,
        events=sorted({e for d in members for e in events_by_doc[d]}),
        key_actors=key_actors(profile.centroid, remap, entities),
        start=profile.first,
        end=profile.last,
    )
