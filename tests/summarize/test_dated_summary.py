"""The summary timeline's choices on a small corpus written for the test: which days, which
sentences, what is never quoted, and that every citation is its article's text."""

from __future__ import annotations

import datetime as dt

from storyline.model import (
    Analysis,
    DatedSummary,
    Document,
    Evidence,
    Sentence,
    TimeExpression,
    document_id,
)
from storyline.summarize import summary_timeline
from storyline.summarize.candidates import document_candidates
from storyline.summarize.dated_summary import default_days, spread_out
from storyline.summarize.settings import settings

DAY = dt.date(2011, 1, 25)


def _article(
    published: str, sentences: list[tuple[str, str | None, str | None]]
) -> tuple[Document, Analysis]:
    """An article of (sentence, dating words in it, the day they name) triples."""
    text = " ".join(s for s, _, _ in sentences)
    doc = Document(
        id=document_id(text),
        source=f"{published}.txt",
        published=published,
        published_basis="metadata",
        text=text,
    )
    spans, times, at = [], [], 0
    for i, (sentence, words, value) in enumerate(sentences):
        spans.append(Sentence(start=at, end=at + len(sentence)))
        if words is not None:
            start = at + sentence.index(words)
            times.append(
                TimeExpression(
                    id=f"t:{doc.id}:{i}",
                    type="DATE",
                    value=value,
                    anchor=published,
                    evidence=Evidence(doc=doc.id, start=start, end=start + len(words), text=words),
                )
            )
        at += len(sentence) + 1
    return doc, Analysis(doc=doc.id, pipeline_version="test", sentences=spans, times=times)


MARCH = (
    "Thousands of protesters marched through central Cairo on Tuesday, demanding that the"
    " president step down."
)
CORPUS = [
    _article(
        "2011-01-26",
        [
            ("CAIRO (Reuters) - " + MARCH, "on Tuesday", "2011-01-25"),
            ("Photo: a protester waves a flag in Tahrir Square during the march.", None, None),
            (
                "Police fired tear gas and water cannon at the crowds as night fell over the city.",
                None,
                None,
            ),
        ],
    ),
    _article(
        "2011-01-28",
        [
            (
                "The protests began on January 25, when thousands of people marched through"
                " central Cairo.",
                "January 25",
                "2011-01-25",
            ),
            ("Too short to quote on January 25.", "January 25", "2011-01-25"),
            (
                "The government shut down the internet across the country on Friday as protests"
                " spread to Suez.",
                "on Friday",
                "2011-01-28",
            ),
        ],
    ),
    _article(
        "2011-01-29",
        [
            (
                "The protests began on January 25, when thousands of people marched through"
                " central Cairo again.",
                "January 25",
                "2011-01-25",
            ),
            (
                "Is this the end of the regime after the protests of January 25 in the capital?",
                "January 25",
                "2011-01-25",
            ),
        ],
    ),
]


def _run(**kw: object) -> list[DatedSummary]:
    documents = [d for d, _ in CORPUS]
    analyses = [a for _, a in CORPUS]
    return summary_timeline(documents, analyses, **kw)  # type: ignore[arg-type]


def test_the_day_most_articles_look_back_to_comes_first() -> None:
    [day] = _run(max_dates=1)
    assert day.date == "2011-01-25"


def test_citations_are_the_article_text_and_the_dateline_is_cut() -> None:
    texts = {d.id: d.text for d, _ in CORPUS}
    days = _run(max_dates=5, sentences=3)
    assert days
    for day in days:
        assert len(day.sentences) == len(day.citations)
        for sentence, cited in zip(day.sentences, day.citations, strict=True):
            assert texts[cited.doc][cited.start : cited.end] == cited.text == sentence
    doc, analysis = CORPUS[0]
    first = next(document_candidates(doc, analysis, settings()))
    assert first.text == MARCH  # without "CAIRO (Reuters) - "
    assert doc.text[first.evidence.start : first.evidence.end] == MARCH


def test_captions_fragments_and_questions_are_never_quoted() -> None:
    quoted = " ".join(s for day in _run(max_dates=5, sentences=5) for s in day.sentences)
    assert "Photo:" not in quoted
    assert "Too short" not in quoted
    assert "?" not in quoted


def test_a_near_duplicate_is_left_out() -> None:
    [day] = _run(max_dates=1, sentences=3)
    began = [s for s in day.sentences if s.startswith("The protests began")]
    assert len(began) == 1


def test_lead_sentence_stands_for_its_article_day() -> None:
    days = {d.date: d.sentences for d in _run(max_dates=5, sentences=2)}
    assert any("tear gas" in s for s in days.get("2011-01-26", []))


def test_since_and_until_bound_the_days() -> None:
    days = _run(max_dates=5, since=dt.date(2011, 1, 26), until=dt.date(2011, 1, 28))
    assert days and all("2011-01-26" <= d.date <= "2011-01-28" for d in days)
    assert _run(since=dt.date(2012, 1, 1)) == []


def test_default_budget_is_about_a_day_a_week_within_bounds() -> None:
    few = {DAY + dt.timedelta(days=i): 1.0 for i in range(3)}
    assert default_days(few) == 3
    year = {DAY + dt.timedelta(days=i): 1.0 for i in range(0, 365, 2)}
    assert default_days(year) == 40
    quarter = {DAY + dt.timedelta(days=i): 1.0 for i in range(0, 91)}
    assert default_days(quarter) == 13


def test_days_spread_over_the_span() -> None:
    # Scores fall with the date: without a gap the three first days win; with a quarter of
    # the mean distance (30 days / 3 days: a gap of 2), a day next to a better one waits.
    scores = {DAY + dt.timedelta(days=i): 10.0 - i for i in range(30)}
    assert spread_out(scores, 3, 0.0, None, None)[:3] == [
        DAY + dt.timedelta(days=i) for i in (0, 1, 2)
    ]
    assert spread_out(scores, 3, 0.25, None, None)[:3] == [
        DAY + dt.timedelta(days=i) for i in (0, 2, 4)
    ]
