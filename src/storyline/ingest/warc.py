"""WARC and WARC.gz files from a crawl, with warcio.

HTML `response` records (status 2xx) and `resource` records of type text/html are articles;
every other record (requests, metadata, images, redirects) is skipped without a word. A
record's WARC-Date is when it was crawled, not published, so it is never used as a date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from storyline.ingest.assemble import Draft, draft_from_html
from storyline.ingest.html import decode_html, extract_html
from storyline.ingest.reasons import Rejected
from storyline.ingest.sniff import SNIFF_BYTES, starts_like_warc
from storyline.model import Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Draft | Rejection]:
    """One Draft or Rejection per HTML record. Damage part-way through yields the records
    before it, then a "malformed-warc" Rejection for the file."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    if not starts_like_warc(head):
        raise Rejected("malformed-warc", "the file does not start with a WARC record header")
    pages = 0
    try:
        records = ArchiveIterator(stream)
        for record in records:
            # warcio only warns (on stderr) when a record's Content-Length is wrong; what
            # follows is then misaligned, so it is damage like any other.
            if records.err_count:
                raise ValueError("a record's Content-Length does not match its content")
            page = _html_payload(record)
            if page is None:
                continue
            pages += 1
            yield _page(source, record, page, max_bytes)
    except Exception as exc:  # warcio reports damage with many exception types
        reason = f"after {pages} HTML records: " if pages else ""
        raise Rejected("malformed-warc", f"{reason}{type(exc).__name__}: {exc}") from exc
    if pages == 0:
        raise Rejected("no-text", "the WARC file holds no HTML response or resource records")


def _html_payload(record: Any) -> str | None:
    """The declared Content-Type of an HTML article record, or None for other records."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not str(headers.get_statuscode() or "").startswith("2"):
            return None
    elif record.rec_type == "resource":
        headers = record.rec_headers
    else:
        return None
    content_type = headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return content_type if media_type in _HTML_TYPES else None


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _page(source: str, record: Any, content_type: str, max_bytes: int) -> Draft | Rejection:
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    name = f"{source}#{record_id}" if record_id else source
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    payload: bytes = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Rejection(
            source=name, reason="too-large", detail=f"record larger than {max_bytes} bytes"
        )
    if not payload.strip():
        return Rejection(source=name, reason="empty", detail="the record has no content")
    try:
        page = extract_html(decode_html(payload, _charset(content_type)), url)
    except Rejected as exc:
        return exc.rejection(name)
    return draft_from_html(name, payload, page, url=url)
