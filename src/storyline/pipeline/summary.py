"""What `storyline timeline --summary` answers from: the stored documents, their analyses and
the stored story's time expressions (re-resolved against inferred publication dates), summed
up by storyline.summarize.summary_timeline. Nothing is resolved again."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from storyline.errors import StorylineError
from storyline.model import Analysis, DatedSummary, DocumentHead, TimeExpression
from storyline.pipeline.read import current_store
from storyline.pipeline.stages import DEFAULT_DB, stored_config
from storyline.store import Store
from storyline.summarize import summary_timeline
from storyline.timex.days import value_span


@dataclass(frozen=True)
class SummaryPage:
    """The days of a summary timeline, with the documents they quote (for their labels)."""

    days: list[DatedSummary]
    documents: dict[str, DocumentHead]


def open_summary_timeline(
    db: str = DEFAULT_DB,
    *,
    max_dates: int | None = None,
    sentences: int = 1,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    refresh: bool = False,
) -> SummaryPage:
    """The summary timeline of the whole store, or of one stored story's documents: up to
    ``max_dates`` days from the first day of ``since`` to the last of ``until`` (YYYY,
    YYYY-MM or YYYY-MM-DD), a number from the corpus's span when None, each with up to
    ``sentences`` sentences. Raises StorylineError for an unknown story id."""
    first, last = _bound(since, 0), _bound(until, 1)
    with current_store(db, refresh=refresh) as store:
        wanted = None if story is None else _story_documents(store, story)
        documents = [d for d in store.documents() if wanted is None or d.id in wanted]
        analyses = _resolved_analyses(store, {d.id for d in documents})
    days = summary_timeline(
        documents, analyses, max_dates=max_dates, sentences=sentences, since=first, until=last
    )
    cited = {ev.doc for day in days for ev in day.citations}
    heads = {d.id: DocumentHead.model_validate(d.model_dump(exclude={"text"})) for d in documents}
    return SummaryPage(days, {doc: heads[doc] for doc in cited})


def _bound(value: str | None, end: int) -> dt.date | None:
    if value is None:
        return None
    span = value_span(value)
    if span is None:
        raise StorylineError(f"{value!r} is not a date", hint="use YYYY, YYYY-MM or YYYY-MM-DD")
    return span[end]


def _story_documents(store: Store, story: str) -> set[str]:
    for found in store.stories():
        if found.id == story:
            return set(found.documents)
    raise StorylineError(f"no story {story!r} in the store", hint="see `storyline stories`")


def _resolved_analyses(store: Store, documents: set[str]) -> list[Analysis]:
    """The stored analyses with the story's time expressions in place of their own: the
    story's are resolved against the publication dates dating inferred."""
    config = stored_config(store)
    times: dict[str, list[TimeExpression]] = defaultdict(list)
    for record in store.story_records("times"):
        if isinstance(record, TimeExpression):
            times[record.evidence.doc].append(record)
    return [
        a.model_copy(update={"times": times[a.doc]}) if a.doc in times else a
        for a in store.analyses(config.analyzed_languages())
        if a.doc in documents
    ]
