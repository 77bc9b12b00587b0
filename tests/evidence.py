"""Checking evidence spans wherever they sit in a command's JSON output."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

SPAN_KEYS = {"doc", "start", "end", "text"}


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every evidence span (an object of exactly doc, start, end and text) inside ``value``."""
    if isinstance(value, dict):
        if set(value) == SPAN_KEYS:
            yield value
            return
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)


def check_spans(value: Any, texts: Mapping[str, str]) -> int:
    """Assert that every span inside ``value`` is its document's text at its offsets
    (``texts``: document id -> text); returns how many there were."""
    found = 0
    for ev in spans(value):
        assert texts[ev["doc"]][ev["start"] : ev["end"]] == ev["text"], ev
        found += 1
    return found
