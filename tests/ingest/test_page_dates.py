"""Publication dates of pages written to imitate common layouts (tests/data/dated_pages):
where each date came from, the byline against metadata, and dates of comments, related
articles and source lists never dating the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Config
from storyline.ingest import ingest
from storyline.ingest.page_dates import page_dates
from storyline.model import Document, Ingested

PAGES = Path(__file__).resolve().parent.parent / "data" / "dated_pages"
EXPECTED: dict[str, dict[str, Any]] = json.loads((PAGES / "expected.json").read_text("utf-8"))


def ingest_document(path: Path) -> Document:
    [result] = list(ingest([str(path)], Config()))
    assert isinstance(result, Ingested)
    return result.document


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_date_basis_and_field(name: str) -> None:
    want = EXPECTED[name]
    doc = ingest_document(PAGES / name)
    assert doc.published == want["date"]
    assert doc.published_basis == want["basis"]
    source = doc.published_source
    assert (source.field if source else None) == want["field"]
    if source is not None:
        assert source.value == doc.published and source.raw
    # Evidence spans point at the byline in the cleaned text.
    for ev in doc.published_evidence:
        assert doc.text[ev.start : ev.end] == ev.text
    assert bool(doc.published_overruled) == (want["conflict"] or name.endswith("day_late.html"))


def test_metadata_date_keeps_its_field_raw_value_and_the_agreeing_byline_span() -> None:
    doc = ingest_document(PAGES / "en_byline_meta_agree.html")
    assert doc.published_source is not None
    assert doc.published_source.field == "meta article:published_time"
    assert doc.published_source.raw == "2019-03-12T09:00:00+00:00"
    [span] = doc.published_evidence
    assert span.text == "Published 12 March 2019"


def test_byline_overrules_metadata_of_another_day() -> None:
    doc = ingest_document(PAGES / "it_byline_meta_day_late.html")
    assert doc.published == "2019-03-12"
    [overruled] = doc.published_overruled
    assert overruled.field == "meta article:published_time"
    assert overruled.raw == "2019-03-13T00:30:00Z"


def test_comment_related_and_source_regions_are_cut_before_reading() -> None:
    comments = page_dates((PAGES / "en_comments_only_dates.html").read_text("utf-8"))
    assert comments.byline is None and comments.metadata is None
    assert {"2020-06-15", "2020-06-18"} <= comments.elsewhere
    related = page_dates((PAGES / "en_related_list_first.html").read_text("utf-8"))
    assert related.byline is not None and related.byline.value == "2021-02-10"
    sources = page_dates((PAGES / "en_factcheck_sources_list.html").read_text("utf-8"))
    assert {"2015-01-12", "2016-03-02", "2017-11-30"} <= sources.elsewhere


def test_claim_review_date_is_the_page_not_the_claim_it_reviews() -> None:
    stated = page_dates((PAGES / "en_factcheck_claimreview.html").read_text("utf-8"))
    assert stated.metadata is not None and stated.metadata.value == "2022-08-05"


def test_jsonl_date_names_its_field(tmp_path: Path) -> None:
    record = {"id": "a1", "publishedAt": "2023-04-05T06:07:08Z", "text": "Body text. " * 20}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    doc = ingest_document(path)
    assert doc.published == "2023-04-05"
    assert doc.published_source is not None
    assert doc.published_source.field == "jsonl publishedAt"
    assert doc.published_source.raw == "2023-04-05T06:07:08Z"


def test_jsonl_metadata_against_a_byline_in_its_text(tmp_path: Path) -> None:
    text = (
        "Hafenbrücke gesperrt\n\npubliziert am 30. Juli 2018\n\n" + "Der Rat hat entschieden. " * 10
    )
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"date": "2018-08-04", "text": text}) + "\n", encoding="utf-8")
    doc = ingest_document(path)
    assert (doc.published, doc.published_basis) == ("2018-07-30", "text")
    [overruled] = doc.published_overruled
    assert (overruled.field, overruled.value) == ("jsonl date", "2018-08-04")


def test_a_date_in_the_lede_does_not_overrule_metadata(tmp_path: Path) -> None:
    page = (PAGES / "en_byline_meta_agree.html").read_text("utf-8")
    lede = (
        "<p>The ministry's report, published on 3 March 2017, found that the bridge had been "
        "inspected only twice in ten years, and the council has now ordered a full survey.</p>"
    )
    page = page.replace("<p>Published 12 March 2019</p>", lede)
    path = tmp_path / "lede.html"
    path.write_text(page, encoding="utf-8")
    doc = ingest_document(path)
    assert doc.published == "2019-03-12" and doc.published_overruled == []


def test_an_article_marked_related_is_not_cut() -> None:
    page = (PAGES / "de_byline_month_name.html").read_text("utf-8")
    page = page.replace("<article>", '<div class="story has-related-links"><article>')
    page = page.replace("</article>", "</article></div>")
    stated = page_dates(page)
    assert stated.byline is not None and stated.byline.value == "2018-07-30"


def test_many_comments_are_cut_quickly() -> None:
    import time

    comment = '<div class="comment"><time datetime="2020-06-15">15 June 2020</time> Yes.</div>'
    page = (PAGES / "en_comments_newer.html").read_text("utf-8")
    page = page.replace("</article>", "</article>" + comment * 5000)
    started = time.perf_counter()
    stated = page_dates(page)
    assert time.perf_counter() - started < 10
    assert stated.byline is not None and stated.byline.value == "2020-06-01"
    assert "2020-06-15" in stated.elsewhere
