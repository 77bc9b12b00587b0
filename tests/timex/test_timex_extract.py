"""extract_times() on parsed text: candidates, tense, anchors, evidence offsets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.times import _worth_keeping, extract_times
from storyline.model import Document, TimeExpression, document_id, span_id

pytestmark = pytest.mark.slow

ARTICLE = (
    "The envoy left on Thursday after two days of talks. "
    "The two delegations met yesterday (Friday) in Cairo. "
    "The talks will resume on Monday, officials said. "
    "The council is set to vote on Wednesday. "
    "The fighting began last October, and the five-month-old war has not stopped. "
    "A 45-year-old man was wounded late on Tuesday."
)


def _times(nlp: Any, text: str, published: str | None) -> list[TimeExpression]:
    document = Document(id=document_id(text), source="test", text=text, published=published)
    return extract_times(nlp(text), document)


def _by_text(times: list[TimeExpression]) -> dict[str, TimeExpression]:
    return {t.evidence.text: t for t in times}


def test_article_anchored_on_a_saturday(nlp: Any) -> None:
    times = _by_text(_times(nlp, ARTICLE, "2024-03-09"))
    values = {text: t.value for text, t in times.items()}
    assert values["Thursday"] == "2024-03-07"  # past tense: the Thursday before
    assert values["two days"] == "P2D"
    assert values["yesterday (Friday)"] == "2024-03-08"
    assert values["Monday"] == "2024-03-11"  # "will resume": the next Monday
    assert values["Wednesday"] == "2024-03-13"  # "is set to vote": ahead
    assert values["last October"] == "2023-10"
    assert values["five-month-old"] == "P5M"
    assert times["late on Tuesday"].value == "2024-03-05"
    assert times["late on Tuesday"].mod == "END"
    assert not any("year-old" in text for text in times)  # an age, not a time
    assert times["Thursday"].anchor == "2024-03-09"
    assert times["five-month-old"].anchor is None  # a duration does not depend on it


def test_evidence_points_into_the_text(nlp: Any) -> None:
    document = Document(id=document_id(ARTICLE), source="t", text=ARTICLE, published="2024-03-09")
    times = extract_times(nlp(ARTICLE), document)
    assert times
    for t in times:
        ev = t.evidence
        assert ARTICLE[ev.start : ev.end] == ev.text
        assert ev.doc == document.id
        assert t.id == span_id("t", document.id, ev.start, ev.end)
    starts = [t.evidence.start for t in times]
    assert starts == sorted(starts)


def test_without_a_date_relative_expressions_stay_open(nlp: Any) -> None:
    times = _by_text(_times(nlp, ARTICLE, None))
    assert times["Thursday"].value == "XXXX-WXX-4"
    assert times["yesterday (Friday)"].value == "XXXX-XX-XX"
    assert times["Thursday"].anchor is None
    assert times["five-month-old"].value == "P5M"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A plan that "had been" set lies before publication (a Monday here).
        ("The ferry strike had been due to end Friday evening.", "2024-03-08TEV"),
        ("The vote previously had been scheduled to take place on Friday.", "2024-03-08"),
        # One still set looks ahead.
        ("The vote is scheduled to take place on Friday.", "2024-03-15"),
    ],
)
def test_a_plan_in_the_past_perfect_looks_back(nlp: Any, text: str, value: str) -> None:
    (found,) = _times(nlp, text, "2024-03-11")
    assert found.value == value


def test_modal_leaves_the_weekday_nearest(nlp: Any) -> None:
    text = "The holiday could begin as early as Sunday, depending on the moon."
    values = {t.evidence.text: t.value for t in _times(nlp, text, "2024-03-09")}
    assert "2024-03-10" in values.values()


def test_ranges_are_separate_expressions(nlp: Any) -> None:
    text = "Output doubled between 1994 and 1997, the company said."
    values = [t.value for t in _times(nlp, text, "2000-01-01")]
    assert values == ["1994", "1997"]


def test_seed_003(seeds_dir: Path, nlp: Any) -> None:
    path = next(seeds_dir.glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    times = _times(nlp, text, "2024-12-02")
    values = {(t.evidence.text, t.value) for t in times}
    assert ("Sunday", "2024-12-01") in values
    assert ("October 7, 2023", "2023-10-07") in values
    assert ("the coming days", "FUTURE_REF") in values
    for t in times:
        assert text[t.evidence.start : t.evidence.end] == t.evidence.text


def test_grammar_alone_works_without_parser_or_ner() -> None:
    import spacy

    text = "They met on Friday, five days ago."
    document = Document(id=document_id(text), source="t", text=text, published="2024-03-09")
    values = [(t.evidence.text, t.value) for t in extract_times(spacy.blank("en")(text), document)]
    assert values == [("Friday", "2024-03-08"), ("five days ago", "2024-03-04")]


def test_the_parse_must_be_of_the_document_text(nlp: Any) -> None:
    document = Document(id="d", source="t", text="On Friday.", published="2024-03-09")
    with pytest.raises(ValueError, match="parse"):
        extract_times(nlp("Something else."), document)


def test_extents_follow_timeml(nlp: Any) -> None:
    text = (
        "The Aug. 7, 1998, bombings killed many. Rescuers worked for about five hours and "
        "only 14 days remain. A major factor in the third-quarter loss was the yen."
    )
    times = _by_text(_times(nlp, text, "1998-10-01"))
    assert "Aug. 7, 1998" in times  # "The" belongs to "bombings"
    assert times["five hours"].value == "PT5H"
    assert times["five hours"].mod == "APPROX"  # "about" stays out of the extent, its mod not
    assert "14 days" in times
    assert "third-quarter" in times


def test_a_year_ended_on_a_date_is_a_stretch_of_time(nlp: Any) -> None:
    text = "Net income for the year ended March 31 rose. For the year, sales were flat."
    found = [(t.evidence.text, t.value) for t in _times(nlp, text, "1989-10-30")]
    assert ("the year", "P1Y") in found
    assert ("the year", "1989") in found
    assert ("March 31", "1989-03-31") in found


def test_anaphoric_expressions_count_from_the_story(nlp: Any) -> None:
    text = (
        "Farkas was made a general in 1995, and the following year he was sent to Washington. "
        "He had left Budapest on Oct. 23, 1994. Earlier that day, he met the minister."
    )
    times = _by_text(_times(nlp, text, "1998-04-18"))
    assert times["the following year"].value == "1996"
    assert times["the following year"].anchor == "1995-01-01"
    assert times["Earlier that day"].value == "1994-10-23"


def test_ages_of_people_described_past_compounds(nlp: Any) -> None:
    text = (
        "Slepian, a 52-year-old obstetrician-gynecologist, was shot. The 50-year-old alliance "
        "grew. The great-uncle of 6-year-old shipwreck survivor Elian Gonzalez spoke."
    )
    found = {t.evidence.text for t in _times(nlp, text, "1999-01-22")}
    # An institution's age is an age too: TimeBank marks none of them.
    assert not any(text.startswith(("52", "6-", "50")) for text in found)


def test_running_time_of_an_event_is_a_duration(nlp: Any) -> None:
    text = "Extremists oppose the group's 8-month-old truce. The 136-year-old bank grew."
    times = _by_text(_times(nlp, text, "1998-03-22"))
    assert times["8-month-old"].value == "P8M"
    assert not any(key.startswith("136") for key in times)


def test_age_with_the_noun_left_out(nlp: Any) -> None:
    text = "We are very concerned about the well-being of this 6-year-old, the lawyer said."
    assert not _times(nlp, text, "2000-04-03")


def test_quoted_show_titles_are_not_times(nlp: Any) -> None:
    text = (
        'Baker said on ABC\'s "This Week" that talks went well. Gonzalez said on '
        "CBS's ``60 Minutes'' that he would wait. The talks went well this week."
    )
    times = _by_text(_times(nlp, text, "1990-08-13"))
    assert not any(key.startswith(("This Week", "60")) for key in times)
    assert times["this week"].value == "1990-W33"
    quoted = _by_text(_times(nlp, '"Now," he said, "we wait."', "1990-08-13"))
    assert quoted["Now"].value == "PRESENT_REF"


def test_unreadable_names_and_prices_are_dropped(nlp: Any) -> None:
    # What the NER calls a DATE but normalize cannot read is kept only with a word for a time.
    doc = nlp("Stauber left during Ramadan, the Muslim fasting month, for as little as 99 cents.")

    def keep(words: str) -> bool:
        start = doc.text.index(words)
        return _worth_keeping(doc.char_span(start, start + len(words)))

    assert keep("Ramadan") and keep("the Muslim fasting month")
    assert not keep("Stauber") and not keep("as little as 99 cents")


def test_recurrence_words_describing_amounts_are_dropped(nlp: Any) -> None:
    text = "Sales will rise 8.5% annually, and the company pays a quarterly dividend daily."
    found = {t.evidence.text for t in _times(nlp, text, "1989-10-26")}
    assert "annually" not in found and "quarterly" not in found


def test_date_after_effective_lies_ahead(nlp: Any) -> None:
    text = "The company created a new office, effective Feb. 1, and signed a pact effective June 1."
    times = _by_text(_times(nlp, text, "1989-10-26"))
    assert times["Feb. 1"].value == "1990-02-01"
    assert times["June 1"].value == "1990-06-01"


def test_clock_time_without_a_day_is_on_the_story_day(nlp: Any) -> None:
    text = (
        "A bomb exploded in the capital on Friday. The blast occurred at 10:35 a.m., officials "
        "said. The ministry will give details at 10 a.m. today."
    )
    times = _by_text(_times(nlp, text, "1998-08-08"))
    assert times["Friday"].value == "1998-08-07"
    assert times["10:35 a.m."].value == "1998-08-07T10:35"
    assert times["10 a.m. today"].value == "1998-08-08T10:00"


def test_latest_period_of_an_earnings_report(nlp: Any) -> None:
    text = "Sales in the latest period rose 13% from a year earlier, the company said."
    times = _by_text(_times(nlp, text, "1989-11-02"))
    assert times["the latest period"].value == "1989-Q3"


def test_misspelt_weekday_is_read(nlp: Any) -> None:
    text = "The minister arrived on Thrusday and left on Satruday, Mr. Munday said."
    times = _by_text(_times(nlp, text, "2024-03-09"))
    assert times["Thrusday"].value == "2024-03-07"
    assert times["Satruday"].value == "2024-03-09"
    assert "Munday" not in times


def test_part_of_day_naming_a_kind_of_thing(nlp: Any) -> None:
    text = "Shares fell after overnight losses in New York, he said on the morning talk show."
    found = {t.evidence.text for t in _times(nlp, text, "1989-10-30")}
    assert "morning" not in found
    assert "overnight" in found
    greeting = "Good evening from Havana. We arrived this evening."
    assert [t.evidence.text for t in _times(nlp, greeting, "1998-01-20")] == ["this evening"]


def test_decade_of_a_persons_life_is_an_age(nlp: Any) -> None:
    text = "When he was in his 30s, prices were lower than in the 1930s."
    found = {t.evidence.text: t.value for t in _times(nlp, text, "1999-05-06")}
    assert "30s" not in found
    assert found["the 1930s"] == "193"


def test_a_time_word_ending_a_name(nlp: Any) -> None:
    text = "This is VOA Today. Clinton Tuesday signed the bill, USA Today reported today."
    found = {t.evidence.text: t.value for t in _times(nlp, text, "1998-03-31")}
    assert "Today" not in found
    assert found["Tuesday"] == "1998-03-31"
    assert found["today"] == "1998-03-31"


def test_a_month_name_starting_a_name(nlp: Any) -> None:
    text = (
        "Protesters joined the annual March for Life. He led the March of the Mothers. "
        "The season runs from May to September, and talks resume in March."
    )
    found = {t.evidence.text: t.value for t in _times(nlp, text, "1999-01-22")}
    assert "March" in found and found["March"] == "1999-03"  # only the last one is a month
    assert sum(1 for t in _times(nlp, text, "1999-01-22") if t.evidence.text == "March") == 1
    assert "May" in found and "September" in found
