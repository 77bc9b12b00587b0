"""The residue families of issue 13 (residue_lines.txt): newsletter prompts, gallery counters,
caption labels, photo credits, ad labels, share widgets, "read more" teasers, comment sections,
cookie banners. Each family: lines of page furniture it removes, and sentences of articles that
look like them and must stay."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import clean_text, is_residue

FURNITURE = {
    "newsletter": [
        "Let our news meet your inbox.",
        "Get the latest headlines delivered to your inbox every morning.",
        "The best stories of the week, straight to your inbox",
        "Sign up to Morning Brief, our free daily newsletter",
        "Sign up for our free weekly newsletter to get the latest on health policy.",
        "Get the Valley Herald newsletter",
        "Sign up here",
        "Iscriviti alla newsletter",
        "Newsletter abonnieren",
        "Подписывайтесь на наш канал в Telegram",
    ],
    "paywall": [
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
        "You have 3 free articles remaining this month.",
    ],
    "gallery": [
        "Image 1 of 8",
        "1 of 4",
        "Slide 3/12",
        "Foto 2 di 5",
        "Bild 4 von 9",
        "Фото 1 из 6",
        "Image 2 of 8: Rescuers search the rubble in the old town.",
        "View gallery (12 photos)",
        "Gallery",
        "Fullscreen",
        "12 photos",
    ],
    "caption label": ["Caption", "Image caption", "hide caption", "Toggle caption"],
    "photo credit": [
        "Photo: Hau Dinh, AP",
        "Photograph: Maria Lopez/Valley Herald",
        "Foto: Peter Kneffel/dpa",
        "Bild: Stadtwerke Kempten",
        "Фото: Иван Петров / ТАСС",
        "Image source, Getty Images",
        "Photo credit: NASA Goddard.",
        "Photograph by Ann Kerr for The Valley Herald",
        "(AP Photo/Hau Dinh)",
        "Firefighters work on the roof in Lyon, France, Monday. (AP Photo/Laurent Cipriani)",
        "Il ponte crollato a Genova (Foto ANSA)",
        "Getty Images",
        "AFP via Getty Images",
        "Jane Doe/AFP via Getty Images",
        "Carlos Ruiz / Reuters",
        "REUTERS/Ann Wang",
        "Maria Lopez/Valley Herald",
        "The new bridge at dusk. Photo: Dan Ochoa, Valley Herald",
    ],
    "advertisement": ["Advertisement", "Anzeige", "Pubblicità", "Реклама", "Sponsor Message"],
    "share": ["Share this:", "Like this:", "Artikel teilen", "Condividi", "Поделиться"],
    "read more": [
        "Lesen Sie auch: Was Fahrgäste bei Ausfällen erstattet bekommen",
        "Mehr zum Thema",
        "LEGGI ANCHE: Frana sulla provinciale",
        "Читайте также: Как изменились цены",
        "More on this story",
        "Related Topics",
    ],
    "comments": [
        "Comments (4)",
        "12 comments",
        "Leave a Reply",
        "Add a comment",
        "Comments are closed.",
        "Load more comments",
        "Join the conversation",
        "Reply",
        "Комментарии (2)",
    ],
    "cookies": [
        "We and our partners use cookies to personalise ads and content.",
        "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
        "Questo sito utilizza cookie tecnici e di profilazione.",
        "Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
    ],
    "separator": ["___", "* * *", "--------"],
    "issue note": ["This article appears in the March 2024 issue."],
}

ARTICLE_SENTENCES = {
    "newsletter": [
        "Fake news stories landing in your inbox are the subject of a new study.",
        "Phishing emails that land in your inbox often ask for a password.",
        '"Sign up for our newsletter," the mayor told residents, "and you will know first."',
        "Sign up for the newsletter doubled after the redesign, the editor said.",
        "The newsletter reached 40,000 readers in its first year.",
        "Subscribers said the daily briefing had become part of their morning.",
    ],
    "paywall": ["Subscribers will be able to continue reading on the new app from May."],
    "gallery": [
        "One of 8 candidates will be chosen on Friday.",
        "The gallery reopened on Monday after two years of repairs.",
        "Photos of the damage were shared widely online.",
        "1 of 4 households in the district has no car.",
    ],
    "caption label": ["The caption under the photo misnamed the minister, the paper said."],
    "photo credit": [
        "The photo shows the minister leaving the building.",
        "Photograph: the agency said the image had been altered.",
        "Photos, videos and documents seized by police were handed to prosecutors.",
        "Photographs by amateur astronomers helped confirm the comet's orbit.",
        "Getty Images said on Tuesday it would cut 200 jobs.",
        "Reuters",
        "Photograph: Ann Kerr/Reuters The ritual begins at dawn, when the drums start.",
        "Key Photographic / Video Specifications",
        "Rush Hour Explains The City Council Vote On The Bus/Tram Plan.",
    ],
    "advertisement": ["Advertising revenue fell by a third, the company said."],
    "share": ["Share prices fell 4% in early trading."],
    "read more": ["Read the full report, the minister urged, before judging it."],
    "comments": [
        "Comments made by the minister on Friday drew criticism.",
        "The council will reply to the letter next week.",
    ],
    "cookies": ["We use cookies to track readers, the company admitted in a filing on Monday."],
    "separator": ["— and then the lights went out."],
    "issue note": ["The article appeared in a local paper in 2019 and was widely shared."],
}


@pytest.mark.parametrize(
    "line", [line for lines in FURNITURE.values() for line in lines], ids=lambda line: line[:40]
)
def test_furniture_is_residue(line: str) -> None:
    assert is_residue(line)


@pytest.mark.parametrize(
    "line",
    [line for lines in ARTICLE_SENTENCES.values() for line in lines],
    ids=lambda line: line[:40],
)
def test_article_sentences_are_not_residue(line: str) -> None:
    assert not is_residue(line)


def test_every_family_has_both_kinds() -> None:
    assert FURNITURE.keys() == ARTICLE_SENTENCES.keys()


def test_a_bare_agency_line_stays_a_credit() -> None:
    """The photo-credit rules leave credit lines to credit_patterns.txt, which records them."""
    cleaned = clean_text("The port reopened on Monday.\n\nCredit: Reuters")
    assert cleaned.credits == ("Reuters",)


def test_residue_of_every_family_leaves_the_article_whole() -> None:
    article = [
        "The council voted on Wednesday to build a flood wall.",
        "“We have flooded three times in six years,” said Dolores Vance.",
        "The photo shows the river at its highest, the engineer said.",
    ]
    furniture = [lines[0] for lines in FURNITURE.values()]
    mixed = [part for pair in zip(article * 6, furniture, strict=False) for part in pair]
    cleaned = clean_text("\n\n".join(mixed))
    assert cleaned.text.split("\n\n") == [line for line in mixed if line in article]


def test_a_line_longer_than_any_furniture_is_text() -> None:
    banner = "We use cookies to improve your experience. "
    assert is_residue(banner.strip())
    assert not is_residue(banner * 60)
