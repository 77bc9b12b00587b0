"""Fixtures for the analyze tests: documents parsed from short texts written for the tests,
and time expressions built by hand so that event and figure tests do not depend on the
time tagger."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests import records

from storyline.model import Document, Evidence, TimeExpression, document_id

Parsed = tuple[Any, Document]


@pytest.fixture
def parse(nlp: Any) -> Callable[[str], Parsed]:
    """Text -> (spaCy parse, Document) with shared offsets."""

    def _parse(text: str) -> Parsed:
        doc = Document(id=document_id(text), source="test", text=text)
        return nlp(text), doc

    return _parse


@pytest.fixture
def time_at() -> Callable[..., TimeExpression]:
    """A DATE expression with a given value over the first occurrence of some words."""
    return records.time_at


@pytest.fixture
def check_evidence() -> Callable[[Document, list[Evidence]], None]:
    """Assert that every evidence span is the document's text at its offsets."""

    def _check(document: Document, spans: list[Evidence]) -> None:
        assert spans
        for ev in spans:
            assert ev.doc == document.id
            assert document.text[ev.start : ev.end] == ev.text, ev

    return _check
