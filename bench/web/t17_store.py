"""A store of the Timeline17 articles, analysed and resolved, for the web benchmarks: the
served app's load (bench/web/load.py) and the report's (bench/web/report_load.py).

Each article is given its gold day as metadata (no dating to infer, which would add minutes)
and its publisher (the corpus folder's: bbc, cnn, ...) as its outlet, so filters by source have
something to find, stored with its cached analysis (bench/dating/t17_corpus.py: nothing is
parsed when the cache is warm) and the story resolved once, as `storyline build` would. The
store is kept under bench/out/ keyed by the pipeline version (and the size of a smaller mix),
so a second run reuses it; a store whose build was killed has no stored story and is built
again.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.dating import t17_corpus
from bench.results import OUT
from storyline.config import Config
from storyline.model import Ingested, ResolvedStory
from storyline.pipeline.anchors import stored_anchors
from storyline.pipeline.stages import story_fingerprint, update_story
from storyline.store import Store


def store_path(config: Config | None = None, size: int | None = None) -> Path:
    """Where the store of every article (``size`` None) or of a mix of ``size`` is kept."""
    version = (config or Config()).pipeline_version
    mix = "" if size is None else f"-{size}"
    return OUT / f"t17-web-{version}{mix}.db"


def ready(path: Path, config: Config | None = None) -> bool:
    """True when the store at ``path`` holds a resolved story with nothing pending (opened
    to write: a store of an older schema is brought forward). A story resolved by another
    RESOLVE_VERSION is resolved again in place: its analyses are this pipeline version's."""
    if not path.exists():
        return False
    config = config or Config()
    with Store.open(str(path)) as store:
        stored = store.story_fingerprint()
        if stored is None or store.count_pending() > 0:
            return False
        if stored != story_fingerprint(config, stored_anchors(store)):
            started = time.perf_counter()
            update_story(store, config)
            print(f"resolved the story again in {time.perf_counter() - started:.0f} s: {path}")
        return True


def build_store(config: Config | None = None, size: int | None = None) -> Path:
    """The Timeline17 store for this pipeline version (every article, or a reproducible mix
    of ``size`` across its stories), built when missing or unfinished."""
    config = config or Config()
    path = store_path(config, size)
    if ready(path, config):
        return path
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    articles = t17_corpus.articles()
    if size is not None:
        articles = t17_corpus.mix(articles, size)
    with Store.open(str(path)) as store:
        for a in articles:
            # The raw bytes stored are the cleaned text, so the document's own raw_ref (the
            # hash of the file ingest read) is dropped and recomputed from them.
            doc = a.document.model_copy(
                update={
                    "published": a.gold.isoformat(),
                    "published_basis": "metadata",
                    "outlet": a.publisher,
                    "raw_ref": None,
                }
            )
            analysis = a.analysis.model_copy(update={"pipeline_version": config.pipeline_version})
            store.add_document(Ingested(document=doc, raw=doc.text.encode()), analysis)
        print(f"stored {len(articles)} articles in {time.perf_counter() - started:.0f} s")
        update_story(store, config)
    print(f"resolved the story in {time.perf_counter() - started:.0f} s: {path}")
    return path


def story(size: int | None = None) -> ResolvedStory:
    """The stored story of every article (or of a mix of ``size``), built first if needed."""
    with Store.open(str(build_store(size=size))) as store:
        return store.read_story()


if __name__ == "__main__":
    build_store()
