"""Where an HTML page says when it was published, with the field each date came from.

Metadata: <meta> names and properties, JSON-LD `datePublished`, a <time> marked as the
publication time. The byline: the date a reader sees in the article's byline or date element
("Published 12 March 2019", "publiziert am 30. Juli 2018").

Reader comments, related-article lists and source lists carry dates of other things (a comment
posted last week, a source published years ago): they are cut from the page before anything is
read, whether they are marked by class, id or aria-label ("comments", "related", "references")
or by a heading ("Sources", "Read next") over a list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from storyline.ingest.dates import normalize_date
from storyline.ingest.visible_dates import (
    HEADER_LINE_CHARS,
    all_days,
    byline_date,
    published_in,
)
from storyline.ingest.whitespace import one_line
from storyline.model import DateSource

# Markers of page regions whose dates are not the page's own.
_ELSEWHERE = re.compile(
    r"comment(?!ary)|disqus|related|more-?stories|read-?next|read-?more|recommend|also-?read"
    r"|recirc|sources|references|footnote|bibliograph|citations|trending|most-?popular",
    re.IGNORECASE,
)
_ELSEWHERE_HEADING = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|reader comments|related(?: articles| stories)?|read next"
    r"|read more|more stories|more on this|you may also like|sources?|references|footnotes"
    r"|kommentare|quellen|mehr zum thema|commentaires|à lire aussi|comentarios|fuentes"
    r"|commenti|fonti|leggi anche|комментарии|источники|читайте также)\s*:?\s*$",
    re.IGNORECASE,
)
_NEVER_CUT = ("html", "head", "body", "article", "main")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Meta names and properties of a publication date, best first.
_META_FIELDS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "date",
)
_PUBLISHED_MARK = re.compile(r"publish|pubdate", re.IGNORECASE)
_BYLINE_MARK = re.compile(
    r"byline|dateline|publish|pubdate|post-?date|article-?date|entry-?date|timestamp"
    r"|\bdate\b|-date\b|\bdate-|\bdatum\b|article-?meta|post-?meta|meta-?info|\btime\b",
    re.IGNORECASE,
)
_BYLINE_ELEMENTS = 40
_BLOCKS = ("p", "div", "li", "span", "small", "time", "h1", "h2", "h3", "h4", "h5", "h6")
_VISIBLE_CHARS = 1500
_RAW_CHARS = 200
_BYLINE_CHARS = 300


@dataclass(frozen=True)
class PageDates:
    metadata: DateSource | None = None
    byline: DateSource | None = None
    # Days written in comments, related lists and source lists: never the page's date.
    elsewhere: frozenset[str] = field(default_factory=frozenset)


def page_dates(markup: str) -> PageDates:
    """The publication dates a page states, each with where it came from."""
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return PageDates()
    elsewhere = _cut_elsewhere(root)
    days = frozenset(d for region in elsewhere for d in _region_days(region))
    metadata = _meta_date(root) or _json_ld_date(root) or _time_date(root)
    return PageDates(metadata, _byline(root), days)


def _marks(element: Any) -> str:
    return " ".join(element.get(a) or "" for a in ("class", "id", "aria-label", "role"))


def _cut_elsewhere(root: Any) -> list[Any]:
    """Remove comment, related and source regions from the tree; return them. The article
    itself is never one ("story has-related-links"), nor anything holding its headline."""
    cut: list[Any] = []
    # The cut elements are referenced from `cut`, so lxml hands out the same proxy objects
    # for them and their ids stay valid while this runs.
    cut_ids: set[int] = set()
    for element in root.iter(etree.Element):
        if element.tag in _NEVER_CUT or any(id(a) in cut_ids for a in element.iterancestors()):
            continue
        if _ELSEWHERE.search(_marks(element)) and next(element.iter("h1"), None) is None:
            regions = [element]
        elif element.tag in _HEADINGS and _ELSEWHERE_HEADING.match(element.text_content()):
            regions = list(_under_heading(element))
        else:
            continue
        cut.extend(regions)
        cut_ids.update(id(r) for r in regions)
    for element in cut:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return cut


def _under_heading(heading: Any) -> Iterator[Any]:
    """The heading and what follows it up to the next heading of its level or above."""
    yield heading
    level = _HEADINGS.index(heading.tag)
    for sibling in heading.itersiblings():
        if sibling.tag in _HEADINGS and _HEADINGS.index(sibling.tag) <= level:
            return
        yield sibling


def _region_days(region: Any) -> Iterator[str]:
    for time in region.iter("time"):
        if day := normalize_date(time.get("datetime") or ""):
            yield day[:10]
    yield from all_days(region.text_content())


def _source(field_name: str, raw: str) -> DateSource | None:
    value = normalize_date(raw)
    if value is None:
        return None
    return DateSource(field=field_name, raw=one_line(raw)[:_RAW_CHARS], value=value)


def _meta_date(root: Any) -> DateSource | None:
    found: dict[str, DateSource] = {}
    for meta in root.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in _META_FIELDS and key not in found:
                source = _source(f"meta {key}", meta.get("content") or "")
                if source is not None:
                    found[key] = source
    return next((found[k] for k in _META_FIELDS if k in found), None)


def _json_ld_date(root: Any) -> DateSource | None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for node in _ld_nodes(data):
            raw = node.get("datePublished")
            if isinstance(raw, str) and (source := _source("json-ld datePublished", raw)):
                return source
    return None


def _ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD objects and those of an @graph; not nested ones (a fact-check's
    itemReviewed was published by someone else, at another time)."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (g for g in graph if isinstance(g, dict))


def _time_date(root: Any) -> DateSource | None:
    for time in root.iter("time"):
        marked = (
            time.get("itemprop") == "datePublished"
            or time.get("pubdate") is not None
            or _PUBLISHED_MARK.search(_marks(time))
        )
        if marked and (source := _source("time datetime", time.get("datetime") or "")):
            return source
    return None


def _article(root: Any) -> Any:
    for tag in ("article", "main"):
        found = next(root.iter(tag), None)
        if found is not None:
            return found
    body = next(root.iter("body"), None)
    return root if body is None else body


def _byline(root: Any) -> DateSource | None:
    """The date of the first byline or date element of the article, else a date that a
    publication word introduces near the top of its visible text."""
    article = _article(root)
    checked = 0
    for element in article.iter(etree.Element):
        if checked >= _BYLINE_ELEMENTS:
            break
        if element.tag in ("nav", "footer", "script", "style") or not _BYLINE_MARK.search(
            _marks(element)
        ):
            continue
        checked += 1
        text = one_line(element.text_content())
        if len(text) > _BYLINE_CHARS:  # a container of the article, not its byline
            continue
        found = byline_date(text)
        if found is not None:
            return DateSource(field="byline", raw=found.raw(text)[:_RAW_CHARS], value=found.value)
    text = "\n".join(_header_blocks(article))
    keyed = published_in(text, _VISIBLE_CHARS)
    if keyed is None:
        return None
    return DateSource(field="byline", raw=keyed.raw(text), value=keyed.value)


def _header_blocks(article: Any) -> Iterator[str]:
    """The article's innermost blocks of text, one a line, up to its first paragraph of
    prose."""
    for element in article.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in element.iterchildren(etree.Element)):
            continue
        text = one_line(element.text_content())
        yield text
        if len(text) > HEADER_LINE_CHARS and element.tag == "p":
            return
