"""The document's sentences, and finding the sentence around a character offset."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from storyline.model import Sentence


class SentenceIndex:
    """spaCy's sentences with O(log n) lookup by character offset."""

    def __init__(self, sdoc: Any) -> None:
        self.spans: list[Any] = list(sdoc.sents)
        self._starts = [s.start_char for s in self.spans]

    def position(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def at(self, offset: int) -> Any:
        return self.spans[self.position(offset)]

    def get(self, k: int) -> Any | None:
        return self.spans[k] if 0 <= k < len(self.spans) else None


def extract_sentences(sdoc: Any) -> list[Sentence]:
    return [Sentence(start=s.start_char, end=s.end_char) for s in sdoc.sents]
