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

from storyline.config import DEFAULT_MODEL, RESOLVE_VERSION, UNDETERMINED, Config
from storyline.engines import Engine, open_engine
from storyline.errors import EmptyStore, NoInput
from storyline.ingest import ingest
from storyline.ingest.language import detect_language
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
# The meta key naming the pipelines of other languages the stored story was built with (JSON),
# for the same reason.
LANGUAGE_MODELS_KEY = "story.language_models"
# Documents whose language is detected per transaction when a store from before languages is
# brought forward.
LANGUAGE_BATCH = 500
# The meta key holding the story clustering's state (resolve/story_state.py), which an update
# adds the new documents to.
STREAM_KEY = "story.stream"


@dataclass
class BuildResult:
    added: int = 0
    already_stored: int = 0
    analyzed: int = 0
    # Documents stored but not analyzed, by language: no pipeline is configured for it.
    not_analyzed: dict[str, int] = field(default_factory=dict)
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
    _require_pipelines(config)
    result = BuildResult()
    notify: Progress = progress or (lambda kind, item: None)
    with Store.open(db) as store:
        if anchors:
            save_anchors(store, anchors)
        detect_stored_languages(store)
        if paths:
            with open_engine(config) as engine:
                _ingest_and_analyze(paths, store, engine, config, stdin, notify, result)
                result.analyzed += analyze_missing(store, config, notify, engine)
        else:
            result.analyzed += analyze_missing(store, config, notify)
        if resolve:
            result.story, result.resolved = update_story(store, config, full=full)
    return result


def _require_pipelines(config: Config) -> None:
    """Stop at once when a language's pipeline is not installed here, rather than at the
    first document in that language. The default pipeline is loaded before any document is
    analyzed and says so itself; on a running Dask cluster the pipelines are the workers'
    to have, which they report when they join."""
    if config.scheduler is not None:
        return
    # Imported here: spaCy takes a second to import, which read commands never need.
    from storyline.analyze.nlp import require_pipelines

    require_pipelines(config.language_models.values())


def preload_pipelines(config: Config) -> bool:
    """Load the spaCy pipelines now when the analysis runs in this process (one local
    worker), so that a progress display can show the load as its own step and time the
    analysis from its first document. Returns False (nothing loaded) when the analysis runs
    in worker processes, which load their own."""
    if config.engine != "local" or config.workers > 1:
        return False
    _require_pipelines(config)  # a pipeline not installed is said as build says it
    from storyline.analyze.nlp import load_pipeline

    for model in dict.fromkeys([config.spacy_model, *config.language_models.values()]):
        load_pipeline(model)
    return True


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
    for chunk in _chunks(ingest(paths, config, stdin=stdin), CHUNK):
        todo: dict[str, Ingested] = {}
        for item in chunk:
            if isinstance(item, Rejection):
                store.add_rejection(item)
                result.rejections.append(item)
                notify("rejection", item)
                continue
            doc = item.document
            if config.model_for(doc.language) is None:
                _store_unanalyzed(store, item, result)
                notify("document", doc)
                continue
            version = config.analysis_version(doc.language)
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


def _store_unanalyzed(store: Store, item: Ingested, result: BuildResult) -> None:
    """Store a document no configured pipeline can analyze: searchable and dated, but nothing
    is read from it."""
    if store.add_document(item):
        result.added += 1
    else:
        result.already_stored += 1
    language = item.document.language or UNDETERMINED
    result.not_analyzed[language] = result.not_analyzed.get(language, 0) + 1


def detect_stored_languages(store: Store) -> int:
    """Detect the language of the stored documents that have none (a store from before
    languages were detected), so that each gets the analysis its language calls for. Returns
    how many were detected."""
    done = 0
    while ids := store.docs_without_language(LANGUAGE_BATCH):
        found = {}
        for doc in store.documents_by_id(ids).values():
            language = detect_language(doc.text)
            found[doc.id] = (language.code, language.confidence)
        store.set_languages(found)
        done += len(ids)
    return done


def analyze_missing(
    store: Store, config: Config, notify: Progress | None = None, engine: Engine | None = None
) -> int:
    """Analyze stored documents that have no analysis of this pipeline version: left by a
    killed run, or stored by an older version of the pipeline. Without an engine, one is
    started (and the spaCy pipeline loaded) only when there is something to analyze."""
    missing = store.docs_missing_analysis(config.analyzed_languages())
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
    as pending): the pipeline version that analyzed them, the version of what resolves them
    and the user's anchors."""
    anchored = sorted((a.words, a.date) for a in anchors)
    payload = json.dumps([config.pipeline_version, RESOLVE_VERSION, anchored])
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
        noted = _with_analysis_notes(before.values(), config)
        analyses = list(store.analyses(config.analyzed_languages()))
        # Documents that were not analyzed take part as documents with nothing found in them.
        analyses += [_nothing_found(d, config) for d in noted if d.not_analyzed]
        stream = _stored_stream(store) if how == "update" else StreamState()
        story = resolve_story(
            noted,
            analyses,
            store.rejections(),
            anchors=anchors,
            changed=pending if how == "update" else None,
            story_state=stream,
        )
        story.timeline = build_timeline(story.events, story.quotes)
        store.store_story(
            story,
            dated=_changed_records(before, story.documents),
            resolved=pending,
            fingerprint=fingerprint,
            meta_values={STREAM_KEY: stream.to_json()},
        )
    store.set_meta(MODEL_KEY, config.spacy_model)
    store.set_meta(LANGUAGE_MODELS_KEY, json.dumps(config.language_models, sort_keys=True))
    return story, how


def _with_analysis_notes(documents: Iterable[Document], config: Config) -> list[Document]:
    """The documents, each saying whether it is analyzed under ``config`` (not_analyzed)."""
    noted = []
    for doc in documents:
        reason = config.skip_reason(doc.language)
        same = doc.not_analyzed == reason
        noted.append(doc if same else doc.model_copy(update={"not_analyzed": reason}))
    return noted


def _nothing_found(doc: Document, config: Config) -> Analysis:
    return Analysis(doc=doc.id, pipeline_version=config.analysis_version(doc.language))


def _changed_records(before: dict[str, Document], after: list[Document]) -> list[Document]:
    """Documents whose inferred date changed (_changed_dates) or whose not_analyzed note did
    (the story was built with another set of pipelines)."""
    changed = {doc.id: doc for doc in _changed_dates(before, after)}
    for doc in after:
        stored = before.get(doc.id)
        if stored is not None and stored.not_analyzed != doc.not_analyzed:
            changed.setdefault(doc.id, doc)
    return list(changed.values())


def stored_config(store: Store) -> Config:
    """The pipelines the stored story was built with, for a read command that brings it up
    to date (the default ones when none was stored)."""
    models = json.loads(store.get_meta(LANGUAGE_MODELS_KEY) or "{}")
    return Config(spacy_model=stored_model(store) or DEFAULT_MODEL, language_models=models)


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
    _require_pipelines(config)
    with open_engine(config) as engine:
        for chunk in _chunks(ingest(paths, config, stdin=stdin), CHUNK):
            docs = _with_analysis_notes(
                (i.document for i in chunk if isinstance(i, Ingested)), config
            )
            # A document no pipeline analyzes is not parsed: the engine finds nothing in it.
            analyses = iter(engine.analyze(docs))
            noted = iter(docs)
            for item in chunk:
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield next(noted), next(analyses)


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
