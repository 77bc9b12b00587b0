"""Misspelt weekday and month names (timex/spelling.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.timex import find_candidates, normalize
from storyline.timex.spelling import respell, respell_text


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("thrusday", "thursday"),
        ("wedndesday", "wednesday"),
        ("satruday", "saturday"),
        ("tueday", "tuesday"),
        ("tuseday", "tuesday"),
        ("saurday", "saturday"),
        ("wendsday", "wednesday"),
        ("fryday", "friday"),
        ("febuary", "february"),
        ("janurary", "january"),
        ("septmber", "september"),
        ("ocotber", "october"),
    ],
)
def test_misspellings_are_respelt(word: str, name: str) -> None:
    assert respell(word) == name


@pytest.mark.parametrize(
    "word",
    [
        # the names themselves, and words and surnames close to them
        "thursday",
        "monday",
        "munday",
        "holiday",
        "birthday",
        "someday",
        "doomsday",
        "halliday",
        "hockaday",
        "mayday",
        "midday",
        "newsday",
        "sanday",
        "today",
        "yesterday",
        "augusta",
        "janeiro",
        "octave",
        "mondays",
    ],
)
def test_words_near_a_name_are_left_alone(word: str) -> None:
    assert respell(word) is None


def test_offsets_map_back_to_the_original_text() -> None:
    folded = "met on thrusday and tueday, and febuary 3."
    respelt = respell_text(folded)
    assert respelt is not None
    text, original = respelt
    assert text == "met on thursday and tuesday, and february 3."
    for word in ("thursday", "tuesday", "february"):
        start = text.index(word)
        end = start + len(word)
        assert folded[original(start) : original(end)].startswith(word[:2])
    assert original(len(text)) == len(folded)
    assert respell_text("nothing to do here") is None


def test_found_and_read_in_running_text() -> None:
    text = "Talks ended on Thrusday. Mr. Munday left in Febuary 1998, a holiday."
    spans = [text[a:b] for a, b in find_candidates(text)]
    assert spans == ["Thrusday", "Febuary 1998"]
    thursday = normalize("Thrusday", dt.date(2024, 3, 9), "past")
    assert thursday is not None and thursday.value == "2024-03-07"


def test_a_lower_case_misspelling_is_no_name() -> None:
    assert find_candidates("he said thrusday was fine") == []
