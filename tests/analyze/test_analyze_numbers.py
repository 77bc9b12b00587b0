from __future__ import annotations

import pytest

from storyline.analyze.numbers import find_numbers, number_value, qualifier_before


def _numbers(text: str) -> list[tuple[str, float]]:
    return [(text[n.start : n.end], n.value) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 140", 1140),
        ("19\u202f667", 19667),
        ("19\u00a0667", 19667),
        ("1,200", 1200),
        ("44,400", 44400),
        ("1.9 million", 1_900_000),
        ("2.4 million", 2_400_000),
        ("twelve", 12),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two thousand", 2000),
    ],
)
def test_number_value(text: str, value: float) -> None:
    assert number_value(text) == value
    assert _numbers(f"about {text} people") == [(text, value)]


def test_grouped_thousands_do_not_swallow_a_year() -> None:
    assert _numbers("in 2023 120 people died") == [("2023", 2023), ("120", 120)]


@pytest.mark.parametrize(
    "text",
    ["at 10:30 today", "an F-16 jet", "the A320 plane", "on the 7th", "a five-month-old war"],
)
def test_not_counts(text: str) -> None:
    assert _numbers(text) == []


@pytest.mark.parametrize(
    ("text", "approximate", "low", "high"),
    [
        ("around 1 140", True, False, False),
        ("nearly 20,000", True, False, True),
        ("more than 250", False, True, False),
        ("over 770", False, True, False),
        ("at least 20", False, True, False),
        ("some 30", True, False, False),
        ("up to 40", False, False, True),
    ],
)
def test_qualifiers(text: str, approximate: bool, low: bool, high: bool) -> None:
    number = next(iter(find_numbers(text)))
    q = qualifier_before(text, number.start)
    assert q is not None
    assert (q.approximate, q.low, q.high) == (approximate, low, high)
    assert q.start == 0


def test_no_qualifier() -> None:
    text = "killed 17 people"
    number = next(iter(find_numbers(text)))
    assert qualifier_before(text, number.start) is None
