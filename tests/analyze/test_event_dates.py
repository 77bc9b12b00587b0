"""Event dates with tense and aspect (analyze/event_dates.py), on sentences written for the tests
with hand-built time expressions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.analyze.entities import extract_mentions
from storyline.analyze.events import extract_events
from storyline.model import Event, TimeExpression


def _event(
    parse: Callable, text: str, trigger: str, dates: dict[str, str], time_at: Callable
) -> tuple[Event, dict[str, TimeExpression]]:
    """The event whose trigger is ``trigger``, and the expressions built from ``dates``
    (words -> value)."""
    sdoc, doc = parse(text)
    times = {words: time_at(doc, words, value, tense="past") for words, value in dates.items()}
    events = extract_events(sdoc, doc, extract_mentions(sdoc, doc), list(times.values()))
    start = text.index(trigger)
    found = [e for e in events if e.mentions[0].start <= start < e.mentions[0].end]
    matching = [e for e in found if trigger.lower() in e.summary.lower()]
    assert matching, [e.summary for e in events]
    return matching[0], times


@pytest.mark.parametrize(
    "text",
    [
        "Axios reported on Monday that Barnea had met Burns in Europe.",
        "Israel said on Monday its spy chief had met his US counterpart.",
        "Barnea had met Burns in Europe, Axios reported on Monday.",
    ],
)
def test_a_past_perfect_under_a_dated_report_is_on_or_before_its_date(
    parse: Callable, time_at: Callable, text: str
) -> None:
    event, times = _event(parse, text, "met", {"Monday": "2023-12-18"}, time_at)
    assert event.date == "2023-12-18" and event.date_latest == "2023-12-18"
    assert event.date_earliest is None
    assert event.date_ref == times["Monday"].id


def test_an_explicit_date_inside_the_clause_wins(parse: Callable, time_at: Callable) -> None:
    text = "Officials said on Friday that the delegates had met Egyptian mediators on Thursday."
    dates = {"Friday": "2024-10-25", "Thursday": "2024-10-24"}
    event, times = _event(parse, text, "met", dates, time_at)
    assert event.date == "2024-10-24" and event.date_latest is None
    assert event.date_ref == times["Thursday"].id


# (text, trigger, its date's words and value, whether the event is on or before that date)
_CASES = [
    # A simple past under a dated report happened by the report's day.
    ("Police said on Monday that gunmen attacked a convoy near Kabul.", "attacked", "Monday", True),
    # A progressive goes on on the report's day.
    (
        "Hagari said on Tuesday that troops were attacking Khan Yunis.",
        "attacking",
        "Tuesday",
        False,
    ),
    # "earlier": before the time of the clause around it.
    (
        "Haniyeh, who earlier met the minister in Qatar, arrived in Cairo on Wednesday.",
        "met",
        "Wednesday",
        True,
    ),
    # A relative clause on a dated noun takes its date.
    (
        "Qatar helped broker a truce in November in which 80 hostages were freed.",
        "freed",
        "November",
        False,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "words", "by"), _CASES)
def test_tense_and_aspect_relate_the_event_to_its_date(
    parse: Callable, time_at: Callable, text: str, trigger: str, words: str, by: bool
) -> None:
    event, times = _event(parse, text, trigger, {words: "2023-12-19"}, time_at)
    assert event.date == "2023-12-19" and event.date_ref == times[words].id
    assert event.date_latest == ("2023-12-19" if by else None)
    assert event.date_earliest is None


def test_an_undated_report_leaves_the_event_to_its_article(
    parse: Callable, time_at: Callable
) -> None:
    text = "Barnea had met Burns in Europe, the source said."
    event, _ = _event(parse, text, "met", {}, time_at)
    assert event.date is None and event.date_latest is None
