"""PolNeAR articles as storyline documents and analyses, with their gold publication dates.

The filenames of PolNeAR embed the publication date (``nyt_2016-10-04_in-avoiding-tax...``), so
texts are read under neutral names (bench/article_cache.py). The gold date comes from
metadata.tsv and is used only for scoring (and, in the leave-one-out setting, as the known date
of the *other* documents). Analyses are cached under bench/out/polnear-cache, keyed by the
pipeline version; ``refresh=True`` recomputes them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.article_cache import Article, Source
from bench.article_cache import load as load_articles
from bench.results import EVAL_DATA, OUT

DATA = EVAL_DATA / "polnear"
CACHE = OUT / "polnear-cache"
SPLITS = ("train", "dev", "test")

__all__ = ["Article", "available", "entries", "load"]


@dataclass(frozen=True)
class _Entry:
    key: str
    split: str
    publisher: str
    gold: dt.date
    path: Path


def available(data: Path = DATA) -> bool:
    return (data / "metadata.tsv").is_file()


def entries(data: Path) -> list[_Entry]:
    found = []
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            split = row["compartment"]
            if split not in SPLITS:
                continue
            path = data / split / "text" / f"{row['filename']}.txt"
            if not path.is_file():
                continue
            gold = dt.date.fromisoformat(row["publication_date"])
            found.append(_Entry(row["filename"], split, row["publisher"], gold, path))
    # In time order, then by name: a --limit run takes a contiguous stretch of the corpus.
    return sorted(found, key=lambda e: (e.gold, e.key))


def load(
    limit: int | None = None,
    *,
    keys: Sequence[str] | None = None,
    splits: Sequence[str] = SPLITS,
    data: Path = DATA,
    refresh: bool = False,
    workers: int = 1,
    cache: Path | None = CACHE,
) -> list[Article]:
    """The articles (all, the first ``limit`` in time order, those of some ``splits`` or those
    named in ``keys``), ingested and analyzed by storyline; analyses come from the cache when
    it has them (``cache=None``: no cache)."""
    chosen = [e for e in entries(data) if e.split in splits]
    if keys is not None:
        wanted = set(keys)
        chosen = [e for e in chosen if e.key in wanted]
    if limit:
        chosen = chosen[:limit]
    sources = [Source(e.key, e.split, e.publisher, e.gold, e.path.read_bytes) for e in chosen]
    return load_articles(sources, corpus="polnear", cache=cache, refresh=refresh, workers=workers)
