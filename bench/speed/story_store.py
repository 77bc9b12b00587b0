"""What the stored story costs: resolving it once, reading it, and adding one article.

Stores are made of Timeline17 articles (the parse cache of bench/dating/t17_corpus.py, so no
article is parsed here), N of them drawn at random across the nine topics, every other one
given its gold day as metadata (the others dated by the corpus, as a user's pile of pages
would be). For each N:

- resolve: `storyline build` with no paths on a store of N analysed documents: the whole
  cross-document stage, written into the story tables;
- timeline, dates, export: the read commands, each a fresh `python -m storyline` process
  (start-up included), output thrown away; timeline_page: one page of 50 entries;
- add one: `storyline build one.txt` into that store: ingest, parse (the spaCy model loaded),
  update the story from what changed, store it.

The anchor, in the same run: the same commands at a baseline checkout of storyline (by
default the commit before the story was stored, whose read commands resolve everything again),
on a store of the same articles and analyses made by that checkout (less the record fields
added since, which its model would reject). `--baseline` names its src/ folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import cache
from pathlib import Path
from typing import Any

from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.results import REPO, write_run

SIZES = (250, 500, 1000, 2000)
READS = {
    "timeline": ["timeline", "--format", "jsonl"],
    "dates": ["dates", "--format", "json"],
    "export": ["export", "--format", "jsonl"],
}
# What a user pages through: one page of the timeline, from the middle (the baseline has no
# paging, so it is measured for the stored story only).
PAGES = {"timeline_page": ["timeline", "--format", "jsonl", "--limit", "50", "--offset", "1000"]}
# Each store is written by a child process running this, with the checkout under test first
# on its path: the baseline's store has the baseline's schema.
_FILL = textwrap.dedent(
    """
    import json, sys
    from storyline.model import Analysis, Document, Ingested
    from storyline.store import Store
    db, rows = sys.argv[1], sys.argv[2]
    with Store.open(db) as store, open(rows, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            doc = Document.model_validate(row["document"])
            analysis = Analysis.model_validate(row["analysis"])
            raw = doc.text.encode()
            doc = doc.model_copy(update={"raw_ref": None})
            store.add_document(Ingested(document=doc, raw=raw), analysis)
    """
)


# The baseline (before the story was stored) had no `build` without paths: its build ended by
# inferring dates and storing them, which this does on its own.
_OLD_RESOLVE = textwrap.dedent(
    """
    import sys
    from storyline.config import Config
    from storyline.pipeline import DATES_KEY, dating_fingerprint, load_story, store_inferred_dates
    from storyline.store import Store
    with Store.open(sys.argv[1]) as store:
        story = load_story(store, Config(), infer_dates=True)
        store_inferred_dates(store, story.documents)
        store.set_meta(DATES_KEY, dating_fingerprint(store, Config()))
    """
)


# Fields of the records that storyline added after the baseline: its model rejects them, so
# its stores are filled with the same analyses less these (what they point at is there too).
NEWER_FIELDS = frozenset({"date_ref", "as_of_ref", "quote_ref"})


def _without(value: Any, fields: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, fields) for k, v in value.items() if k not in fields}
    if isinstance(value, list):
        return [_without(v, fields) for v in value]
    return value


@cache
def pipeline_version(src: Path) -> str:
    """The pipeline version of the checkout at ``src``: a store holds analyses per version, and
    a checkout reads only its own (it would analyze every document again otherwise)."""
    code = "from storyline.config import Config; print(Config().pipeline_version)"
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _rows(chosen: list[Article], path: Path, version: str, *, baseline: bool) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a, doc in zip(chosen, t17_corpus.half_dated(chosen), strict=True):
            analysis = a.analysis.model_dump(mode="json") | {"pipeline_version": version}
            if baseline:
                analysis = _without(analysis, NEWER_FIELDS)
            row = {"document": doc.model_dump(mode="json"), "analysis": analysis}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _run(src: Path, args: list[str], cwd: Path) -> float:
    """Seconds one command takes in a fresh process with ``src`` first on its path."""
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return round(elapsed, 2)


def measure(
    src: Path, chosen: list[Article], extra: Article, work: Path, *, baseline: bool = False
) -> dict[str, float]:
    """The timings of one checkout on one mix."""
    work.mkdir(parents=True, exist_ok=True)
    rows, db = work / "rows.jsonl", str(work / "story.db")
    _rows(chosen, rows, pipeline_version(src), baseline=baseline)
    _run(src, ["-c", _FILL, db, str(rows)], work)
    resolve = ["-c", _OLD_RESOLVE, db] if baseline else ["-m", "storyline", "build", "--db", db]
    found = {"resolve": _run(src, resolve, work)}
    for name, args in (READS if baseline else READS | PAGES).items():
        found[name] = _run(src, ["-m", "storyline", *args, "--db", db], work)
    one = work / "one.txt"
    one.write_text(extra.document.text, encoding="utf-8")
    found["add_one"] = _run(src, ["-m", "storyline", "build", str(one), "--db", db], work)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--baseline", type=Path, help="src/ of the checkout to compare with")
    parser.add_argument(
        "--baseline-max", type=int, default=1000, help="largest N run at the baseline"
    )
    args = parser.parse_args()
    if not t17_corpus.available():
        print(f"skipped: {t17_corpus.DATA} is absent (Timeline17 lives in ../shared/eval-data)")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    articles = t17_corpus.articles(workers=2)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            chosen = t17_corpus.mix(articles, size + 1)
            extra, chosen = chosen[-1], chosen[:-1]
            row: dict[str, Any] = {"documents": size}
            row["storyline"] = measure(REPO / "src", chosen, extra, Path(tmp) / f"new-{size}")
            if args.baseline is not None and size <= args.baseline_max:
                row["baseline"] = measure(
                    args.baseline, chosen, extra, Path(tmp) / f"old-{size}", baseline=True
                )
            results.append(row)
            print(row, flush=True)
    path = write_run(
        "story_store.json",
        "stored story: resolve once, read commands, add one article (Timeline17 mixes)",
        baseline=str(args.baseline) if args.baseline else None,
        results=results,
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
