"""WikiRef220 (Gialampoukidis et al. 2016; ../shared/eval-data/wikiref220, SOURCE.md): 220
English articles cited by Wikipedia pages, five topics of 35-39 articles and 35 "noise" articles
of eleven small topics, no dates. A small labelled clustering set that no story rule or
threshold was tuned on: the unseen check beside Timeline17.

Articles are read under neutral names (bench/article_cache.py: a file name holds its topic);
the gold label is labels.tsv's ``label`` (a noise article's small topic is its own class).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from bench.article_cache import Article, Source, load
from bench.results import EVAL_DATA, OUT

DATA = EVAL_DATA / "wikiref220"
CACHE = OUT / "wikiref220-cache"
# Source needs a day; WikiRef220 has none, and none is given to the system.
NO_DAY = dt.date(1970, 1, 1)


def available(data: Path = DATA) -> bool:
    return (data / "labels.tsv").is_file()


def labels(data: Path = DATA) -> dict[str, str]:
    with (data / "labels.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}


def files(data: Path = DATA) -> list[Path]:
    """Exactly the files a run reads: the labels and every labelled article."""
    return [data / "labels.tsv", *(data / "WikiRef220" / name for name in sorted(labels(data)))]


def _reader(path: Path) -> Callable[[], bytes]:
    return path.read_bytes


def sources(data: Path = DATA) -> list[Source]:
    return [
        Source(name, label, "", NO_DAY, _reader(data / "WikiRef220" / name))
        for name, label in sorted(labels(data).items())
    ]


def articles(data: Path = DATA, cache: Path | None = CACHE) -> list[Article]:
    """The articles analyzed by storyline (parsed once, then from the cache), undated."""
    return load(sources(data), corpus="wikiref220", cache=cache)
