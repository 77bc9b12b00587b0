"""Run the per-document analysis on one machine, in this process or in a pool of workers.

Each worker loads the spaCy pipeline once and runs the whole per-document analysis (parse and
extractors), so only Documents go in and Analyses come out: no spaCy Doc crosses a process
boundary, which would cost more than the extractors themselves.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from storyline.config import Config
from storyline.model import Analysis, Document


def batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``items`` in lists of ``size`` (the last one shorter), consumed lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def analyze_batch(documents: list[Document], config: Config) -> list[Analysis]:
    """Parse and analyze a batch of documents in this process, each with the pipeline of its
    language (Config.model_for). A document in a language with none is not parsed: its
    analysis finds nothing."""
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline

    by_model: dict[str, list[int]] = defaultdict(list)
    found: dict[int, Analysis] = {}
    for i, doc in enumerate(documents):
        model = config.model_for(doc.language)
        if model is None:
            found[i] = Analysis(doc=doc.id, pipeline_version=config.analysis_version(doc.language))
        else:
            by_model[model].append(i)
    for model, indexes in by_model.items():
        nlp = load_pipeline(model)
        texts = (documents[i].text for i in indexes)
        parses = nlp.pipe(texts, batch_size=config.batch_size)
        for i, sdoc in zip(indexes, parses, strict=True):
            doc = documents[i]
            found[i] = analyze_document(sdoc, doc, config.analysis_version(doc.language))
    return [found[i] for i in range(len(documents))]


def stream_batch(documents: list[Document], config: Config) -> Iterator[Analysis]:
    """analyze_batch's analyses one at a time as each is done, when the whole batch goes to
    one pipeline (the common case): spaCy parses a batch at once, but the extractors run per
    document, so a progress display advances per document rather than by the batch."""
    models = {config.model_for(doc.language) for doc in documents}
    if len(models) != 1 or None in models:
        yield from analyze_batch(documents, config)
        return
    from storyline.analyze.document import analyze_document
    from storyline.analyze.nlp import load_pipeline

    nlp = load_pipeline(models.pop())
    parses = nlp.pipe((doc.text for doc in documents), batch_size=config.batch_size)
    for doc, sdoc in zip(documents, parses, strict=True):
        yield analyze_document(sdoc, doc, config.analysis_version(doc.language))


_worker_config: Config | None = None


def _init_worker(config_json: str) -> None:
    global _worker_config
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (and
    # terminates the pool), rather than each worker printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_config = Config.model_validate_json(config_json)
    from storyline.analyze.nlp import load_pipeline

    load_pipeline(_worker_config.spacy_model)


def _worker_batch(documents: list[Document]) -> list[Analysis]:
    assert _worker_config is not None, "worker used before its initializer ran"
    return analyze_batch(documents, _worker_config)


class LocalEngine:
    """Analyses documents in this process (workers <= 1) or in a pool that lives as long as
    the engine, so that workers load the spaCy pipeline once per run, not once per chunk."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._pool: Any = None

    def __enter__(self) -> LocalEngine:
        if self.config.workers > 1:
            # spawn, not fork: the caller may run threads (progress display) that a fork
            # would copy in the middle of their work.
            ctx: Any = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(
                self.config.workers,
                initializer=_init_worker,
                initargs=(self.config.model_dump_json(),),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses of ``documents``, in input order, streaming: memory stays bounded by a
        few batches whatever the corpus size."""
        batched = batches(documents, self.config.batch_size)
        if self._pool is None:
            for batch in batched:
                yield from stream_batch(batch, self.config)
            return
        for analyses in self._pool.imap(_worker_batch, batched):
            yield from analyses
