"""The library API: build a story store from inputs, analyze documents, load the story.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from storyline.config import Config
from storyline.engines.local import LocalEngine
from storyline.errors import EmptyStore, NoInput
from storyline.ingest import ingest
from storyline.model import Analysis, Bundle, Document, Ingested, Rejection
from storyline.resolve.story import resolve_bundle
from storyline.store import Store

DEFAULT_DB = "storyline.db"
# Documents held in memory between ingest and store; bounds memory on huge inputs.
CHUNK = 512


@dataclass
class BuildResult:
    added: int = 0
    already_stored: int = 0
    analyzed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    story: Bundle | None = None


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
) -> BuildResult:
    """Ingest ``paths`` into the store at ``db``, analyze what is new, and resolve the story.

    Each document is stored together with its analysis in one transaction, so a run killed at
    any point leaves whole documents behind, and the next run analyzes only what is missing.
    """
    if not paths:
        raise NoInput("no input given")
    config = config or Config()
    version = config.pipeline_version
    result = BuildResult()
    notify: Progress = progress or (lambda kind, item: None)
    with Store.open(db) as store, LocalEngine(config) as engine:
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
            result.story = load_story(store, config)
    return result


def _analyze_missing(store: Store, engine: LocalEngine, version: str, notify: Progress) -> int:
    """Analyze stored documents that have no analysis of this pipeline version: left by a
    killed run, or stored by an older version of the pipeline."""
    missing = store.docs_missing_analysis(version)
    docs = [d for d in (store.get_document(i) for i in missing) if d is not None]
    for doc, analysis in zip(docs, engine.analyze(docs), strict=True):
        store.put_analysis(analysis)
        notify("document", doc)
    return len(docs)


def load_story(store: Store, config: Config | None = None) -> Bundle:
    """The resolved story of everything in the store."""
    config = config or Config()
    documents = list(store.documents())
    analyses = list(store.analyses(config.pipeline_version))
    return resolve_bundle(documents, analyses, store.rejections())


def open_story(db: str = DEFAULT_DB, config: Config | None = None) -> Bundle:
    """The story of an existing store; raises EmptyStore when there is nothing in it."""
    with Store.open(db) as store:
        if store.count_documents() == 0 and not store.rejections():
            raise EmptyStore(f"no documents in {db}")
        return load_story(store, config)


def analyze(
    paths: Sequence[str], config: Config | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[tuple[Document, Analysis] | Rejection]:
    """Per-document analysis without a store or any cross-document work, streaming."""
    if not paths:
        raise NoInput("no input given")
    config = config or Config()
    with LocalEngine(config) as engine:
        for chunk in _chunks(ingest(paths, config, stdin=stdin), CHUNK):
            docs = [i.document for i in chunk if isinstance(i, Ingested)]
            analyses = iter(engine.analyze(docs))
            for item in chunk:
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield item.document, next(analyses)
