"""WARC and WARC.gz: HTML records are articles, everything else is skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Ingested, Rejection

PAGE = b"""<!doctype html><html><head><title>Ferry Link Restored</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2022-06-09T08:00:00Z"></head>
<body><article><h1>Ferry Link Restored</h1>
<p>The ferry between the two islands sailed again on Thursday after repairs to its engine,
the operator said in a statement.</p>
<p>Islanders had relied on a weekly supply boat for almost a month.</p>
</article></body></html>"""

UNDATED_PAGE = b"""<html><head><title>Library Extends Hours</title></head><body><article>
<p>The town library will stay open until nine on weekdays from next month, its board decided
after a vote that ran late into the evening.</p>
<p>Volunteers will staff the extra hours until new librarians are hired.</p>
</article></body></html>"""


def write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        request = writer.create_warc_record(
            "https://gazette.example/ferry",
            "request",
            payload=io.BytesIO(b"GET /ferry HTTP/1.1\r\nHost: gazette.example\r\n\r\n"),
        )
        writer.write_record(request)
        response("https://gazette.example/ferry", PAGE, "text/html; charset=utf-8")
        response("https://gazette.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        response("https://gazette.example/old", b"", "text/html", status="301 Moved")
        resource = writer.create_warc_record(
            "https://town.example/library",
            "resource",
            payload=io.BytesIO(UNDATED_PAGE),
            warc_content_type="text/html",
        )
        writer.write_record(resource)


@pytest.mark.parametrize("name,gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_records_become_documents(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    write_warc(path, gzip=gzip)
    results = list(ingest([str(path)], Config()))
    docs = [r.document for r in results if isinstance(r, Ingested)]
    assert [r for r in results if isinstance(r, Rejection)] == []
    assert len(docs) == 2  # the request, the image and the redirect are skipped silently

    ferry, library = docs
    assert ferry.url == "https://gazette.example/ferry"
    assert ferry.source.startswith(f"{path}#urn:uuid:")
    assert ferry.title == "Ferry Link Restored"
    assert ferry.outlet == "Harbour Gazette"
    assert ferry.published == "2022-06-09"
    assert ferry.published_basis == "metadata"
    assert ferry.text.startswith("The ferry between the two islands")
    assert "Ferry Link Restored" not in ferry.text

    # The record's WARC-Date is crawl time, never a publication date.
    assert library.url == "https://town.example/library"
    assert library.published is None
    assert library.published_basis is None
    assert "library will stay open" in library.text


def test_record_ids_name_distinct_sources(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    sources = [r.document.source for r in ingest([str(path)], Config()) if isinstance(r, Ingested)]
    assert len(set(sources)) == 2


def test_warc_detected_by_content_on_stdin(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    results = list(ingest(["-"], Config(), stdin=io.BytesIO(path.read_bytes())))
    assert [r.document.source.split("#")[0] for r in results if isinstance(r, Ingested)] == [
        "<stdin>",
        "<stdin>",
    ]


def test_corrupt_warc_keeps_earlier_records_and_rejects_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, gzip=False)
    data = good.read_bytes()
    broken = tmp_path / "broken.warc"
    # Keep the records up to the ferry page, then garbage where the next header should be.
    cut = data.index(b"WARC/1", data.index(b"Ferry Link Restored")) - 1
    broken.write_bytes(data[:cut] + b"\r\n\r\nthis is not a warc header\r\nnor this\r\n\r\n")
    results = list(ingest([str(broken)], Config()))
    assert any(isinstance(r, Ingested) for r in results)
    assert isinstance(results[-1], Rejection)
    assert results[-1].reason == "malformed-warc"
    assert results[-1].source == str(broken)


def test_garbage_named_warc_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"hello, this is just a note\nnot an archive\n")
    [result] = list(ingest([str(path)], Config()))
    assert isinstance(result, Rejection)
    assert result.reason == "malformed-warc"


def test_warc_without_html_records(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a.png",
                "response",
                payload=io.BytesIO(b"png"),
                http_headers=headers,
            )
        )
    [result] = list(ingest([str(path)], Config()))
    assert isinstance(result, Rejection)
    assert result.reason == "no-text"


def test_truncated_warc_gz_is_malformed(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gzip=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2 + 7])
    results = list(ingest([str(cut)], Config()))
    assert isinstance(results[-1], Rejection)
    assert results[-1].reason == "malformed-warc"
