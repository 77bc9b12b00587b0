"""Stories from a stream (resolve/story_stream.py): blocking by term and time window, the
incremental state, and the grouping into Story records (resolve/story_groups.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from storyline.model import Analysis, Document, document_id
from storyline.resolve import story_stream
from storyline.resolve.story_groups import group_stories
from storyline.resolve.story_state import StreamState
from storyline.resolve.story_stream import StoryStream, stream_order

HARBOUR = {w: 2.0 for w in ("harbour", "bridge", "kell", "mayor", "ferry", "crowd", "toll", "pier")}
FLOOD = {w: 2.0 for w in ("flood", "river", "levee", "rain", "sandbag", "dam", "storm", "surge")}
DAY = dt.date(2025, 1, 1)


def _topic_docs(n: int) -> list[tuple[str, dict[str, float], dt.date]]:
    """Documents of two stories in turn over ``n`` days, each with a word of its story's
    own and one word all share."""
    docs = []
    for i in range(n):
        name, topic = ("harbour", HARBOUR) if i % 2 == 0 else ("flood", FLOOD)
        terms = {**topic, f"{name}{i % 7}": 1.0, "common": 1.0}
        docs.append((f"d{i:03d}", terms, DAY + dt.timedelta(days=i // 3)))
    return docs


def test_documents_of_two_stories_fall_into_two() -> None:
    stream = StoryStream()
    keys = [stream.add(doc, terms, day) for doc, terms, day in _topic_docs(20)]
    assert len(set(keys)) == 2
    assert len(set(keys[::2])) == 1 and len(set(keys[1::2])) == 1
    # A story is named by the document that started it, however it grows.
    assert keys[0] == story_stream.story_key("d000")


def test_a_document_is_never_compared_with_a_story_outside_its_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = StoryStream()
    early = stream.add("early", HARBOUR, DAY)
    compared: list[Mapping[str, float]] = []
    real = story_stream.similarity

    def recording(vector: Mapping[str, float], centroid: Mapping[str, float]) -> float:
        compared.append(centroid)
        return real(vector, centroid)

    monkeypatch.setattr(story_stream, "similarity", recording)
    late_day = DAY + dt.timedelta(days=3 * story_stream.WINDOW_DAYS)
    assert stream.candidates(stream.vector(HARBOUR), late_day) == []
    late = stream.add("late", HARBOUR, late_day)
    assert late != early
    assert stream.state.stories[early].centroid not in compared
    # Within the window the same words join the story.
    assert stream.add("soon", HARBOUR, DAY + dt.timedelta(days=3)) == early


def test_stories_and_idf_survive_json_exactly() -> None:
    stream = StoryStream()
    for doc, terms, day in _topic_docs(12):
        stream.add(doc, terms, day)
    text = stream.state.to_json()
    restored = StreamState.from_json(text)
    assert restored is not None and restored.to_json() == text
    assert StreamState.from_json(text.replace('"version":1', '"version":99')) is None
    assert StreamState.from_json("not json") is None


def test_adding_to_a_stored_state_equals_clustering_all_at_once() -> None:
    docs = _topic_docs(40)
    batch = StoryStream()
    for doc, terms, day in docs:
        batch.add(doc, terms, day)
    first = StoryStream()
    for doc, terms, day in docs[:17]:
        first.add(doc, terms, day)
    restored = StreamState.from_json(first.state.to_json())
    assert restored is not None
    later = StoryStream(restored)
    for doc, terms, day in docs[17:]:
        later.add(doc, terms, day)
    assert later.state.to_json() == batch.state.to_json()


def test_a_known_document_stays_in_its_story() -> None:
    stream = StoryStream()
    key = stream.add("a", HARBOUR, DAY)
    seen = stream.state.seen
    assert stream.add("a", FLOOD, DAY) == key and stream.state.seen == seen


def test_profiles_stay_bounded() -> None:
    stream = StoryStream()
    for i in range(30):
        terms = {**HARBOUR, **{f"w{i}x{j}": 1.0 for j in range(40)}}
        stream.add(f"d{i}", terms, DAY)
    assert all(len(s.centroid) <= story_stream.PROFILE_TERMS for s in stream.state.stories.values())


def test_stream_order_is_date_then_id_with_the_undated_last() -> None:
    items = [("b", DAY), ("c", None), ("a", DAY + dt.timedelta(days=1)), ("a0", DAY)]
    assert stream_order(iter(items)) == ["a0", "b", "a", "c"]


def _doc(text: str, published: str) -> tuple[Document, Analysis]:
    doc = Document(
        id=document_id(text),
        source="x.txt",
        text=text,
        published=published,
        published_basis="metadata",
    )
    return doc, Analysis(doc=doc.id, pipeline_version="test")


def test_group_stories_adds_only_what_the_state_lacks() -> None:
    texts = [
        ("Harbour bridge in Port Kell opens after years of harbour works.", "2025-01-01"),
        ("Port Kell harbour bridge draws crowds; the harbour bridge is open.", "2025-01-02"),
        ("River flood breaks the levee after rain; flood waters rise.", "2025-01-02"),
        ("Flood waters fall as the levee holds and the river recedes.", "2025-01-03"),
    ]
    pairs = [_doc(t, d) for t, d in texts]
    docs, analyses = [p[0] for p in pairs], [p[1] for p in pairs]
    state = StreamState()
    first = group_stories(analyses[:2], {}, [], [], documents=docs[:2], state=state)
    assert [s.documents for s in first] == [sorted(d.id for d in docs[:2])]
    restored = StreamState.from_json(state.to_json())
    stories = group_stories(analyses, {}, [], [], documents=docs, state=restored)
    assert len(stories) == 2
    assert first[0].id in {s.id for s in stories}
    assert {s.start for s in stories} == {"2025-01-01", "2025-01-02"}
    fresh = group_stories(analyses, {}, [], [], documents=docs)
    assert [s.documents for s in fresh] == [s.documents for s in stories]
