"""The Dask engine on a real LocalCluster of two worker processes (one for the whole module: a
cluster costs seconds to start): the same analyses as the local engine, in input order; the
spaCy pipeline loaded once per worker; a worker killed mid-batch loses nothing; a scheduler
that does not answer is one line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from itertools import cycle
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.config import Config
from storyline.engines import dask as dask_engine
from storyline.engines.dask import DaskEngine
from storyline.engines.local import LocalEngine, analyze_batch
from storyline.errors import EngineError
from storyline.ingest import ingest
from storyline.model import Analysis, Document, Ingested

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"
# Small batches, so that the demo corpus makes more batches than the engine lets out at once.
BATCH = 2
WORKERS = 2
MARK = "fault-injection: a worker dies here"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [i.document for i in ingest([str(CORPUS)], Config()) if isinstance(i, Ingested)]


@pytest.fixture(scope="module")
def expected(documents: list[Document]) -> list[Analysis]:
    with LocalEngine(Config(batch_size=BATCH)) as engine:
        return list(engine.analyze(documents))


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    with DaskEngine(Config(engine="dask", workers=WORKERS, batch_size=BATCH)) as engine:
        yield engine


def _pipeline_loads() -> tuple[int, int]:
    """On a worker: how often the spaCy pipeline was loaded, and how often the loaded one was
    reused (once per batch)."""
    from storyline.analyze.nlp import load_pipeline

    info = load_pipeline.cache_info()
    return info.misses, info.hits


def _dies_on_mark(flag: Path, documents: list[Document], config: Config) -> list[Analysis]:
    """The batch function with a fault: the first worker to meet the marked document analyses
    the batch up to it, then dies as a crash or the OOM killer would end it (no cleanup)."""
    marked = [i for i, d in enumerate(documents) if d.source == MARK]
    if marked and not flag.exists():
        analyze_batch(documents[: marked[0]], config)
        flag.write_text(str(os.getpid()))
        os._exit(1)
    return analyze_batch(documents, config)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.slow
def test_each_worker_loads_the_pipeline_once_when_it_joins(
    engine: DaskEngine, documents: list[Document]
) -> None:
    before = engine.client.run(_pipeline_loads)
    list(engine.analyze(documents))
    after = engine.client.run(_pipeline_loads)
    assert len(after) == WORKERS
    # Loaded when the worker joined (before any batch), and never again.
    assert {misses for misses, _ in before.values()} == {1}
    assert {misses for misses, _ in after.values()} == {1}
    batches = -(-len(documents) // BATCH)
    assert sum(h for _, h in after.values()) - sum(h for _, h in before.values()) == batches


@pytest.mark.slow
def test_the_same_analyses_as_the_local_engine_in_input_order(
    engine: DaskEngine, documents: list[Document], expected: list[Analysis]
) -> None:
    twice = documents + documents
    got = list(engine.analyze(twice))
    assert [a.doc for a in got] == [d.id for d in twice]
    assert got == expected + expected


@pytest.mark.slow
def test_documents_stream_with_a_bounded_number_of_batches_out(
    engine: DaskEngine, documents: list[Document]
) -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        for doc in cycle(documents):
            pulled += 1
            yield doc

    stream = engine.analyze(endless())
    first = next(stream)
    stream.close()  # the caller stops early: what is still out is released
    assert first.doc == documents[0].id
    # The batch waited for, plus the ones let out ahead of it.
    assert pulled <= (1 + dask_engine.AHEAD_PER_THREAD * WORKERS) * BATCH


@pytest.mark.slow
def test_a_worker_killed_mid_batch_loses_nothing(
    engine: DaskEngine, documents: list[Document], expected: list[Analysis], tmp_path: Path
) -> None:
    flag = tmp_path / "died"
    docs = list(documents)
    docs[5] = docs[5].model_copy(update={"source": MARK})
    # A second client on the module's cluster, through its scheduler address as --scheduler
    # gives it, with the faulty batch function.
    config = Config(engine="dask", scheduler=engine.client.scheduler.address, batch_size=BATCH)
    with DaskEngine(config, task=partial(_dies_on_mark, flag)) as faulty:
        got = list(faulty.analyze(docs))
    assert flag.exists(), "no worker died: the fault was not injected"
    assert [a.doc for a in got] == [d.id for d in docs]
    assert got == expected
    # The dead worker was replaced, and its replacement loaded the pipeline once too.
    engine.client.wait_for_workers(WORKERS, timeout=120)
    assert int(flag.read_text()) not in engine.client.run(os.getpid).values()
    assert {misses for misses, _ in engine.client.run(_pipeline_loads).values()} == {1}


@pytest.mark.slow
def test_the_cluster_listens_on_loopback_only(engine: DaskEngine) -> None:
    import psutil

    me = psutil.Process()
    listening = [
        conn.laddr
        for proc in (me, *me.children(recursive=True))
        for conn in proc.net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    ]
    # The scheduler, two workers and their nannies, each with its own port or two.
    assert len(listening) >= 1 + 2 * WORKERS
    assert {addr.ip for addr in listening} == {"127.0.0.1"}


def test_a_scheduler_that_does_not_answer_is_one_line() -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    config = Config(engine="dask", scheduler=address)
    with pytest.raises(EngineError) as err, DaskEngine(config, connect_timeout=1):
        pass
    text = str(err.value)
    assert text.startswith(f"cannot reach the Dask scheduler at {address}: ")
    assert "\n" not in text and "(hint: " in text


def test_the_cli_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.cli import main

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--db", db, "--scheduler", address])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot reach the Dask scheduler at {address}")
    assert result.stderr.count("\n") == 1


def test_scheduler_conflicts_with_the_local_engine(tmp_path: Path) -> None:
    from storyline.cli import main

    args = ["build", str(CORPUS), "--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"]
    result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --scheduler needs the dask engine")


def _storyline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "storyline", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_a_model_the_workers_cannot_load_is_one_line_not_their_logs(tmp_path: Path) -> None:
    args = ["--engine", "dask", "--model", "no_such_model"]
    result = _storyline("build", str(CORPUS), "--db", "s.db", *args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: spaCy pipeline 'no_such_model' could not be loaded")
    assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.slow
def test_build_with_dask_exports_what_the_local_engine_does(tmp_path: Path) -> None:
    storyline = partial(_storyline, cwd=tmp_path)
    local = storyline("build", str(CORPUS), "--db", "local.db")
    dask = storyline("build", str(CORPUS), "--db", "dask.db", "--engine", "dask", "--workers", "2")
    assert local.returncode == dask.returncode == 0, (local.stderr, dask.stderr)
    a, b = (
        json.loads(storyline("export", "--db", db, "--format", "json").stdout)
        for db in ("local.db", "dask.db")
    )
    assert a["documents"] and a == b
