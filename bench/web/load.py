"""The web app under load (issue 12, point 5): `storyline serve` over a store of the 4,616
Timeline17 articles, N concurrent clients for S seconds, each sending its next request as soon
as the last one is answered (a closed loop: no think time, the hardest case), over timeline,
search, entity and event queries with varied filters and pages, and /api/stats. With
--think T each client waits a random T seconds on average between requests instead.

Reported per kind: requests, errors (goal: 0), p50/p90/p99 latency, and requests/s overall,
with the server's CPU use. The anchor, in the same run: the same queries as in-process Store
calls (no HTTP, no JSON, one at a time), what the database work alone costs.

    python -m bench.web.load [--clients 100] [--seconds 60] [--workers N] [--think T]

Writes bench/out/web_load.json (web_load_w2.json, web_load_think2.json for the variants).
The store is built on first use (bench/web/t17_store.py) and reused while the pipeline version
is the same.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.results import write_run
from bench.web.client import Connection, HttpError
from bench.web.queries import KINDS, MAKERS, Pool, in_process, small_pool, wide_pool
from bench.web.t17_store import build_store
from storyline.config import Config
from storyline.store import Store


@dataclass(frozen=True)
class Sample:
    kind: str
    seconds: float
    status: int  # 0: the connection failed
    cached: bool = False
    url: str = ""


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[str], str]:
    """`storyline serve` on a free port, as a user starts it; its URL from the line it
    prints."""
    command = ["serve", "--db", db, "--port", "0", "--workers", str(workers)]
    process = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if " at http://" not in line:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return process, line.split(" at ", 1)[1].split()[0].rstrip("/")


def _tree(pid: int) -> list[int]:
    """A process and its descendants (the server's worker processes), from Linux's /proc."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid, *(p for child in children for p in _tree(int(child)))]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time so far of a process and its descendants."""
    total = 0
    for one in _tree(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def story_ids(url: str) -> list[str]:
    import json

    with urllib.request.urlopen(f"{url}/api/stories?limit=50", timeout=30) as response:
        return [s["id"] for s in json.load(response)["items"]]


async def _user(
    number: int,
    url: str,
    pool: Pool,
    deadline: float,
    seed: int,
    out: list[Sample],
    think: float,
) -> None:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    rng = random.Random(seed * 1_000 + number)
    connection = Connection(host, int(port))
    turn = number
    while time.monotonic() < deadline:
        kind = KINDS[turn % len(KINDS)]
        turn += 1
        query = MAKERS[kind](rng, pool)
        started = time.perf_counter()
        try:
            status, _ = await connection.get(query.url)
        except HttpError:
            status = 0
        out.append(
            Sample(kind, time.perf_counter() - started, status, connection.cached, query.url)
        )
        if think:  # never past the end: the run's length is what requests/s divides by
            wait = rng.expovariate(1 / think)
            await asyncio.sleep(max(0.0, min(wait, deadline - time.monotonic())))
    await connection.close()


async def load(
    url: str, pool: Pool, clients: int, seconds: float, seed: int, think: float = 0.0
) -> list[Sample]:
    samples: list[Sample] = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(_user(i, url, pool, deadline, seed, samples, think) for i in range(clients))
    )
    return samples


def percentiles(values: list[float]) -> dict[str, float]:
    """p50, p90, p99 and max in milliseconds."""
    if not values:
        return {}
    ordered = sorted(values)
    cuts = (
        statistics.quantiles(ordered, n=100, method="inclusive")
        if len(ordered) > 1
        else ordered * 99
    )
    return {
        "p50_ms": round(cuts[49] * 1000, 1),
        "p90_ms": round(cuts[89] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def summarize(samples: list[Sample], seconds: float) -> dict[str, Any]:
    by_kind: dict[str, Any] = {}
    for kind in KINDS:
        mine = [s for s in samples if s.kind == kind]
        errors = [s for s in mine if s.status != 200]
        by_kind[kind] = {
            "requests": len(mine),
            "errors": len(errors),
            "error_statuses": sorted({s.status for s in errors}),
            "distinct_urls": len({s.url for s in mine}),
            "cache_hits": sum(1 for s in mine if s.cached),
            **percentiles([s.seconds for s in mine]),
        }
    return {
        "requests": len(samples),
        "errors": sum(1 for s in samples if s.status != 200),
        "requests_per_s": round(len(samples) / seconds, 1),
        "distinct_urls": len({s.url for s in samples}),
        "cache_hit_rate": round(sum(1 for s in samples if s.cached) / max(1, len(samples)), 3),
        "all": percentiles([s.seconds for s in samples]),
        "by_kind": by_kind,
    }


def anchor(db: str, per_kind: int, seed: int, pool: Pool) -> dict[str, Any]:
    """The same queries as Store calls in this process, one at a time."""
    rng = random.Random(seed)
    found: dict[str, Any] = {}
    with Store.open(db, read_only=True) as store:
        for kind in KINDS:
            times = []
            for _ in range(per_kind):
                query = MAKERS[kind](rng, pool)
                started = time.perf_counter()
                in_process(store, query)
                times.append(time.perf_counter() - started)
            found[kind] = {"queries": per_kind, **percentiles(times)}
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--db", help="Serve this store (a path or URL) instead of the Timeline17 one."
    )
    parser.add_argument("--anchor-queries", type=int, default=200, help="Per kind.")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=1, help="storyline serve --workers.")
    parser.add_argument(
        "--warmup", type=float, default=5.0, help="Seconds of load first, unmeasured."
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="Mean seconds a client waits between an answer and its next request "
        "(exponential; 0: none, a closed loop).",
    )
    parser.add_argument(
        "--mix",
        choices=("small", "wide"),
        default="small",
        help="small: filters from fixed lists (few distinct URLs, asked again and again); "
        "wide: filters and pages drawn from the whole store.",
    )
    parser.add_argument("--label", default="", help="Added to the output file's name.")
    args = parser.parse_args(argv)
    db = args.db or str(build_store(Config()))
    process, url = start_server(db, args.workers)
    try:
        if args.mix == "wide":
            with Store.open(db, read_only=True) as store:
                pool = wide_pool(store, random.Random(args.seed))
        else:
            pool = small_pool(story_ids(url))
        # Unmeasured: the first pass reads the store's pages from disk into the OS cache.
        asyncio.run(load(url, pool, args.clients, args.warmup, args.seed + 1, args.think))
        cpu_before = cpu_seconds(process.pid)
        client_before = time.process_time()
        started = time.monotonic()
        samples = asyncio.run(load(url, pool, args.clients, args.seconds, args.seed, args.think))
        elapsed = time.monotonic() - started
        server_cpu = (cpu_seconds(process.pid) - cpu_before) / elapsed
        client_cpu = (time.process_time() - client_before) / elapsed
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    result = summarize(samples, elapsed)
    with Store.open(db, read_only=True) as store:
        documents = store.count_documents()
    anchored = anchor(db, args.anchor_queries, args.seed, pool)
    variant = (
        ("_postgresql" if db.startswith("postgresql") else "")
        + (f"_w{args.workers}" if args.workers > 1 else "")
        + (f"_think{args.think:g}" if args.think else "")
        + ("_wide" if args.mix == "wide" else "")
        + (f"_{args.label}" if args.label else "")
    )
    path = write_run(
        f"web_load{variant}.json",
        "bench.web.load",
        machine_label="vm-2c",
        cpus=os.cpu_count(),
        store=db,
        documents=documents,
        clients=args.clients,
        server_workers=args.workers,
        warmup_seconds=args.warmup,
        seconds=round(elapsed, 1),
        think_seconds=args.think,
        server_cpu_cores=round(server_cpu, 2),
        # What the machine's other users leave out: the server's CPU time per answer.
        server_cpu_ms_per_request=round(server_cpu * elapsed / max(1, len(samples)) * 1000, 2),
        client_cpu_cores=round(client_cpu, 2),
        load_average_after=os.getloadavg(),
        goal_p99_ms=100,
        mix=args.mix,
        **result,
        anchor_in_process_store=anchored,
    )
    print(
        f"{result['requests']} requests in {elapsed:.0f} s by {args.clients} clients: "
        f"{result['requests_per_s']} req/s, {result['errors']} errors, server CPU "
        f"{server_cpu:.2f} cores ({server_cpu * elapsed / max(1, len(samples)) * 1000:.1f} ms per "
        f"request), the clients' {client_cpu:.2f}, cache hits "
        f"{result['cache_hit_rate']:.0%}, distinct URLs {result['distinct_urls']}"
    )
    for kind in KINDS:
        k, a = result["by_kind"][kind], anchored[kind]
        print(
            f"  {kind:9} n={k['requests']:6} err={k['errors']} hits={k['cache_hits']} "
            f"urls={k['distinct_urls']} p50={k.get('p50_ms')} ms "
            f"p99={k.get('p99_ms')} ms | in-process store p50={a.get('p50_ms')} ms "
            f"p99={a.get('p99_ms')} ms"
        )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
