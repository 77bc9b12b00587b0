"""Byline dates in six languages, month names and numbers; update dates are told apart."""

from __future__ import annotations

import pytest

from storyline.ingest.visible_dates import byline_date, keyed_dates, published_in


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Von Anna Lehmann, publiziert am 30. Juli 2018 um 10:00 Uhr", "2018-07-30"),
        ("Veröffentlicht: 30.07.2018, 14:05 Uhr", "2018-07-30"),
        ("Publié le 3 mars 2020 à 10h15", "2020-03-03"),
        ("Publié le 03/03/2020", "2020-03-03"),
        ("Publicado el 5 de mayo de 2021", "2021-05-05"),
        ("Pubblicato il 12 marzo 2019", "2019-03-12"),
        ("Опубликовано 7 ноября 2022, 10:15", "2022-11-07"),
        ("Published: March 12, 2019", "2019-03-12"),
        ("Published 12 March 2019", "2019-03-12"),
        ("Posted on Tuesday, 12 Mar. 2019", "2019-03-12"),
        ("Published 2019-03-12T10:00:00Z", "2019-03-12"),
    ],
)
def test_publication_phrases_are_read(text: str, day: str) -> None:
    found = published_in("Headline of the story\n" + text + "\nThe body starts here.", 600)
    assert found is not None and found.value == day
    assert not found.updated


@pytest.mark.parametrize(
    "text",
    [
        "Updated 13 March 2019",
        "Stand: 30.07.2018",
        "mis à jour le 4 mars 2020",
        "aggiornato il 13 marzo 2019",
        "обновлено 8 ноября 2022",
        "Published 31.02.2019",  # no such day
        "Published 12 March 1066",  # no web page
    ],
)
def test_update_dates_and_impossible_days_are_no_publication_date(text: str) -> None:
    assert published_in(text, 600) is None


def test_update_phrases_are_recognised_as_updates() -> None:
    [published, updated] = keyed_dates("Publié le 3 mars 2020 · Mis à jour le 4 mars 2020", 600)
    assert (published.value, published.updated) == ("2020-03-03", False)
    assert (updated.value, updated.updated) == ("2020-03-04", True)


def test_a_phrase_beyond_the_limit_is_not_read() -> None:
    text = "x" * 700 + " Published 12 March 2019"
    assert published_in(text, 600) is None


def test_byline_element_dates() -> None:
    found = byline_date("By Ann Lee | Tuesday, 12 March 2019 9:30 p.m. ET")
    assert found is not None and found.value == "2019-03-12"
    assert found.raw("By Ann Lee | Tuesday, 12 March 2019 9:30 p.m. ET") == "12 March 2019"
    # An update date alone is no publication date; with a publication date, that one wins.
    assert byline_date("Updated 13 March 2019") is None
    found = byline_date("Updated 13 March 2019 · first published 11 March 2019")
    assert found is not None and found.value == "2019-03-11"


def test_a_date_in_the_prose_of_the_lede_is_not_the_byline() -> None:
    lede = (
        "The ministry's report, published on 3 March 2019, found that the bridge had been "
        "inspected only twice in ten years, and the council has now ordered a full survey."
    )
    assert published_in("Bridge closed\n\n" + lede, 600) is None
    found = published_in("Bridge closed\nPublished 12 March 2019\n\n" + lede, 600)
    assert found is not None and found.value == "2019-03-12"
