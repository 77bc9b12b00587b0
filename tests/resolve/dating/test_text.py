"""What a document's own words say about its date (dating_text, dating_holidays, anchors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.records import tagged_document

from storyline.model import (
    Analysis,
    Document,
    Tense,
    evidence,
)
from storyline.resolve.dating.anchors import load_anchors, parse_anchor
from storyline.resolve.dating.infer import DateInference

D = dt.date
TODAY = D(2026, 1, 1)


def make(text: str, times: list[tuple[str, Tense | None]]) -> tuple[Document, Analysis]:
    """A document and an analysis holding the given time expressions (first occurrences, in
    order) in the tense given, with one sentence per full stop."""
    return tagged_document(text, times)


def date_alone(text: str, times: list[tuple[str, Tense | None]], anchors: str = "") -> object:
    doc, analysis = make(text, times)
    given = [parse_anchor(anchors)] if anchors else []
    return DateInference([doc], [analysis], given, today=TODAY, corpus=False).verdict(doc.id)


def test_a_past_date_is_a_lower_bound_and_a_coming_one_an_upper_bound() -> None:
    text = "The council met on March 3, 2021. It will vote again on April 20, 2021."
    verdict = date_alone(text, [("March 3, 2021", "past"), ("April 20, 2021", "future")])
    assert verdict is not None
    # One day of slack below a reported day: time zones.
    assert (verdict.earliest, verdict.latest) == (D(2021, 3, 2), D(2021, 4, 20))  # type: ignore[attr-defined]


def test_years_that_name_things_or_deadlines_bound_nothing() -> None:
    text = "He talked about the 2030 race. Emissions fell by 2040 as planned. Rain fell in 2015."
    verdict = date_alone(text, [("2030", "past"), ("2040", "past"), ("2015", "past")])
    assert verdict is not None
    assert verdict.earliest == D(2015, 1, 1)  # type: ignore[attr-defined]


def test_yesterday_with_its_weekday_fixes_the_weekday_of_publication() -> None:
    text = "The envoy arrived in March 2022. The minister spoke yesterday (Friday) in the city."
    verdict = date_alone(text, [("March 2022", "past"), ("yesterday (Friday)", "past")])
    assert verdict is not None
    assert verdict.earliest.isoweekday() == 6  # type: ignore[attr-defined]
    assert verdict.earliest == D(2022, 3, 5)  # type: ignore[attr-defined]


def test_ramadan_beginning_on_a_weekday_dates_the_week_before_it() -> None:
    text = (
        "Envoys hurried before Ramadan, which could begin as early as Sunday. "
        "The market had reopened in 2023. A vote is due in December 2024."
    )
    times: list[tuple[str, Tense | None]] = [
        ("Sunday", None),
        ("2023", "past"),
        ("December 2024", "future"),
    ]
    verdict = date_alone(text, times)
    assert verdict is not None
    # Ramadan 2024 began on Monday 2024-03-11 (Umm al-Qura): the Sunday is 2024-03-10, said
    # within the week before; 2023 has no Sunday near its first day of Ramadan.
    assert verdict.earliest == D(2024, 3, 4)  # type: ignore[attr-defined]
    assert verdict.latest == D(2024, 3, 10)  # type: ignore[attr-defined]


def test_an_anchor_reported_in_the_text_is_a_lower_bound() -> None:
    text = "After the killing of rebel chief Amir Tal, the town was calm. Trade resumed in 2019."
    times: list[tuple[str, Tense | None]] = [("2019", "past")]
    verdict = date_alone(text, times, "Amir Tal killed=2024-05-02")
    assert verdict is not None
    assert verdict.earliest == D(2024, 5, 2)  # type: ignore[attr-defined]
    assert any("Amir Tal" in c.reason for c in verdict.clues)  # type: ignore[attr-defined]
    # Without all of the anchor's words in one sentence, nothing is matched.
    assert date_alone(text, times, "Amir Tal arrested=2024-05-02").earliest == D(2019, 1, 1)  # type: ignore[attr-defined]


def test_anchors_are_parsed_and_bad_ones_refused(tmp_path: Path) -> None:
    anchor = parse_anchor("Yahya Sinwar killed=2024-10-16")
    assert (anchor.words, anchor.date) == ("Yahya Sinwar killed", "2024-10-16")
    for bad in ("Sinwar killed", "Sinwar killed=2024-13-01", "=2024-10-16", "the=2024"):
        with pytest.raises(ValueError):
            parse_anchor(bad)
    path = tmp_path / "anchors.toml"
    path.write_text(
        '"Gaza war began" = 2023-10-07\n\n[[anchor]]\nevent = "truce ended"\ndate = "2023-12"\n',
        encoding="utf-8",
    )
    loaded = {(a.words, a.date) for a in load_anchors(path)}
    assert loaded == {("Gaza war began", "2023-10-07"), ("truce ended", "2023-12")}
    path.write_text("not toml = [", encoding="utf-8")
    with pytest.raises(ValueError, match="anchors"):
        load_anchors(path)


def test_a_wire_dateline_names_the_day_the_story_was_filed() -> None:
    text = (
        "Storm reaches the coast.\n\nMIAMI, Sept. 14 (Wire) — The storm formed in August 2024 "
        "and the county will vote on repairs in November 2024, officials said."
    )
    times: list[tuple[str, Tense | None]] = [
        ("Sept. 14", None),
        ("August 2024", "past"),
        ("November 2024", "future"),
    ]
    verdict = date_alone(text, times)
    assert verdict is not None
    assert (verdict.earliest, verdict.latest) == (D(2024, 8, 1), D(2024, 11, 30))
    assert verdict.best_day == D(2024, 9, 14)
    assert any("dateline" in lean.reason for lean in verdict.leans)


def test_a_day_named_inside_a_sentence_is_no_dateline() -> None:
    text = (
        "Storm reaches the coast.\n\nThe storm formed in August 2024, and in MIAMI, Sept. 14 "
        "(Wire) — was the day the county will vote on repairs in November 2024."
    )
    times: list[tuple[str, Tense | None]] = [
        ("August 2024", "past"),
        ("Sept. 14", None),
        ("November 2024", "future"),
    ]
    verdict = date_alone(text, times)
    assert verdict is not None
    assert not any("dateline" in lean.reason for lean in verdict.leans)


def test_a_weekday_inside_a_quote_said_on_another_day_says_nothing_of_publication() -> None:
    from storyline.model import Quote
    from storyline.resolve.dating.text import text_findings

    text = '"We sign on Wednesday," the minister said on Monday.'
    doc, analysis = make(text, [("Wednesday", "future"), ("Monday", "past")])
    start = text.index("We")
    quote = Quote(
        id="q1",
        text="We sign on Wednesday,",
        speaker_name="the minister",
        date="XXXX-WXX-1",
        date_ref=analysis.times[1].id,
        evidence=evidence(doc, start, text.index(",") + 1),
    )
    limits = (D(2020, 1, 1), TODAY)
    # As the per-document stage names it: the quote's Wednesday is among its words.
    wednesday = analysis.times[0].model_copy(update={"quote_ref": quote.id})
    analysis = analysis.model_copy(
        update={"quotes": [quote], "times": [wednesday, *analysis.times[1:]]}
    )
    reasons = [lean.reason for lean in text_findings(doc, analysis, limits).leans]
    assert any("Monday" in r for r in reasons)
    assert not any("Wednesday" in r for r in reasons)
    undated = analysis.model_copy(update={"quotes": [quote.model_copy(update={"date": None})]})
    reasons = [lean.reason for lean in text_findings(doc, undated, limits).leans]
    assert any("Wednesday" in r for r in reasons)


# Hanukkah 2025's first day is Monday 2025-12-15, lit on the Sunday evening before (2023 and
# 2024 have no Sunday within a day of theirs). Passover 2024's first day is Tuesday 2024-04-23;
# its eve, Monday the 22nd, is the "Monday" it begins on (at sundown). Of 2021-2025 only 2023
# has Christmas on a Monday: the days from which the coming Monday is the 25th.
@pytest.mark.parametrize(
    ("sentence", "weekday", "years", "interval", "name"),
    [
        (
            "Shops stocked candles as Hanukkah begins on Sunday evening.",
            "Sunday evening",
            ("2023", "March 2026"),
            (D(2025, 12, 8), D(2025, 12, 14)),
            "Hanukkah",
        ),
        (
            "Families travelled home before Passover, which begins on Monday.",
            "Monday",
            ("2023", "December 2024"),
            (D(2024, 4, 16), D(2024, 4, 22)),
            "Passover",
        ),
        (
            "Shoppers crowded the malls ahead of Christmas, which falls on Monday.",
            "Monday",
            ("2021", "March 2025"),
            (D(2023, 12, 19), D(2023, 12, 25)),
            "Christmas",
        ),
    ],
)
def test_a_holiday_beginning_on_a_weekday_dates_the_week_before_it(
    sentence: str,
    weekday: str,
    years: tuple[str, str],
    interval: tuple[dt.date, dt.date],
    name: str,
) -> None:
    since, due = years
    text = f"{sentence} The place was rebuilt in {since}. A vote is due in {due}."
    times: list[tuple[str, Tense | None]] = [(weekday, "future"), (since, "past"), (due, "future")]
    verdict = date_alone(text, times)
    assert verdict is not None
    assert (verdict.earliest, verdict.latest) == interval  # type: ignore[attr-defined]
    assert any(name in c.reason for c in verdict.clues)  # type: ignore[attr-defined]


def test_christmas_eve_is_not_christmas() -> None:
    text = (
        "Families gathered on Christmas Eve, which fell on Sunday. "
        "The church opened in 2021. A vote is due in March 2025."
    )
    times: list[tuple[str, Tense | None]] = [
        ("Sunday", "past"),
        ("2021", "past"),
        ("March 2025", "future"),
    ]
    verdict = date_alone(text, times)
    assert verdict is not None
    # Christmas Eve on a Sunday: 2023-12-24 (Christmas itself fell on a Sunday in 2022).
    assert verdict.earliest >= D(2023, 12, 24)  # type: ignore[attr-defined]
    assert all("Christmas begins" not in c.reason for c in verdict.clues)  # type: ignore[attr-defined]
