"""From what a reader found (a Draft) to a Document: clean the text, merge metadata from the
container with what the text's header says, hash."""

from __future__ import annotations

from dataclasses import dataclass, replace

from storyline.ingest.clean import clean_text
from storyline.ingest.date_choice import choose_date
from storyline.ingest.html import HtmlArticle
from storyline.ingest.language import detect_language
from storyline.ingest.whitespace import has_words
from storyline.model import (
    DateSource,
    Document,
    Ingested,
    Rejection,
    document_id,
    sha256_hex,
)


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it, before cleaning. Metadata fields come from the
    container (HTML metadata, JSON fields) and win over what the text's header says."""

    source: str
    raw: bytes
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date from metadata
    published_source: DateSource | None = None  # the field `published` was read from
    byline: DateSource | None = None  # the date a page's byline shows


def draft_from_html(source: str, raw: bytes, page: HtmlArticle, url: str | None = None) -> Draft:
    return Draft(
        source=source,
        raw=raw,
        text=page.text,
        title=page.title,
        author=page.author,
        outlet=page.outlet,
        url=url or page.url,
        published=page.published,
        published_source=page.published_source,
        byline=page.byline,
    )


def fill_from_html(draft: Draft, page: HtmlArticle) -> Draft:
    """A draft whose text was markup: the page's text, and its metadata where the draft has
    none."""
    return replace(
        draft,
        text=page.text,
        title=draft.title or page.title,
        author=draft.author or page.author,
        outlet=draft.outlet or page.outlet,
        url=draft.url or page.url,
        published=draft.published or page.published,
        published_source=draft.published_source if draft.published else page.published_source,
        byline=page.byline,
    )


def build_document(draft: Draft) -> Ingested | Rejection:
    cleaned = clean_text(draft.text, known_title=draft.title)
    if not has_words(cleaned.text):
        return Rejection(
            source=draft.source, reason="empty", detail="no text left once residue was removed"
        )
    doc_id = document_id(cleaned.text)
    metadata = draft.published_source
    if draft.published and (metadata is None or metadata.value != draft.published):
        metadata = DateSource(field="metadata", raw=draft.published, value=draft.published)
    date = choose_date(doc_id, cleaned, metadata, draft.byline)
    language = detect_language(cleaned.text)
    document = Document(
        id=doc_id,
        source=draft.source,
        title=draft.title or cleaned.title,
        outlet=draft.outlet or cleaned.outlet,
        author=draft.author or cleaned.author,
        credits=list(cleaned.credits),
        url=draft.url,
        published=date.published,
        published_basis=date.basis,
        published_evidence=date.evidence,
        published_source=date.source,
        published_overruled=date.overruled,
        text=cleaned.text,
        raw_ref=sha256_hex(draft.raw),
        language=language.code,
        language_confidence=language.confidence,
    )
    return Ingested(document=document, raw=draft.raw)
