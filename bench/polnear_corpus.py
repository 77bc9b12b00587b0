"""PolNeAR articles as storyline documents and analyses, with their gold publication dates.

The filenames of PolNeAR embed the publication date (``nyt_2016-10-04_in-avoiding-tax...``), so
each text is copied under a neutral name (``article-0001.txt``) before storyline's own ingest
sees it: the system reads the words of the article and nothing else. The gold date comes from
metadata.tsv and is used only for scoring (and, in the leave-one-out setting, as the known date
of the *other* documents).

Parsing ~900 articles takes minutes, so documents and analyses are cached under bench/out/,
keyed by the pipeline version; ``refresh=True`` recomputes them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Analysis, Document

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval-data" / "polnear"
CACHE = REPO / "bench" / "out" / "polnear-cache"
SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class Article:
    key: str  # PolNeAR filename stem: for reports only, never shown to the system
    split: str
    publisher: str
    gold: dt.date
    document: Document
    analysis: Analysis


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
    from storyline.config import Config

    config = Config(workers=workers)
    chosen = [e for e in entries(data) if e.split in splits]
    if keys is not None:
        wanted = set(keys)
        chosen = [e for e in chosen if e.key in wanted]
    if limit:
        chosen = chosen[:limit]
    cached = {} if refresh or cache is None else _read_cache(cache, config.pipeline_version)
    missing = [e for e in chosen if e.key not in cached]
    if missing:
        fresh = _analyze(missing, config)
        cached.update(fresh)
        if cache is not None:
            _append_cache(cache, config.pipeline_version, fresh)
    articles = []
    for e in chosen:
        if e.key in cached:
            document, analysis = cached[e.key]
            articles.append(Article(e.key, e.split, e.publisher, e.gold, document, analysis))
    return articles


def _analyze(entries: list[_Entry], config: object) -> dict[str, tuple[Document, Analysis]]:
    from storyline.config import Config
    from storyline.engines.local import LocalEngine
    from storyline.ingest import ingest
    from storyline.model import Ingested

    assert isinstance(config, Config)
    out: dict[str, tuple[Document, Analysis]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        by_path: dict[str, str] = {}
        for i, e in enumerate(entries):
            neutral = Path(tmp) / f"article-{i:04d}.txt"
            neutral.write_bytes(e.path.read_bytes())
            by_path[str(neutral)] = e.key
        docs: list[tuple[str, Document]] = []
        for item in ingest(sorted(by_path), config):
            if isinstance(item, Ingested):
                source = item.document.source
                key = by_path[source]
                # The temporary folder means nothing after this run; the neutral name stays.
                renamed = f"polnear/{Path(source).name}"
                docs.append((key, item.document.model_copy(update={"source": renamed})))
        with LocalEngine(config) as engine:
            analyses = engine.analyze(d for _, d in docs)
            for (key, doc), analysis in zip(docs, analyses, strict=True):
                out[key] = (doc, analysis)
    return out


def _cache_file(cache: Path, version: str) -> Path:
    return cache / f"{version.replace('/', '_')}.jsonl"


def _read_cache(cache: Path, version: str) -> dict[str, tuple[Document, Analysis]]:
    path = _cache_file(cache, version)
    found: dict[str, tuple[Document, Analysis]] = {}
    if not path.is_file():
        return found
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            found[row["key"]] = (
                Document.model_validate(row["document"]),
                Analysis.model_validate(row["analysis"]),
            )
    return found


def _append_cache(cache: Path, version: str, rows: dict[str, tuple[Document, Analysis]]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    with _cache_file(cache, version).open("a", encoding="utf-8") as handle:
        for key, (doc, analysis) in rows.items():
            row = {
                "key": key,
                "document": doc.model_dump(mode="json"),
                "analysis": analysis.model_dump(mode="json"),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
