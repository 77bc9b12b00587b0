"""Timeline17 articles as storyline documents, with their publication days.

Timeline17 (../shared/eval-data/timeline17/raw) holds 4,650 articles on nine stories (BP oil
spill, Egypt, the financial crisis, H1N1, the Haiti quake, Iraq, Libya, Michael Jackson, Syria)
from BBC, CNN, Fox News, the Guardian, Reuters and the Washington Post, filed under
``<Topic_source>/InputDocs/<YYYY-MM-DD>/<n>.htm.txt``: the folder is the publication day and the
only date metadata. Unlike PolNeAR, several outlets report the same days, which is what
cross-document dating needs.

The texts are tokenized the Penn Treebank way (``-LRB-``, ``` `` ```, ``''``, `` , ``); they are
put back into running text here (a reader of the benchmark's own, not part of storyline), then
read under neutral names (bench/article_cache.py). Articles are keyed by source folder, day and
file name: the same file name recurs across sources.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.article_cache import Article, Source, load
from bench.results import EVAL_DATA, OUT
from storyline.model import Document

DATA = EVAL_DATA / "timeline17" / "raw"
CACHE = OUT / "t17-cache"

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_GLUE_LEFT = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'S\b)")
_GLUE_RIGHT = re.compile(r"(?<=[(\[{$]) ")
_OPEN_QUOTE = re.compile(r"`` ?")
_CLOSE_QUOTE = re.compile(r" ?''")


def available(data: Path = DATA) -> bool:
    return data.is_dir()


def topic_of(folder: str) -> str:
    """The story a source folder belongs to: ``bpoil_bbc`` -> ``bpoil``."""
    return folder.split("_", 1)[0]


def detokenize(text: str) -> str:
    """Penn Treebank tokens back into running text, line by line (a line is a sentence)."""
    lines = []
    for line in text.splitlines():
        for token, char in _BRACKETS.items():
            line = line.replace(token, char)
        line = _OPEN_QUOTE.sub('"', line)
        line = _CLOSE_QUOTE.sub('"', line)
        line = _GLUE_LEFT.sub("", line)
        line = _GLUE_RIGHT.sub("", line)
        lines.append(line.strip())
    return "\n".join(line for line in lines if line) + "\n"


def article_files(data: Path = DATA, topics: Sequence[str] | None = None) -> list[Path]:
    """The file of every article (of some topics): each ``<Topic_source>/InputDocs/<day>/*.txt``
    whose day folder is named by a date, in folder, day and name order."""
    return [path for path, _ in _dated_files(data, topics)]


def sources(data: Path = DATA, topics: Sequence[str] | None = None) -> list[Source]:
    """Every article (of some topics), in time order, then by key."""
    found = []
    for path, gold in _dated_files(data, topics):
        folder = path.parent.parent.parent.name
        key = f"{folder}/{path.parent.name}/{path.name}"
        publisher = folder.split("_", 1)[-1]
        found.append(Source(key, topic_of(folder), publisher, gold, _reader(path)))
    return sorted(found, key=lambda s: (s.gold, s.key))


def _dated_files(data: Path, topics: Sequence[str] | None) -> list[tuple[Path, dt.date]]:
    found: list[tuple[Path, dt.date]] = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if topics is not None and topic_of(folder.name) not in topics:
            continue
        for day_dir in sorted((folder / "InputDocs").iterdir()):
            try:
                gold = dt.date.fromisoformat(day_dir.name)
            except ValueError:
                continue
            found.extend((path, gold) for path in sorted(day_dir.glob("*.txt")))
    return found


def _reader(path: Path) -> Callable[[], bytes]:
    def read() -> bytes:
        return detokenize(path.read_text(encoding="utf-8", errors="replace")).encode("utf-8")

    return read


def articles(
    topics: Sequence[str] | None = None,
    *,
    per_topic: int | None = None,
    data: Path = DATA,
    refresh: bool = False,
    workers: int = 1,
    cache: Path | None = CACHE,
) -> list[Article]:
    """The articles of some topics (all by default), analyzed by storyline; ``per_topic``
    keeps every k-th article of each topic so that about that many remain, spread over its
    whole period."""
    chosen = sources(data, topics)
    if per_topic:
        chosen = _spread(chosen, per_topic)
    return load(chosen, corpus="t17", cache=cache, refresh=refresh, workers=workers)


def _spread(chosen: list[Source], per_topic: int) -> list[Source]:
    by_topic: dict[str, list[Source]] = {}
    for s in chosen:
        by_topic.setdefault(s.split, []).append(s)
    kept = []
    for group in by_topic.values():
        step = max(1, len(group) // per_topic)
        kept.extend(group[::step][:per_topic])
    return sorted(kept, key=lambda s: (s.gold, s.key))


def mix(articles: list[Article], size: int) -> list[Article]:
    """``size`` articles drawn reproducibly across topics, in time order."""
    chosen = random.Random(size).sample(articles, size)
    return sorted(chosen, key=lambda a: (a.gold, a.key))


def half_dated(chosen: Sequence[Article]) -> list[Document]:
    """The documents of a mix as a user's pile of pages would hold them: every other one
    with its publication day as metadata, the others undated."""
    return [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
        )
        if i % 2 == 0
        else a.document
        for i, a in enumerate(chosen)
    ]
