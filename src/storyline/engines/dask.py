"""Run the per-document analysis on a Dask cluster: a LocalCluster of worker processes on this
machine, or a running cluster reached at its scheduler's address (tcp://host:8786).

Documents go out in batches and analyses come back to the caller, which stays the only writer
of the store. Each worker loads the spaCy pipeline once, when it joins (a worker plugin), so a
worker that replaces a dead one loads it too. A worker that dies in the middle of a batch loses
nothing: the scheduler runs the batch again on another worker, and since the caller takes each
batch's result from its future, it gets every analysis once, in input order.
"""

from __future__ import annotations

import gc
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from typing import Any

from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin

from storyline.config import Config
from storyline.engines.local import analyze_batch, batches
from storyline.errors import EngineError, StorylineError
from storyline.model import Analysis, Document

# How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 10.0
# Batches submitted per worker thread ahead of the one the caller waits for: enough that no
# worker idles between batches, few enough that memory stays bounded whatever the corpus.
AHEAD_PER_THREAD = 2

CONNECT_HINT = (
    "start one with 'dask scheduler' and workers with 'dask worker ADDRESS', check the "
    "address, or leave out --scheduler to start a cluster on this machine"
)

# What a batch function does: analyze a batch of documents on a worker.
BatchTask = Callable[[list[Document], Config], list[Analysis]]


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline on every worker as it joins the cluster, so that no batch pays
    for it and a model a worker cannot load fails the run before any document goes out."""

    name = "storyline-load-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from storyline.analyze.nlp import load_pipeline

        load_pipeline(self.model)


class DaskEngine:
    """Analyses documents on a Dask cluster that lives as long as the engine.

    ``task`` is the function a worker runs on a batch; it is a parameter so that tests can
    inject faults (a worker that dies on a given document), never set by the pipeline.
    """

    def __init__(
        self,
        config: Config,
        *,
        task: BatchTask = analyze_batch,
        connect_timeout: float | None = None,
    ) -> None:
        self.config = config
        self.task = task
        self.connect_timeout = connect_timeout
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._ahead = AHEAD_PER_THREAD

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("DaskEngine used outside its with-block")
        return self._client

    def __enter__(self) -> DaskEngine:
        try:
            self._client = self._connect() if self.config.scheduler else self._start_cluster()
            self._load_pipelines()
            threads = sum(self._client.nthreads().values())
            self._ahead = AHEAD_PER_THREAD * max(threads, 1)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _connect(self) -> Client:
        address = self.config.scheduler
        timeout = CONNECT_TIMEOUT if self.connect_timeout is None else self.connect_timeout
        try:
            return Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = _one_line(exc)
        # The half-started Client is only reachable from the traceback just dropped: collect
        # it now, while its event loop still runs, or it is closed at interpreter exit, where
        # closing times out and prints a traceback.
        gc.collect()
        raise EngineError(f"cannot reach the Dask scheduler at {address}: {reason}", CONNECT_HINT)

    def _start_cluster(self) -> Client:
        try:
            self._cluster = LocalCluster(
                n_workers=self.config.workers,
                threads_per_worker=1,
                processes=True,
                # Loopback only, no dashboard: nothing of the run is reachable from outside.
                host="127.0.0.1",
                dashboard_address=None,
                # The scheduler serves its health and metrics routes even without a dashboard,
                # by default on port 8787: a free port instead, so two runs never collide.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                # The workers' and the nannies' logs would repeat, with tracebacks, what
                # reaches the caller anyway as an exception (or was recovered from).
                silence_logs=logging.CRITICAL,
            )
            return Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"could not start a Dask LocalCluster: {_one_line(exc)}") from exc

    def _load_pipelines(self) -> None:
        try:
            self.client.register_plugin(LoadPipeline(self.config.spacy_model))
        except StorylineError:
            raise  # e.g. ModelNotFound raised on a worker: already one line with its hint
        except Exception as exc:
            raise EngineError(
                f"the Dask workers could not load the analysis: {_one_line(exc)}",
                "install storyline and its spaCy model, same versions, on every worker",
            ) from exc

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses of ``documents``, in input order, streaming: at most a few batches per
        worker are out at once, so memory stays bounded whatever the corpus size."""
        client = self.client
        pending: deque[Future[list[Analysis]]] = deque()
        try:
            for batch in batches(documents, self.config.batch_size):
                # pure=False: two equal batches are still two tasks, each with its own result.
                pending.append(client.submit(self.task, batch, self.config, pure=False))
                if len(pending) > self._ahead:
                    yield from _result(pending.popleft())
            while pending:
                yield from _result(pending.popleft())
        finally:
            if pending:  # the caller stopped early: release what is still out
                client.cancel(list(pending))


def _result(future: Future[list[Analysis]]) -> list[Analysis]:
    try:
        return future.result()
    except KilledWorker as exc:
        raise EngineError(
            f"a batch of documents killed every Dask worker that tried it: {_one_line(exc)}",
            "a worker ran out of memory or crashed on these documents; try a smaller batch "
            "or more memory per worker",
        ) from exc
    except (OSError, TimeoutError, CancelledError) as exc:
        raise EngineError(f"the Dask cluster stopped answering: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
