"""Dated statements in reported speech (analyze/statements.py): sentences written for the
test."""

from __future__ import annotations

import pytest

from storyline.analyze.document import analyze_document
from storyline.model import Document, Quote, document_id

pytestmark = pytest.mark.slow


def _quotes(nlp: object, text: str) -> list[Quote]:
    doc = Document(id=document_id(text), source="t", text=text, published="2023-12-20")
    analysis = analyze_document(nlp(text), doc, "test")  # type: ignore[operator]
    for q in analysis.quotes:
        assert text[q.evidence.start : q.evidence.end] == q.evidence.text == q.text
    return analysis.quotes


def test_a_dated_reported_statement_is_the_speakers(nlp: object) -> None:
    text = "President Ada Brenn said on Tuesday that Velmora was ready for another pause."
    [statement] = _quotes(nlp, text)
    assert not statement.direct
    assert (statement.speaker_name, statement.date) == ("Ada Brenn", "2023-12-19")
    assert statement.text == "Velmora was ready for another pause"


@pytest.mark.parametrize(
    "text",
    [
        # Undated: the article's attribution, not a moment of the story.
        "Officials said the talks were going well.",
        # A warning is an event of its own, not a statement.
        "The army warned on Monday that it would strike again.",
    ],
)
def test_undated_or_not_saying_is_no_statement(nlp: object, text: str) -> None:
    assert [q for q in _quotes(nlp, text) if not q.direct] == []


def test_a_direct_quote_is_not_repeated_as_reported_speech(nlp: object) -> None:
    text = 'Brenn said on Monday: "We will not wait any longer."'
    assert all(q.direct for q in _quotes(nlp, text))
