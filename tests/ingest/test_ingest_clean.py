"""clean.py: residue, credits, bylines, headlines and date lines (rules in ingest/data/)."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import clean_text, is_residue


@pytest.mark.parametrize(
    "line",
    [
        "top of page",
        "Bottom of page",
        "Subscribe to our newsletter",
        "Newsletter signup",
        "Please wait...",
        "Thank you for sign up!",
        "Share this article",
        "Advertisement",
        "Read more: Dam talks stall again",
        "We use cookies to improve your experience. Accept",
        "© 2024 Valley Herald. All rights reserved.",
        "Copyright 2024 Valley Herald",
        "(c) 2024 Valley Herald",
        "This site uses cookies. By continuing you agree to our cookie policy.",
    ],
)
def test_residue_lines(line: str) -> None:
    assert is_residue(line)


@pytest.mark.parametrize(
    "line",
    [
        "Readers of the newsletter said the council had ignored them for years.",
        "The ministry said it would share the findings with the committee on Friday.",
        "Advertisement revenue fell by a third last year, the company said.",
        "Copyright lawyers said the ruling would be appealed",
        "2023 was the driest year on record for the valley",
        "(c) a review of the tariff within six months",
        "The EU's cookie consent rules were tightened in 2022, the commission said.",
    ],
)
def test_sentences_are_not_residue(line: str) -> None:
    assert not is_residue(line)


def test_credit_line_becomes_credit() -> None:
    cleaned = clean_text(
        "Talks on the dam resumed on Monday.\n\nBoth sides called them useful.\n\nWith AFP"
    )
    assert cleaned.credits == ("AFP",)
    assert cleaned.text == "Talks on the dam resumed on Monday.\n\nBoth sides called them useful."


@pytest.mark.parametrize(
    "line,credits",
    [
        ("With Reuters", ("Reuters",)),
        ("(AFP)", ("AFP",)),
        ("With AFP and Reuters", ("AFP", "Reuters")),
        ("AP contributed to this report.", ("AP",)),
    ],
)
def test_credit_forms(line: str, credits: tuple[str, ...]) -> None:
    cleaned = clean_text(f"The port reopened on Monday after the storm.\n\n{line}")
    assert cleaned.credits == credits
    assert line not in cleaned.text


def test_sentence_starting_with_with_is_not_a_credit() -> None:
    text = "The port reopened on Monday.\n\nWith ships queued for days, traders were relieved."
    cleaned = clean_text(text)
    assert cleaned.credits == ()
    assert cleaned.text == text


def test_wire_dateline_credit_is_recorded_and_kept() -> None:
    text = "GENEVA (Reuters) - Delegates agreed on a new timetable on Thursday."
    cleaned = clean_text(text)
    assert cleaned.credits == ("Reuters",)
    assert cleaned.text == text


def test_headline_and_outlet_byline() -> None:
    cleaned = clean_text(
        "top of page\n\nBridge Talks Resume as Floods Recede\n\nValley Herald Staff Writer\n\n\n\n"
        "Engineers met on Monday to plan the repairs.\n\nbottom of page"
    )
    assert cleaned.title == "Bridge Talks Resume as Floods Recede"
    assert cleaned.author == "Valley Herald Staff Writer"
    assert cleaned.outlet == "Valley Herald"
    assert cleaned.text == "Engineers met on Monday to plan the repairs."


def test_by_byline() -> None:
    cleaned = clean_text("Harvest Starts Early\nBy Jane Doe\n\nFarmers began cutting on Monday.")
    assert cleaned.title == "Harvest Starts Early"
    assert cleaned.author == "Jane Doe"
    assert cleaned.outlet is None
    assert cleaned.text == "Farmers began cutting on Monday."


def test_sentence_starting_with_by_is_kept() -> None:
    text = "By Tuesday, the water had fallen by a metre.\n\nThe roads reopened."
    cleaned = clean_text(text)
    assert cleaned.author is None
    assert cleaned.text == text


def test_first_line_ending_with_period_is_not_a_headline() -> None:
    text = "The council met on Monday.\n\nIt voted to close the bridge."
    assert clean_text(text).title is None
    assert clean_text(text).text == text


@pytest.mark.parametrize("dateline", ["LAKEVILLE, Ore. (AP) --", "LAKEVILLE _", "LAKEVILLE —"])
def test_a_wire_dateline_on_its_own_line_opens_the_body(dateline: str) -> None:
    text = f"{dateline}\n\nThe bridge reopened on Monday.\n\nTraffic was light."
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text == text


def test_short_first_line_glued_to_body_is_not_a_headline() -> None:
    text = "Water levels\nrose again overnight, officials said."
    assert clean_text(text).title is None


def test_known_title_is_removed_from_the_top() -> None:
    cleaned = clean_text(
        "Bridge Talks Resume\n\nEngineers met on Monday.", known_title="Bridge talks resume"
    )
    assert cleaned.text == "Engineers met on Monday."
    assert cleaned.title is None  # the caller keeps its own title


def test_glued_date_line_is_split_and_points_at_the_date() -> None:
    cleaned = clean_text(" date 2021-03-09 Ministers met in Oslo on Tuesday.\n\nNo deal was made.")
    assert (
        cleaned.text == "date 2021-03-09\n\nMinisters met in Oslo on Tuesday.\n\nNo deal was made."
    )
    assert cleaned.published == "2021-03-09"
    assert cleaned.published_span is not None
    start, end = cleaned.published_span
    assert cleaned.text[start:end] == "2021-03-09"


def test_date_line_on_its_own_line_with_a_written_date() -> None:
    cleaned = clean_text("Published: 9 March 2021\n\nMinisters met in Oslo on Tuesday.")
    assert cleaned.published == "2021-03-09"
    assert cleaned.published_span is not None
    start, end = cleaned.published_span
    assert cleaned.text[start:end] == "9 March 2021"


@pytest.mark.parametrize(
    ("text", "day", "written"),
    [
        (
            "Harbour talks stall again NORVIK | Tue Mar 29, 2011 12:20am BST NORVIK (Wire) - "
            "Talks stalled on Monday.\n\nNo date was set.",
            "2011-03-29",
            "Mar 29, 2011",
        ),
        (
            "NORVIK | Thu 8 Sep 2011 7:26 pm EDT NORVIK (Wire) - Ferries sailed.",
            "2011-09-08",
            "8 Sep 2011",
        ),
        (
            "Pilots end their strike Tuesday 11 January 2005 09.11 GMT The pilots went back.",
            "2005-01-11",
            "11 January 2005",
        ),
        (
            "Comments welcome.\nFriday, April 30, 2010; 3:59 PM The harbour reopened today.",
            "2010-04-30",
            "April 30, 2010",
        ),
        (
            "Page last updated at 23:19 GMT, Tuesday, 19 January 2010 Pilots went back.",
            "2010-01-19",
            "19 January 2010",
        ),
        (
            "Ferry talks 24 April 2011 Last updated at 17:55 GMT The talks went on.",
            "2011-04-24",
            "24 April 2011",
        ),
        (
            "January 25, 2011 | By A. Writer, Harbour News Pilots marched on Tuesday.",
            "2011-01-25",
            "January 25, 2011",
        ),
        ("Pilots march May 27, 2010 20:34 UTC The pilots marched.", "2010-05-27", "May 27, 2010"),
        (
            "Harbour Hour Aired January 30, 2011 - 09:00 ET THIS IS A TRANSCRIPT.",
            "2011-01-30",
            "January 30, 2011",
        ),
        (
            "Last updated: 14 January, 2010 - 17:26 GMT Pilots went back.",
            "2010-01-14",
            "14 January, 2010",
        ),
    ],
)
def test_a_wire_time_stamp_near_the_top_dates_the_article(
    text: str, day: str, written: str
) -> None:
    cleaned = clean_text(text)
    assert cleaned.published == day
    assert cleaned.published_span is not None
    start, end = cleaned.published_span
    assert cleaned.text[start:end] == written


@pytest.mark.parametrize(
    "text",
    [
        # No clock time and zone: a date in a sentence, not a stamp.
        "Ferry strike ends | Talks resumed on Tue Mar 29, 2011 in Norvik.",
        # The time of an event in a sentence.
        "Talks ended on Friday, April 30, 2010 at 3:59 PM in Norvik.",
        # A photo caption's day, with no clock time.
        "Pilots march in Norvik, Wednesday, May 5, 2010.\nThe strike went on.",
        # A stamp deep in the article is something quoted, not the page's own.
        "Ferries sailed. " * 60 + "NORVIK | Tue Mar 29, 2011 12:20am BST",
    ],
)
def test_a_date_without_a_stamps_form_or_place_is_no_stamp(text: str) -> None:
    assert clean_text(text).published is None


def test_impossible_date_is_not_a_date_line() -> None:
    cleaned = clean_text("date 2021-13-45 is what the form said.")
    assert cleaned.published is None


def test_blank_line_runs_collapse() -> None:
    cleaned = clean_text("One.\n\n\n\n\nTwo.\n   \n\t\nThree.")
    assert cleaned.text == "One.\n\nTwo.\n\nThree."


def test_a_menu_line_is_residue_and_a_bare_date_under_the_byline_dates_the_article() -> None:
    text = (
        "Home | World | Harbour | Opinion\n\nFerry strike ends after talks\n\n"
        "By Staff Writer\nTuesday, May 14, 2024\n\nThe ferries sailed again on Tuesday."
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Ferry strike ends after talks"
    assert cleaned.author == "Staff Writer"
    assert cleaned.published == "2024-05-14"
    assert "Home |" not in cleaned.text
    assert cleaned.text.startswith("Tuesday, May 14, 2024\n\nThe ferries")


def test_a_sentence_opening_with_a_date_is_no_date_line() -> None:
    text = "Ferry strike ends\n\nMay 14, 2024 was the day the ferries sailed again."
    cleaned = clean_text(text)
    assert cleaned.published is None
    assert cleaned.text.endswith("May 14, 2024 was the day the ferries sailed again.")


def test_a_long_question_opening_a_transcript_is_its_first_sentence() -> None:
    text = (
        "The council said today it will ask again whether the old bridge on the east side of "
        "the river is, in fact, safe?\n\nEngineers inspected it last night."
    )
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text == text
