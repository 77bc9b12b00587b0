"""PolNeAR publication dates through the public commands, as a held-out check would run them.

One JSON Lines file holds every train and dev article as `{id, text, published}`: the train
articles with their day (from metadata.tsv), the dev articles (which follow them in time)
without. `storyline build` stores and dates them, `storyline dates --format json` lists the
dates, and the dev articles' dates are scored (bench/dating/score.py). Ids are neutral
(`a0001`): the PolNeAR names carry the date. Unlike bench/dating/polnear.py's leave-one-out, the
dev articles do not know each other's days, only the earlier ones'.

    .venv/bin/python -m bench.dating.polnear_cli [--workers N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.dating.polnear_corpus import DATA, available, entries
from bench.dating.score import Prediction, score
from bench.results import OUT, write_run


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "storyline", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def _prediction(gold: dt.date, row: dict[str, object] | None) -> Prediction:
    if row is None or row.get("earliest") is None:
        return Prediction(gold)
    earliest, latest = str(row["earliest"]), str(row["latest"])
    best = row.get("date")
    from storyline.timex.days import day_of

    return Prediction(gold, day_of(earliest), day_of(latest), str(best) if best else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if not available():
        print(f"skipped: {DATA} is absent (PolNeAR lives in ../shared/eval-data)")
        return 0
    rows = [e for e in entries(DATA) if e.split in ("train", "dev")]
    gold: dict[str, dt.date] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with (work / "polnear.jsonl").open("w", encoding="utf-8") as handle:
            for i, e in enumerate(rows):
                ident = f"a{i:04d}"
                line: dict[str, str] = {"id": ident, "text": e.path.read_text(encoding="utf-8")}
                if e.split == "train":
                    line["published"] = e.gold.isoformat()
                else:
                    gold[ident] = e.gold
                handle.write(json.dumps(line) + "\n")
        started = time.perf_counter()
        built = _run(
            ["build", "polnear.jsonl", "--db", "s.db", "--workers", str(args.workers)], work
        )
        seconds = time.perf_counter() - started
        if built.returncode != 0:
            raise SystemExit(f"storyline build failed ({built.returncode}): {built.stderr[-2000:]}")
        listed = _run(["dates", "--db", "s.db", "--format", "json"], work)
        if listed.returncode != 0:
            raise SystemExit(f"storyline dates failed: {listed.stderr[-2000:]}")
    by_id = {str(r["source"]).rsplit("#", 1)[-1]: r for r in json.loads(listed.stdout)}
    (OUT / "polnear_cli_dates.json").write_text(listed.stdout, encoding="utf-8")
    predictions = [_prediction(day, by_id.get(ident)) for ident, day in gold.items()]
    metrics = score(predictions, today=dt.date.today())
    print(
        f"PolNeAR dev ({len(gold)} articles) dated through `storyline build` with the train "
        f"split's {len(rows) - len(gold)} days known (build {seconds:.0f} s): "
        + ", ".join(f"{k} {v}" for k, v in metrics.items())
    )
    write_run(
        "polnear_cli.json",
        "polnear-dates-via-storyline-build",
        documents=len(rows),
        dated=len(gold),
        build_seconds=round(seconds, 1),
        metrics=metrics,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
