from __future__ import annotations

import pytest

from storyline.analyze.quote_marks import find_quoted_spans


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We are ready,” he said.", ["We are ready,"]),
        ('"We are ready," he said.', ["We are ready,"]),
        ("''We are ready,'' he said.", ["We are ready,"]),
        ("``We are ready,'' he said.", ["We are ready,"]),
        ("She called it ‘a very bad idea’ on Monday.", ["a very bad idea"]),
    ],
)
def test_quote_styles(text: str, quoted: list[str]) -> None:
    assert _contents(text) == quoted


def test_apostrophes_are_not_quotes() -> None:
    text = "Gaza’s health ministry and Hamas’ leaders said the group’s ‘aim’ is clear."
    assert _contents(text) == []


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "“They told us ‘go south now’ and we left,” she said."
    assert _contents(text) == ["They told us ‘go south now’ and we left,"]


def test_quote_reopened_without_closing_ends_before_the_next_one() -> None:
    text = "“It is hard. “We will go on,” he said."
    assert _contents(text) == ["It is hard.", "We will go on,"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “we stay here\nThe next paragraph has no quote."
    assert _contents(text) == ["we stay here"]


def test_offsets_point_at_the_marks() -> None:
    text = "A “b c” d"
    [span] = find_quoted_spans(text)
    assert text[span.open] == "“" and span.close is not None and text[span.close] == "”"
    assert span.outer_end == span.close + 1


def test_a_curly_mark_typed_the_wrong_way_round_is_read_by_its_place() -> None:
    text = "“It is unusual,“ said Larry Noble. “Very unusual.”"
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans == ["It is unusual,", "Very unusual."]
