"""The stages in order, in one place: ingest → analyze → resolve → summarize → store the story.

`build` stores each document with its analysis as it goes (one transaction each, so a killed
run leaves whole documents and the next run analyzes only what is missing), then resolves the
story across documents, writes its timeline, and stores the whole in the store's story tables
in one transaction, with the fingerprint of what it was computed from. Every read command
answers from those tables.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
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
from storyline.pipeline.anchors import save_anchors, stored_anchors
from storyline.resolve.corpus import resolve_story
from storyline.resolve.dating import Anchor
from storyline.resolve.story_state import StreamState
from storyline.store import Store
from storyline.summarize.timeline import build_timeline

DEFAULT_DB = "storyline.db"
# Documents held in memory between ingest and store; bounds memory on huge inputs.
CHUNK = 512
# The meta key naming the spaCy pipeline the stored story was built with, so that a read
# command's --refresh analyzes with the same one.
MODEL_KEY = "story.model"
# The meta key holding the story clustering's state (resolve/story_state.py), which an update
# adds the new documents to.
STREAM_KEY = "story.stream"


@dataclass
class BuildResult:
    added: int = 0
    already_stored: int = 0
    analyzed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    # The resolved story of the whole store (None when build was told not to resolve).
    story: ResolvedStory | None = None
    # How the story was brought up to date: "full", "update" (from the documents that changed
    # since it was stored), "current" (nothing had changed) or None (not resolved).
    resolved: str | None = None


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
    full: bool = False,
) -> BuildResult:
    """Ingest ``paths`` into the store at ``db``, analyze what is new, resolve the story and
    store it. With no paths, only what the store holds is brought up to date (documents left
    unanalyzed by a killed run, a stale story). ``anchors`` (dates the user knows) are kept
    in the store for every later build. ``full``: the story is resolved from scratch (every
    undated document dated again), not updated from what changed."""
    if not paths and stdin is None:
        if not resolve:
            raise NoInput("no input given")
        require_store(db)
    config = config or Config()
    result = BuildResult()
    notify: Progress = progress or (lambda kind, item: None)
    with Store.open(db) as store:
        if anchors:
            save_anchors(store, anchors)
        if paths:
            with open_engine(config) as engine:
                _ingest_and_analyze(paths, store, engine, config, stdin, notify, result)
                result.analyzed += analyze_missing(store, config, notify, engine)
        else:
            result.analyzed += analyze_missing(store, config, notify)
        if resolve:
            result.story, result.resolved = update_story(store, config, full=full)
    return result


def require_store(db: str) -> None:
    """Raise EmptyStore when a local store does not exist (opening it would create one)."""
    if "://" not in db and not Path(db).exists():
        raise EmptyStore(f"no story store at {db}")


def _ingest_and_analyze(
    paths: Sequence[str],
    store: Store,
    engine: Engine,
    config: Config,
    stdin: BinaryIO | None,
    notify: Progress,
    result: BuildResult,
) -> None:
    version = config.pipeline_version
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
        for item, analysis in zip(items, engine.analyze(i.document for i in items), strict=True):
            if store.add_document(item, analysis):
                result.added += 1
            else:
                store.put_analysis(analysis)
            result.analyzed += 1
            notify("document", item.document)


def analyze_missing(
    store: Store, config: Config, notify: Progress | None = None, engine: Engine | None = None
) -> int:
    """Analyze stored documents that have no analysis of this pipeline version: left by a
    killed run, or stored by an older version of the pipeline. Without an engine, one is
    started (and the spaCy pipeline loaded) only when there is something to analyze."""
    missing = store.docs_missing_analysis(config.pipeline_version)
    if not missing:
        return 0
    if engine is None:
        with open_engine(config) as started:
            return analyze_missing(store, config, notify, started)
    docs = [d for d in (store.get_document(i) for i in missing) if d is not None]
    for doc, analysis in zip(docs, engine.analyze(docs), strict=True):
        store.put_analysis(analysis)
        if notify is not None:
            notify("document", doc)
    return len(docs)


def story_fingerprint(config: Config, anchors: Sequence[Anchor]) -> str:
    """What a stored story depends on besides its documents (whose changes the store tracks
    as pending): the pipeline version that analyzed them and the user's anchors."""
    payload = json.dumps([config.pipeline_version, sorted((a.words, a.date) for a in anchors)])
    return sha256_hex(payload.encode("utf-8"))


def update_story(store: Store, config: Config, *, full: bool = False) -> tuple[ResolvedStory, str]:
    """Bring the stored story up to date and return it, with how it was done: "current"
    (nothing changed: read back), "update" (documents changed since it was stored: those and
    the documents reporting the same events are dated again) or "full" (no story yet, another
    pipeline version or other anchors, or ``full``: every undated document dated again)."""
    anchors = stored_anchors(store)
    fingerprint = story_fingerprint(config, anchors)
    pending = store.pending_documents()
    current = store.story_fingerprint() == fingerprint
    if current and not pending and not full:
        return store.read_story(), "current"
    how = "update" if current and not full else "full"
    with _collections_paused():
        before = {d.id: d for d in store.documents()}
        analyses = list(store.analyses(config.pipeline_version))
        stream = _stored_stream(store) if how == "update" else StreamState()
        story = resolve_story(
            list(before.values()),
            analyses,
            store.rejections(),
            anchors=anchors,
            changed=pending if how == "update" else None,
            story_state=stream,
        )
        story.timeline = build_timeline(story.events, story.quotes)
        store.store_story(
            story,
            dated=_changed_dates(before, story.documents),
            resolved=pending,
            fingerprint=fingerprint,
            meta_values={STREAM_KEY: stream.to_json()},
        )
    store.set_meta(MODEL_KEY, config.spacy_model)
    return story, how


def _stored_stream(store: Store) -> StreamState:
    """The story clustering the stored story was made with; an empty one (every document
    clustered again) when there is none or it is of another version."""
    text = store.get_meta(STREAM_KEY)
    found = StreamState.from_json(text) if text is not None else None
    return found if found is not None else StreamState()


@contextmanager
def _collections_paused() -> Iterator[None]:
    """Resolving a story makes millions of small records that all live until it is stored;
    the cyclic garbage collector's full passes over them cost more than the work (a third of
    an update of a 2,000-document store). They hold no reference cycles worth collecting
    early, so collection waits until the story is stored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _changed_dates(before: dict[str, Document], after: Iterable[Document]) -> list[Document]:
    """Documents whose inferred publication date changed (dates from metadata or the text are
    never changed by dating)."""
    fields = ("published", "published_basis", "published_evidence", "published_reasons")
    changed = []
    for doc in after:
        stored = before.get(doc.id)
        if stored is None or stored.published_basis in KNOWN_BASES:
            continue
        if any(getattr(stored, f) != getattr(doc, f) for f in fields):
            changed.append(doc)
    return changed


def stored_model(store: Store) -> str | None:
    return store.get_meta(MODEL_KEY)


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


def analyze_stories(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    stdin: BinaryIO | None = None,
    anchors: Sequence[Anchor] = (),
) -> Iterator[ResolvedStory | Rejection]:
    """Each document on its own, streaming: its analysis resolved as a corpus of one (dated
    from its own text and the anchors), with no store and no cross-document work."""
    for item in analyze(paths, config, stdin=stdin):
        if isinstance(item, Rejection):
            yield item
        else:
            doc, analysis = item
            yield resolve_story([doc], [analysis], anchors=anchors)
