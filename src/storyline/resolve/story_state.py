"""The state of story clustering, kept between builds so that new documents join the stored
stories without clustering everything again: the terms' document frequencies seen so far,
each story's bounded profile, and which story each document went to. Plain data, written as
JSON (floats round-trip exactly through Python's json), so a state read back clusters the next
documents exactly as the state that was written would have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# Bumped when the meaning of a stored state changes; a state of another version is not read
# (the stories are clustered again from scratch).
STATE_VERSION = 1


@dataclass
class StoryProfile:
    """One story: its members and a centroid bounded to its heaviest terms."""

    key: str  # the story's id, from its first document
    members: list[str] = field(default_factory=list)
    # Sum of the members' unit vectors, cut to its heaviest terms after each addition.
    centroid: dict[str, float] = field(default_factory=dict)
    first: str | None = None  # ISO day of its earliest and latest dated member
    last: str | None = None
    # Stream position of the last document added: the order stories are found in by blocking.
    touched: int = 0
    # The member most like the story when it joined (the first one until another is closer).
    lead: str = ""
    lead_score: float = 0.0


@dataclass
class StreamState:
    version: int = STATE_VERSION
    seen: int = 0  # documents added so far
    df: dict[str, int] = field(default_factory=dict)  # documents each term occurred in
    stories: dict[str, StoryProfile] = field(default_factory=dict)
    assigned: dict[str, str] = field(default_factory=dict)  # document id -> story key

    def to_json(self) -> str:
        # Not dataclasses.asdict: it deep-copies every value, a second per write on a state
        # of thousands of documents. Which story holds a document is read back from the
        # members, so it is not written twice.
        data = {
            "version": self.version,
            "seen": self.seen,
            "df": self.df,
            "stories": {k: vars(p) for k, p in self.stories.items()},
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> StreamState | None:
        """The state written by to_json; None when it is of another version or unreadable."""
        try:
            data: dict[str, Any] = json.loads(text)
            if data.get("version") != STATE_VERSION:
                return None
            stories = {k: StoryProfile(**v) for k, v in data["stories"].items()}
            df: dict[str, int] = data["df"]
            return cls(
                version=STATE_VERSION,
                seen=int(data["seen"]),
                df=df,
                stories=stories,
                assigned={d: k for k, p in stories.items() for d in p.members},
            )
        except (ValueError, KeyError, TypeError):
            return None
