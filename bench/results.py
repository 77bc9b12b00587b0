"""A benchmark run's JSON under bench/out/: what was measured, when and on which machine."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Where the benchmarks find the repository, the shared corpora, and where they write.
REPO = Path(__file__).resolve().parent.parent
EVAL_DATA = REPO.parent / "shared" / "eval-data"
SEEDS = REPO.parent / "shared" / "seeds"
OUT = REPO / "bench" / "out"


def write_run(name: str, benchmark: str, **fields: Any) -> Path:
    """Write bench/out/<name>: the benchmark's name, the date and machine, then ``fields``."""
    payload = {
        "benchmark": benchmark,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        **fields,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path
