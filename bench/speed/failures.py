"""How long a user waits for the one-line answer when a command cannot proceed (issue 13,
"clean errors"): each failing command run as a fresh process, beside two anchors measured in the
same run, `storyline --version` (start-up alone) and `timeline` on a good store.

    .venv/bin/python -m bench.speed.failures [--rounds N]

Writes bench/out/failures.json.
"""

from __future__ import annotations

import argparse
import gzip
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import REPO, write_run

WIRE = REPO / "examples" / "corpus" / "wire"
STORYLINE = [sys.executable, "-m", "storyline"]


def _timed(args: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run([*STORYLINE, *args], capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - started
    return seconds, done.returncode, done.stderr.strip().splitlines()[-1] if done.stderr else ""


def _cases(tmp: Path, silent_port: int) -> dict[str, list[str]]:
    good = str(tmp / "good.db")
    corrupt = tmp / "corrupt.db"
    corrupt.write_bytes(bytes(range(256)) * 64)
    bomb = tmp / "bomb.html.gz"
    with gzip.open(bomb, "wb") as out:
        out.write(b"<html><body><p>")
        for _ in range(200):
            out.write(b" " * 1_000_000)
    return {
        "anchor: --version": ["--version"],
        "anchor: timeline on a good store": ["timeline", "--db", good],
        "report -o in a missing folder": ["report", "--db", good, "-o", str(tmp / "no/x.html")],
        "timeline on a file that is not a store": ["timeline", "--db", str(corrupt)],
        "build on a locked store": ["build", "-q", "--db", str(tmp / "locked.db"), str(WIRE)],
        "timeline on PostgreSQL refusing": ["timeline", "--db", "postgresql://u@127.0.0.1:1/x"],
        "timeline on PostgreSQL silent": [
            "timeline",
            "--db",
            f"postgresql://u@127.0.0.1:{silent_port}/x",
        ],
        "build of a 200 MB gzip bomb": ["build", "-q", "--db", str(tmp / "b.db"), str(bomb)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as name, socket.socket() as silent:
        tmp = Path(name)
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        subprocess.run([*STORYLINE, "build", "-q", "--db", str(tmp / "good.db"), str(WIRE)])
        subprocess.run([*STORYLINE, "build", "-q", "--db", str(tmp / "locked.db"), str(WIRE)])
        holder = sqlite3.connect(tmp / "locked.db", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        results = []
        for case, args in _cases(tmp, silent.getsockname()[1]).items():
            runs = [_timed(args) for _ in range(rounds)]
            seconds = statistics.median(r[0] for r in runs)
            results.append(
                {"case": case, "seconds": round(seconds, 2), "exit": runs[0][1], "line": runs[0][2]}
            )
            print(f"{seconds:6.2f} s  exit {runs[0][1]:>3}  {case}: {runs[0][2]}")
        holder.close()
    print(write_run("failures.json", "failures", rounds=rounds, results=results))


if __name__ == "__main__":
    main()
