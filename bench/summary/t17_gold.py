"""Timeline17's 19 reference timelines as news-tls reads them, and timelines in the T17 text
format (a ``YYYY-MM-DD`` line, one sentence a line, a line of dashes).

The references come from ../shared/eval-data/timeline17/news-tls-format/<topic>/timelines.jsonl
(one timeline a line: ``[["YYYY-MM-DDT00:00:00", [sentence, ...]], ...]``). Each is named
``<topic>_<file>`` after the raw timeline file with the same days (``bpoil_rbpoil``,
``syria_tl2.3``): the names published system outputs use.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from bench.results import EVAL_DATA

T17 = EVAL_DATA / "timeline17"
NEWS_TLS = T17 / "news-tls-format"
RAW = T17 / "raw"


@dataclass(frozen=True)
class ReferenceTimeline:
    name: str  # <topic>_<raw file stem>
    topic: str  # news-tls topic folder: bpoil, egypt, finan, h1n1, haiti, iraq, libya, mj, syria
    timeline: dict[dt.date, list[str]]
    raw_topic: str  # the raw folders' topic its articles are filed under: bpoil, IraqWar, ...

    @property
    def first(self) -> dt.date:
        return min(self.timeline)

    @property
    def last(self) -> dt.date:
        return max(self.timeline)

    @property
    def sentences_per_day(self) -> int:
        """k of the news-tls protocol: the mean number of sentences a day, rounded."""
        return round(sum(len(s) for s in self.timeline.values()) / len(self.timeline))


def read_t17_text(path: Path, *, keep_empty: bool = False) -> dict[dt.date, list[str]]:
    """A timeline in the T17 text format; lines before the first date are ignored, and so
    are days with no sentence unless ``keep_empty`` (a system's output: the day was chosen)."""
    timeline: dict[dt.date, list[str]] = {}
    day: dt.date | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or set(line) == {"-"}:
            continue
        try:
            day = dt.date.fromisoformat(line)
            timeline.setdefault(day, [])
            continue
        except ValueError:
            pass
        if day is not None:
            timeline[day].append(line)
    return {d: s for d, s in timeline.items() if s or keep_empty}


def _raw_names() -> dict[Path, set[dt.date]]:
    return {p: set(read_t17_text(p)) for p in sorted(RAW.glob("*/timelines/*.txt"))}


def references(topics: list[str] | None = None) -> list[ReferenceTimeline]:
    """The 19 reference timelines (of some topics), by topic then name."""
    raw = _raw_names()
    found = []
    for folder in sorted(p for p in NEWS_TLS.iterdir() if (p / "timelines.jsonl").is_file()):
        if topics is not None and folder.name not in topics:
            continue
        for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            timeline = {dt.date.fromisoformat(day[:10]): list(s) for day, s in json.loads(line)}
            days = set(timeline)
            twin = max(raw, key=lambda p: len(days & raw[p]) / len(days | raw[p]))
            name = f"{folder.name}_{twin.name.removesuffix('.txt')}"
            raw_topic = twin.parent.parent.name.split("_", 1)[0]
            found.append(ReferenceTimeline(name, folder.name, timeline, raw_topic))
    return sorted(found, key=lambda r: r.name)
