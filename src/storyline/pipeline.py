"""The library API: build a story store from inputs, analyze documents, load the story.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from storyline.config import Config
from storyline.engines import Engine, open_engine
from storyline.errors import EmptyStore, NoInput
from storyline.ingest import ingest
from storyline.model import (
    KNOWN_BASES,
    Analysis,
    Document,
    Ingested,
    Rejection,
    ResolvedStory,
    sha256_hex,
)
from storyline.resolve.corpus import resolve_story
from storyline.resolve.dating import Anchor, DatedCorpus, apply_dating, make_anchor
from storyline.store import Store

DEFAULT_DB = "storyline.db"
# Where a store keeps the dates the user gave (--anchor), so every later command uses them.
ANCHORS_KEY = "dating.anchors"
# The fingerprint of what the stored inferred dates were computed from.
DATES_KEY = "dating.fingerprint"
# Documents held in memory between ingest and store; bounds memory on huge inputs.
CHUNK = 512


@dataclass
class BuildResult:
    added: int = 0
    already_stored: int = 0
    analyzed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    story: ResolvedStory | None = None


# Called with ("document", Document), ("duplicate", Document) or ("rejection", Rejection).
Progress = Callable[[str, Document | Rejection], None]


def _chunks(
    items: Iterable[Ingested | Rejection], size: int
) -> Iterator[list[Ingested | Rejection]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def build(
    paths: Sequence[str],
    db: str = DEFAULT_DB,
    config: Config | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    resolve: bool = True,
    anchors: Sequence[Anchor] = (),
) -> BuildResult:
    """Ingest ``paths`` into the store at ``db``, analyze what is new, and resolve the story.

    Each document is stored together with its analysis in one transaction, so a run killed at
    any point leaves whole documents behind, and the next run analyzes only what is missing.
    ``anchors`` (dates the user knows) are kept in the store for every later command; the
    publication dates inferred for undated documents are written back to the store.
    """
    if not paths:
        raise NoInput("no input given")
    config = config or Config()
    version = config.pipeline_version
    result = BuildResult()
    notify: Progress = progress or (lambda kind, item: None)
    with Store.open(db) as store, open_engine(config) as engine:
        if anchors:
            save_anchors(store, anchors)
        for chunk in _chunks(ingest(paths, config, stdin=stdin), CHUNK):
            todo: dict[str, Ingested] = {}
            for item in chunk:
                if isinstance(item, Rejection):
                    store.add_rejection(item)
                    result.rejections.append(item)
                    notify("rejection", item)
                    continue
                doc = item.document
                if doc.id in todo or store.get_analysis(doc.id, version) is not None:
                    # Already known: record this source too, analyze nothing.
                    store.add_document(item)
                    result.already_stored += 1
                    notify("duplicate", doc)
                    continue
                todo[doc.id] = item
            items = list(todo.values())
            for item, analysis in zip(
                items, engine.analyze(i.document for i in items), strict=True
            ):
                if store.add_document(item, analysis):
                    result.added += 1
                else:
                    store.put_analysis(analysis)
                result.analyzed += 1
                notify("document", item.document)
        result.analyzed += _analyze_missing(store, engine, version, notify)
        if resolve:
            result.story = load_story(store, config, infer_dates=True)
            store_inferred_dates(store, result.story.documents)
            store.set_meta(DATES_KEY, dating_fingerprint(store, config))
    return result


def dating_fingerprint(store: Store, config: Config) -> str:
    """What inferred dates depend on: the documents, the anchors and the pipeline version.
    While it is unchanged, the dates stored by the last build are current."""
    ids = sorted(d.id for d in store.documents())
    anchors = sorted((a.words, a.date) for a in stored_anchors(store))
    payload = json.dumps([config.pipeline_version, ids, anchors])
    return sha256_hex(payload.encode("utf-8"))


def save_anchors(store: Store, anchors: Sequence[Anchor]) -> list[Anchor]:
    """Add anchors to the store's (an anchor with the same words replaces the older one)."""
    merged = {a.words.lower(): a for a in stored_anchors(store)}
    merged.update({a.words.lower(): a for a in anchors})
    kept = list(merged.values())
    store.set_meta(ANCHORS_KEY, json.dumps([{"event": a.words, "date": a.date} for a in kept]))
    return kept


def stored_anchors(store: Store) -> list[Anchor]:
    raw = store.get_meta(ANCHORS_KEY)
    if not raw:
        return []
    return [make_anchor(item["event"], item["date"]) for item in json.loads(raw)]


def store_inferred_dates(store: Store, documents: Iterable[Document]) -> int:
    """Write inferred publication dates to the store (and withdraw ones no longer supported),
    so that every reader of the store sees them. Dates from metadata or the text are never
    touched. Returns how many documents changed."""
    changed = 0
    for doc in documents:
        stored = store.get_document(doc.id)
        if stored is None or stored.published_basis in KNOWN_BASES:
            continue
        fields = ("published", "published_basis", "published_evidence", "published_reasons")
        if all(getattr(stored, f) == getattr(doc, f) for f in fields):
            continue
        store.update_published(
            doc.id,
            doc.published,
            doc.published_basis,
            list(doc.published_evidence),
            list(doc.published_reasons),
        )
        changed += 1
    return changed


def _analyze_missing(store: Store, engine: Engine, version: str, notify: Progress) -> int:
    """Analyze stored documents that have no analysis of this pipeline version: left by a
    killed run, or stored by an older version of the pipeline."""
    missing = store.docs_missing_analysis(version)
    docs = [d for d in (store.get_document(i) for i in missing) if d is not None]
    for doc, analysis in zip(docs, engine.analyze(docs), strict=True):
        store.put_analysis(analysis)
        notify("document", doc)
    return len(docs)


def load_story(
    store: Store, config: Config | None = None, *, infer_dates: bool | None = None
) -> ResolvedStory:
    """The resolved story of everything in the store (with the store's anchors). Publication
    dates are inferred again unless the ones the last build stored are current
    (``infer_dates`` None: decided by the store's dating fingerprint)."""
    config = config or Config()
    if infer_dates is None:
        infer_dates = store.get_meta(DATES_KEY) != dating_fingerprint(store, config)
    documents = list(store.documents())
    analyses = list(store.analyses(config.pipeline_version))
    return resolve_story(
        documents,
        analyses,
        store.rejections(),
        anchors=stored_anchors(store),
        infer_dates=infer_dates,
    )


def open_story(db: str = DEFAULT_DB, config: Config | None = None) -> ResolvedStory:
    """The story of an existing store; raises EmptyStore when there is nothing in it."""
    with Store.open(db) as store:
        if store.count_documents() == 0 and not store.rejections():
            raise EmptyStore(f"no documents in {db}")
        return load_story(store, config)


def open_dates(db: str = DEFAULT_DB, config: Config | None = None) -> DatedCorpus:
    """Every document of a store with its publication date, and for inferred dates the
    reasons for them; raises EmptyStore when there is nothing in the store."""
    config = config or Config()
    with Store.open(db) as store:
        if store.count_documents() == 0:
            raise EmptyStore(f"no documents in {db}")
        documents = list(store.documents())
        analyses = list(store.analyses(config.pipeline_version))
        return apply_dating(documents, analyses, stored_anchors(store))


def analyze(
    paths: Sequence[str], config: Config | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[tuple[Document, Analysis] | Rejection]:
    """Per-document analysis without a store or any cross-document work, streaming."""
    if not paths:
        raise NoInput("no input given")
    config = config or Config()
    with open_engine(config) as engine:
        for chunk in _chunks(ingest(paths, config, stdin=stdin), CHUNK):
            docs = [i.document for i in chunk if isinstance(i, Ingested)]
            analyses = iter(engine.analyze(docs))
            for item in chunk:
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield item.document, next(analyses)
