"""Benchmark articles analyzed by storyline under neutral names, with a parse cache.

Dating corpora (PolNeAR, Timeline17) name their files by their publication date, so each text is
copied under a neutral name (``article-0001.txt``) before storyline's own ingest sees it: the
system reads the words of the article and nothing else. The gold date is kept beside it for
scoring (and, in the leave-one-out setting, as the known date of the *other* documents).

Parsing thousands of articles takes minutes, so analyses are cached under
bench/out/<corpus>-cache/, one JSON Lines file per pipeline version; documents are ingested
afresh every time (seconds), so a change to ingest's rules needs no new parse.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Analysis, Document


@dataclass(frozen=True)
class Article:
    key: str  # the corpus's own name for it: for reports only, never shown to the system
    split: str  # PolNeAR's split, Timeline17's topic
    publisher: str
    gold: dt.date
    document: Document
    analysis: Analysis


@dataclass(frozen=True)
class Source:
    """One article before analysis: its gold facts and how to read its text."""

    key: str
    split: str
    publisher: str
    gold: dt.date
    read: Callable[[], bytes]


def load(
    sources: Sequence[Source],
    *,
    corpus: str,
    cache: Path | None,
    refresh: bool = False,
    workers: int = 1,
) -> list[Article]:
    """The sources ingested and analyzed by storyline, in their order. Documents are named
    ``<corpus>/article-NNNN.txt``. Ingest is cheap and always run afresh, so a change to its
    rules shows at once; analyses come from the cache (``cache=None``: none) when it has one
    for the same text under this pipeline version. A source that ingest rejects (an empty
    file) is left out."""
    from storyline.config import Config

    config = Config(workers=workers)
    documents = _ingest(sources, corpus, config)
    cached = {} if refresh or cache is None else read_cache(cache, config.pipeline_version)
    analyses = {
        key: cached[key]
        for key, doc in documents.items()
        if key in cached and cached[key].doc == doc.id
    }
    missing = {key: doc for key, doc in documents.items() if key not in analyses}
    if missing:
        fresh = _analyze(missing, config)
        analyses.update(fresh)
        if cache is not None:
            _append_cache(cache, config.pipeline_version, fresh)
    return [
        Article(s.key, s.split, s.publisher, s.gold, documents[s.key], analyses[s.key])
        for s in sources
        if s.key in documents
    ]


def ingest_sources(sources: Sequence[Source], corpus: str) -> dict[str, Document]:
    """The sources ingested under neutral names (``<corpus>/article-NNNN.txt``), by key."""
    from storyline.config import Config

    return _ingest(sources, corpus, Config())


def _ingest(sources: Sequence[Source], corpus: str, config: object) -> dict[str, Document]:
    from storyline.config import Config
    from storyline.ingest import ingest
    from storyline.model import Ingested

    assert isinstance(config, Config)
    documents: dict[str, Document] = {}
    with tempfile.TemporaryDirectory() as tmp:
        by_path: dict[str, str] = {}
        for i, s in enumerate(sources):
            neutral = Path(tmp) / f"article-{i:04d}.txt"
            neutral.write_bytes(s.read())
            by_path[str(neutral)] = s.key
        for item in ingest(sorted(by_path), config):
            if isinstance(item, Ingested):
                source = item.document.source
                # The temporary folder means nothing after this run; the neutral name stays.
                renamed = f"{corpus}/{Path(source).name}"
                documents[by_path[source]] = item.document.model_copy(update={"source": renamed})
    return documents


def _analyze(documents: dict[str, Document], config: object) -> dict[str, Analysis]:
    from storyline.config import Config
    from storyline.engines.local import LocalEngine

    assert isinstance(config, Config)
    keys = list(documents)
    with LocalEngine(config) as engine:
        analyses = engine.analyze(documents[key] for key in keys)
        return dict(zip(keys, analyses, strict=True))


def cache_file(cache: Path, version: str) -> Path:
    return cache / f"{version.replace('/', '_')}.jsonl"


def read_cache(cache: Path, version: str) -> dict[str, Analysis]:
    path = cache_file(cache, version)
    found: dict[str, Analysis] = {}
    if not path.is_file():
        return found
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            found[row["key"]] = Analysis.model_validate(row["analysis"])
    return found


def _append_cache(cache: Path, version: str, rows: dict[str, Analysis]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    with cache_file(cache, version).open("a", encoding="utf-8") as handle:
        for key, analysis in rows.items():
            row = {"key": key, "analysis": analysis.model_dump(mode="json")}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
