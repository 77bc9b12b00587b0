"""Where the per-document analysis runs: in this process or a local process pool (local), or
on a Dask cluster (dask). Every engine is a context manager whose ``analyze(documents)``
yields the documents' analyses in input order, streaming."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from storyline.config import Config
from storyline.model import Analysis, Document


class Engine(Protocol):
    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]: ...


def open_engine(config: Config) -> Engine:
    """The engine ``config`` names (use it as a context manager). Dask is imported only when
    it is asked for: it costs a second of start-up the local engine does not need."""
    if config.engine == "dask":
        from storyline.engines.dask import DaskEngine

        return DaskEngine(config)
    from storyline.engines.local import LocalEngine

    return LocalEngine(config)
