"""The per-document analysis: every extractor run over one document's spaCy parse."""

from __future__ import annotations

from typing import Any

from storyline.analyze.entities import extract_mentions
from storyline.analyze.events import extract_events
from storyline.analyze.figures import extract_figures
from storyline.analyze.quote_times import resolve_quote_times
from storyline.analyze.quotes import extract_quotes
from storyline.analyze.sentences import extract_sentences
from storyline.analyze.statements import extract_statements
from storyline.model import Analysis, Document
from storyline.timex import anchor_date
from storyline.timex.age_start import with_age_starts


def analyze_document(sdoc: Any, document: Document, pipeline_version: str) -> Analysis:
    """Sentences, mentions, time expressions, figures, quotes and events of one document.
    Pure and deterministic: the same document and parse give the same Analysis.
    ``sdoc`` must be the parse of ``document.text`` (offsets are shared)."""
    # Imported here so this module loads even where the time tagger is not installed yet.
    from storyline.analyze.times import extract_times

    mentions = extract_mentions(sdoc, document)
    times = extract_times(sdoc, document)
    # Quotes come first: what a speaker's "on Wednesday" means depends on the day they spoke
    # (their reporting clause, outside the quote, so the quotes themselves do not change), and
    # figures and events take their dates from the expressions so re-resolved.
    quotes = extract_quotes(sdoc, document, mentions, times)
    times = resolve_quote_times(document, times, quotes)
    # Dated statements in reported speech join the quotes (analyze/statements.py).
    statements = extract_statements(sdoc, document, mentions, times, quotes)
    quotes = sorted([*quotes, *statements], key=lambda q: (q.evidence.start, q.evidence.end))
    times = with_age_starts(times, anchor_date(document))
    return Analysis(
        doc=document.id,
        pipeline_version=pipeline_version,
        sentences=extract_sentences(sdoc),
        mentions=mentions,
        times=times,
        figures=extract_figures(sdoc, document, times, mentions),
        quotes=quotes,
        events=extract_events(sdoc, document, mentions, times),
    )
