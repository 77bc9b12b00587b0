"""HTML pages: main text and metadata with trafilatura; pages without text are rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Ingested, Rejection

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Orchard Growers Count Frost Damage | Valley Herald</title>
<meta name="author" content="Mara Quill">
<meta property="og:site_name" content="Valley Herald">
<meta property="article:published_time" content="2021-05-04T10:00:00+02:00">
<link rel="canonical" href="https://herald.example/2021/frost">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Orchard Growers Count Frost Damage</h1>
<p>Apple growers in the upper valley lost about a third of their blossom to two nights of
frost last week, their cooperative said on Monday.</p>
<p>Subscribe to our newsletter</p>
<p>The cooperative asked the regional government for emergency loans to cover the spring
payroll, which falls due before any fruit is sold.</p>
<p>Pear growers on the lower slopes reported little damage.</p>
</article>
<footer>We use cookies to improve your experience. Accept all cookies</footer>
</body></html>
"""


def ingest_one(path: Path) -> Ingested | Rejection:
    [result] = list(ingest([str(path)], Config()))
    return result


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "frost.html"
    path.write_text(PAGE, encoding="utf-8")
    result = ingest_one(path)
    assert isinstance(result, Ingested), result
    doc = result.document
    assert doc.title == "Orchard Growers Count Frost Damage"
    assert doc.author == "Mara Quill"
    assert doc.outlet == "Valley Herald"
    assert doc.url == "https://herald.example/2021/frost"
    assert doc.published == "2021-05-04"
    assert doc.published_basis == "metadata"
    assert doc.published_evidence == []
    assert doc.text.startswith("Apple growers in the upper valley")
    assert "Subscribe" not in doc.text
    assert "Home" not in doc.text
    assert "cookies" not in doc.text
    # Paragraphs stay paragraphs.
    assert "\n\nThe cooperative asked" in doc.text
    assert result.raw == path.read_bytes()


def test_html_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "download"  # no extension
    path.write_text(PAGE, encoding="utf-8")
    result = ingest_one(path)
    assert isinstance(result, Ingested)
    assert result.document.title == "Orchard Growers Count Frost Damage"


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 Row</title></head><body>'
        "<article><p>The caf\xe9 owners\u2019 association met on Friday to discuss the "
        "new parking rules, which they say will drive customers away.</p></article></body></html>"
    )
    path = tmp_path / "cafe.htm"
    path.write_bytes(page.encode("cp1252"))
    result = ingest_one(path)
    assert isinstance(result, Ingested)
    assert "café owners’ association" in result.document.text


def test_truncated_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(
        "<html><body><div><p>The council voted to close the old bridge for repairs on "
        "Thursday, the mayor said after a <b>long meeting",
        encoding="utf-8",
    )
    result = ingest_one(path)
    assert isinstance(result, Ingested)
    assert result.document.text.startswith("The council voted to close the old bridge")


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><script>var tracking = 1;</script></head><body></body></html>",
        "<html><body><<<>>></body",
        "<!doctype html><html><body><div><img src='a.png'></div></body></html>",
    ],
)
def test_page_without_text_is_malformed_html(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(markup, encoding="utf-8")
    result = ingest_one(path)
    assert isinstance(result, Rejection)
    assert result.reason == "malformed-html"
    assert result.source == str(path)
