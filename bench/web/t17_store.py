"""A story store of every Timeline17 article, for the report's load benchmark: each document
dated by its gold day as metadata (so dating does not add minutes), analysed from the bench's
parse cache, the story resolved. Built once under bench/out/ and reused."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.dating import t17_corpus
from bench.results import OUT
from storyline.config import Config
from storyline.model import Ingested, ResolvedStory
from storyline.pipeline.stages import update_story
from storyline.store import Store

STORE = OUT / "t17-report-store.db"


def store_path(size: int | None) -> Path:
    """Where the store of ``size`` articles (None: all) is kept."""
    return STORE if size is None else STORE.with_name(f"t17-report-store-{size}.db")


def build(path: Path = STORE, size: int | None = None) -> Path:
    """Fill and resolve a store of all Timeline17 articles (or a reproducible mix of ``size``
    across its stories) at ``path``, replaced if there."""
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    articles = t17_corpus.articles()
    if size is not None:
        articles = t17_corpus.mix(articles, size)
    version = {"pipeline_version": Config().pipeline_version}
    started = time.perf_counter()
    with Store.open(str(partial)) as store:
        for a in articles:
            # The cached document's raw_ref is its file's hash; here its text is its raw form.
            doc = a.document.model_copy(
                update={
                    "published": a.gold.isoformat(),
                    "published_basis": "metadata",
                    "raw_ref": None,
                }
            )
            raw = doc.text.encode("utf-8")
            store.add_document(
                Ingested(document=doc, raw=raw), a.analysis.model_copy(update=version)
            )
        print(f"filled {len(articles)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        update_story(store, Config())
    print(f"resolved in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    partial.replace(path)
    return path


def story(path: Path = STORE, size: int | None = None) -> ResolvedStory:
    """The stored story, building the store first when it is not there."""
    if not path.exists():
        build(path, size)
    with Store.open(str(path)) as store:
        return store.read_story()


if __name__ == "__main__":
    build()
