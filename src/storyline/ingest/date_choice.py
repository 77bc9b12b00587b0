"""A document's publication date from what its container's metadata says and what a reader
sees on the page, each with where it came from.

The visible byline wins over metadata that names another day: metadata is often the time in
UTC (a day late for an evening story in New York), a template's default, or a date of the
site's, while the byline is what the outlet shows its readers. Metadata that is a day or more
off stays on the record (`published_overruled`), and the story reports it as a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.ingest.clean import CleanedText
from storyline.ingest.visible_dates import published_in
from storyline.model import DateSource, Evidence, PublishedBasis

# How far into the cleaned text a byline date is looked for, and a byline element's phrase.
_TEXT_CHARS = 600
_BYLINE_SEARCH_CHARS = 1500


@dataclass(frozen=True)
class ChosenDate:
    published: str | None = None
    basis: PublishedBasis | None = None
    evidence: list[Evidence] = field(default_factory=list)
    source: DateSource | None = None
    overruled: list[DateSource] = field(default_factory=list)


def choose_date(
    doc_id: str,
    cleaned: CleanedText,
    metadata: DateSource | None,
    byline: DateSource | None,
) -> ChosenDate:
    """The publication date of a document whose cleaned text is `cleaned`."""
    text = cleaned.text
    seen = _visible(doc_id, text, byline)
    if metadata is not None and metadata.value is not None:
        meta_day = metadata.value
        if seen is not None and _other_day(meta_day, seen[0].value):
            shown, evidence = seen
            basis: PublishedBasis = "text" if evidence else "metadata"
            return ChosenDate(shown.value, basis, evidence, shown, [metadata])
        agreeing = seen[1] if seen is not None else []
        return ChosenDate(meta_day, "metadata", agreeing, metadata)
    if seen is not None:
        shown, evidence = seen
        return ChosenDate(shown.value, "text" if evidence else "metadata", evidence, shown)
    if cleaned.published and cleaned.published_span:
        start, end = cleaned.published_span
        span = Evidence(doc=doc_id, start=start, end=end, text=text[start:end])
        source = DateSource(field="text date line", raw=span.text, value=cleaned.published)
        return ChosenDate(cleaned.published, "text", [span], source)
    return ChosenDate()


def _visible(
    doc_id: str, text: str, byline: DateSource | None
) -> tuple[DateSource, list[Evidence]] | None:
    """The date the reader sees: a publication phrase near the top of the text, else the
    page's byline element (with its span when the text holds it)."""
    said = published_in(text, _TEXT_CHARS)
    if said is not None:
        raw = said.raw(text)
        span = Evidence(doc=doc_id, start=said.start, end=said.end, text=raw)
        return DateSource(field="byline", raw=raw, value=said.value), [span]
    if byline is None or byline.value is None:
        return None
    start = text.find(byline.raw, 0, _BYLINE_SEARCH_CHARS)
    if start < 0:
        return byline, []
    end = start + len(byline.raw)
    return byline, [Evidence(doc=doc_id, start=start, end=end, text=byline.raw)]


def _other_day(metadata: str, shown: str | None) -> bool:
    """Whether two dates name different days (a month-only metadata date is no day)."""
    if shown is None:
        return False
    return len(metadata) >= 10 and len(shown) >= 10 and metadata[:10] != shown[:10]
