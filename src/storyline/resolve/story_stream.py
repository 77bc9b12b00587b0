"""Stories from a stream: documents taken one at a time in publication order, each joining the
most similar story active around its date, or starting a new one.

A document is a sparse TF-IDF vector of its terms (resolve/story_terms.py), the IDF learnt from
the documents seen so far, cut to its heaviest terms. It is compared only with the stories that
blocking finds: an inverted index from each term to the stories whose profile holds it, in the
order they last grew, read from the newest back and only as far as the stories active within
WINDOW_DAYS of the document's date; so a document costs the same however large the store
grows, and no step compares all pairs. A story's profile is the sum of its members' vectors
cut to its PROFILE_TERMS heaviest terms, so its memory is bounded too.

Everything is deterministic (ties go to the smaller key), and the state (resolve/story_state.py)
is plain data: adding documents to a state read back from the store gives the stories that
clustering all of them in the same order gives.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping

from storyline.model import sha256_hex
from storyline.resolve.story_state import StoryProfile, StreamState

# The terms kept per document and per story profile.
DOCUMENT_TERMS = 60
PROFILE_TERMS = 150
# A document's heaviest terms that look up candidate stories.
QUERY_TERMS = 40
# The most recently grown stories read per query term: bounds a document's cost when a term
# (a country, a common word) sits in many stories.
SCAN_PER_TERM = 100
# A story takes a document dated up to this many days after its last member (or before its
# first); past that it is over, and a new story begins.
WINDOW_DAYS = 45
# Cosine similarity of a document to a story's profile for it to join the story, and of two
# profiles for the stories to become one; set on Timeline17 (bench/extract/t17_stories.py),
# where a story is a whole topic (an oil spill from the blowout to the well's sealing), so low:
# within a time window, different stories share few weighty terms.
THRESHOLD = 0.05
# A story told from its first reports often starts as several that later turn out to be one.
MERGE_THRESHOLD = 0.2

Vector = dict[str, float]


def story_key(doc_id: str) -> str:
    """A story's id, from the document that started it: stable as the story grows."""
    return "s:" + sha256_hex(doc_id.encode())[:12]


def _norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _heaviest(vector: Mapping[str, float], n: int) -> Vector:
    top = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return dict(top)


class StoryStream:
    """Clusters documents into the stories of a StreamState, updating it in place."""

    def __init__(
        self,
        state: StreamState | None = None,
        threshold: float = THRESHOLD,
        merge_threshold: float = MERGE_THRESHOLD,
    ) -> None:
        self.state = state if state is not None else StreamState()
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        # term -> story keys, in the order the stories last grew (a dict keeps that order).
        self._postings: dict[str, dict[str, None]] = {}
        for story in sorted(self.state.stories.values(), key=lambda s: s.touched):
            self._index(story, {})

    def vector(self, terms: Mapping[str, float]) -> Vector:
        """The unit TF-IDF vector of a document's term counts; the document counts as seen."""
        state = self.state
        state.seen += 1
        for term in terms:
            state.df[term] = state.df.get(term, 0) + 1
        n = state.seen
        weights = {
            t: (1.0 + math.log(c)) * (math.log((1 + n) / (1 + state.df[t])) + 1.0)
            for t, c in terms.items()
            if c > 0
        }
        # A term no earlier document had cannot match any story yet: such terms fill the
        # places the others leave, else the rarest words (typos, names said once) would take
        # the heaviest places and share nothing.
        ranked = sorted(weights.items(), key=lambda kv: (state.df[kv[0]] == 1, -kv[1], kv[0]))
        top = dict(ranked[:DOCUMENT_TERMS])
        norm = _norm(top) or 1.0
        return {t: w / norm for t, w in top.items()}

    def candidates(
        self, vector: Mapping[str, float], day: dt.date | None, until: dt.date | None = None
    ) -> list[str]:
        """Keys of the stories blocking finds for a document of ``day`` (or a story from
        ``day`` to ``until``): those sharing one of its heaviest terms, grown recently enough
        to be within the window of its dates."""
        until = until or day
        found: dict[str, None] = {}
        stories = self.state.stories
        for term in list(vector)[:QUERY_TERMS]:
            posting = self._postings.get(term)
            if not posting:
                continue
            for scanned, key in enumerate(reversed(posting)):
                if scanned >= SCAN_PER_TERM:
                    break
                story = stories[key]
                if in_window(story, day, until):
                    found[key] = None
                elif _ended_before(story, day):
                    # The stories behind this one in the posting grew earlier still.
                    break
        return sorted(found)

    def add(self, doc_id: str, terms: Mapping[str, float], day: dt.date | None) -> str:
        """Put one document in a story (a known document stays where it is); its story's key."""
        known = self.state.assigned.get(doc_id)
        if known is not None:
            return known
        vector = self.vector(terms)
        best, score = None, self.threshold
        for key in self.candidates(vector, day):
            sim = similarity(vector, self.state.stories[key].centroid)
            if sim >= score and (best is None or sim > score):
                best, score = key, sim
        story = self.state.stories.get(best) if best is not None else None
        if story is None:
            story = StoryProfile(key=story_key(doc_id), lead=doc_id)
            self.state.stories[story.key] = story
            score = 0.0
        self._grow(story, doc_id, vector, day, score)
        return self._merge_similar(story).key

    def _merge_similar(self, story: StoryProfile) -> StoryProfile:
        """Join the story with any other it has become like, until none is; the survivor."""
        while True:
            unit = _unit(story.centroid)
            first, last = _day(story.first), _day(story.last)
            best, score = None, self.merge_threshold
            for key in self.candidates(unit, first, last):
                if key == story.key:
                    continue
                sim = similarity(unit, self.state.stories[key].centroid)
                if sim >= score and (best is None or sim > score):
                    best, score = key, sim
            if best is None:
                return story
            story = self._merge(story, self.state.stories[best])

    def _merge(self, a: StoryProfile, b: StoryProfile) -> StoryProfile:
        """The larger story takes in the smaller (on a tie, the one with the smaller key)."""
        keep, gone = (a, b) if (-len(a.members), a.key) < (-len(b.members), b.key) else (b, a)
        before = dict(keep.centroid)
        summed = dict(keep.centroid)
        for term, w in gone.centroid.items():
            summed[term] = summed.get(term, 0.0) + w
        keep.centroid = _heaviest(summed, PROFILE_TERMS)
        keep.members.extend(gone.members)
        for doc in gone.members:
            self.state.assigned[doc] = keep.key
        keep.first = min(filter(None, (keep.first, gone.first)), default=None)
        keep.last = max(filter(None, (keep.last, gone.last)), default=None)
        keep.touched = self.state.seen
        if gone.lead_score > keep.lead_score:
            keep.lead, keep.lead_score = gone.lead, gone.lead_score
        for term in gone.centroid:
            self._postings[term].pop(gone.key, None)
        del self.state.stories[gone.key]
        self._index(keep, before)
        return keep

    def _grow(
        self, story: StoryProfile, doc_id: str, vector: Vector, day: dt.date | None, score: float
    ) -> None:
        before = dict(story.centroid)
        summed = dict(story.centroid)
        for term, w in vector.items():
            summed[term] = summed.get(term, 0.0) + w
        story.centroid = _heaviest(summed, PROFILE_TERMS)
        story.members.append(doc_id)
        if day is not None:
            iso = day.isoformat()
            story.first = iso if story.first is None else min(story.first, iso)
            story.last = iso if story.last is None else max(story.last, iso)
        story.touched = self.state.seen
        if score > story.lead_score:
            story.lead, story.lead_score = doc_id, score
        self.state.assigned[doc_id] = story.key
        self._index(story, before)

    def _index(self, story: StoryProfile, before: Mapping[str, float]) -> None:
        """Move the story to the newest end of the postings of its profile's terms; drop it
        from those of terms its profile lost."""
        for term in before:
            if term not in story.centroid:
                self._postings[term].pop(story.key, None)
        for term in story.centroid:
            posting = self._postings.setdefault(term, {})
            posting.pop(story.key, None)
            posting[story.key] = None


def _unit(vector: Mapping[str, float]) -> Vector:
    norm = _norm(vector) or 1.0
    return {t: w / norm for t, w in vector.items()}


def _day(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def similarity(vector: Mapping[str, float], centroid: Mapping[str, float]) -> float:
    """Cosine of a unit document vector and a story profile."""
    norm = _norm(centroid)
    if not norm:
        return 0.0
    return sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / norm


def in_window(story: StoryProfile, day: dt.date | None, until: dt.date | None = None) -> bool:
    """Whether a document of ``day`` (or a story from ``day`` to ``until``) may join the
    story. An undated document, or a story with no dated member, cannot be placed in time,
    and is not kept out by it."""
    if day is None or story.first is None or story.last is None:
        return True
    window = dt.timedelta(days=WINDOW_DAYS)
    first, last = dt.date.fromisoformat(story.first), dt.date.fromisoformat(story.last)
    return first - window <= (until or day) and day <= last + window


def _ended_before(story: StoryProfile, day: dt.date | None) -> bool:
    if day is None or story.last is None:
        return False
    return dt.date.fromisoformat(story.last) + dt.timedelta(days=WINDOW_DAYS) < day


def stream_order(items: Iterator[tuple[str, dt.date | None]]) -> list[str]:
    """Document ids in publication order (date, then id), the undated after the dated."""
    return [
        doc for doc, _ in sorted(items, key=lambda x: (x[1] is None, x[1] or dt.date.min, x[0]))
    ]
