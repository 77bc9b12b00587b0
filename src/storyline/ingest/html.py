"""Main text and metadata of an HTML page, with trafilatura.

Dates: trafilatura runs htmldate on the page itself; we ask it for the original publication
date from markup, metadata and URL only (no extensive search through the visible text, which
picks up copyright years and dates of other events), so a date found here is a metadata date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from storyline.ingest.decode import bom_encoding, decode_text
from storyline.ingest.page_dates import PageDates, page_dates
from storyline.ingest.reasons import Rejected
from storyline.ingest.whitespace import has_words, one_line
from storyline.model import DateSource

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096
# Markers of markup in a JSON text field or a sniffed file head.
_HTML_TAG = re.compile(
    r"<(?:!doctype html|html|head|body|article|p|div|br|span|h[1-6]|ul|ol|li|section|main)\b",
    re.IGNORECASE,
)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlArticle:
    text: str  # paragraphs separated by blank lines, not yet cleaned of residue
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO day from the page's metadata
    outlet: str | None = None
    url: str | None = None
    published_source: DateSource | None = None  # where `published` was read
    byline: DateSource | None = None  # the date the page's byline shows


def looks_like_html(text: str) -> bool:
    """Whether a text holds markup (a page, or an HTML fragment in a JSON field)."""
    return _HTML_TAG.search(text[:_CHARSET_SNIFF_BYTES]) is not None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page: BOM, then the charset of the HTTP header, then a <meta> charset, then
    detection."""
    if bom_encoding(data) is None and declared is None:
        meta = _META_CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
        if meta:
            declared = meta.group(1).decode("ascii", "replace")
    return decode_text(data, declared)


def extract_html(markup: str, url: str | None = None) -> HtmlArticle:
    """The article in a page. Raises Rejected("malformed-html") when there is none."""
    try:
        found: Any = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Rejected("malformed-html", f"the page could not be parsed: {exc}") from exc
    raw_text = _field(found, "text") if found is not None else None
    if raw_text is None or not has_words(raw_text):
        raise Rejected("malformed-html", "no main text could be extracted from the page")
    # trafilatura puts one block (paragraph, list item, heading) per line; blank lines between
    # them keep the paragraph structure that plain-text articles have.
    text = "\n\n".join(line for line in raw_text.split("\n") if line.strip())
    stated = page_dates(markup)
    source = _published_source(stated, _field(found, "date"))
    return HtmlArticle(
        text=text,
        title=_field(found, "title"),
        author=_field(found, "author"),
        published=source.value if source else None,
        outlet=_field(found, "sitename"),
        url=_field(found, "url"),
        published_source=source,
        byline=stated.byline,
    )


def _published_source(stated: PageDates, htmldate: str | None) -> DateSource | None:
    """The page's metadata date with its field; else, when the page shows no byline date
    either, htmldate's (the URL, date markup) unless it is a day that a comment, related
    article or source shows."""
    if stated.metadata is not None:
        return stated.metadata
    if stated.byline is not None or htmldate is None or htmldate[:10] in stated.elsewhere:
        return None
    return DateSource(field="htmldate", raw=htmldate, value=htmldate)


def _field(found: Any, name: str) -> str | None:
    value = getattr(found, name, None)
    if not isinstance(value, str):
        return None
    return (value if name == "text" else one_line(value)) or None
