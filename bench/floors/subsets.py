"""The quality floors: for each, the corpus files it reads, how it reads them and what it
scores. The floor tests (tests/quality/test_floor_*.py) and `python -m bench.floors --update`
both measure through these, so an update measures exactly what the test checks.

- tempeval: the time tagger on 25 TempEval-3 TBAQ-cleaned documents (every 10th file in name
  order, from the 4th), scored as TempEval-3 scores (bench/timex/scoring.py);
- meantime: the same on all 90 MEANTIME English documents, a corpus the rules were not
  written on;
- meantime_events: event dates on the same documents against their event-to-time links,
  every gold verb dated by storyline's rules (bench/extract/meantime_events.py --every-verb);
- meantime_entities: named entity mentions (strict, overlap, typed) and within-document
  coreference (B³) on the same documents (bench/extract/meantime_entities.py);
- meantime_crossdoc: entities across documents on the same documents, each corpus one story
  (bench/extract/meantime_crossdoc.py): B³ and the CoNLL F1 against the gold instances;
- meantime_crossdoc_events: events across documents on the same documents, each corpus one
  story, every gold verb an event (bench/extract/meantime_crossdoc_events.py --every-verb):
  B³ of the merged events against the gold cross-document event instances;
- polnear: publication dates of PolNeAR's dev split (84 articles), (a) text only and (b)
  leave-one-out within the split (bench/dating/settings.py);
- t17: publication dates of Timeline17's haiti topic (296 files, 286 articles once the empty
  ones are left out), settings (a), (b) and (c) of bench/dating/t17.py;
- plover: event type and actors on the 161 PLOVER gold records of the dev half, through
  `storyline analyze` (bench/extract/plover.py);
- quotes: direct quotes and their speakers on PolNeAR's dev split (84 articles, 725 quotes),
  scored as bench/extract/quotes.py scores them;
- stories: the stories of WikiRef220's 220 undated articles against their topics, B³ and AMI
  (bench/extract/t17_stories.py, whose thresholds were set on Timeline17);
- tls: the summary timeline on one Timeline17 task, the Guardian's swine flu timeline over
  the 98 H1N1 article files of its days (bench/summary/t17_floor.py).

Articles are parsed afresh (no cache): a floor measures the code as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from bench.article_cache import Article
from bench.dating import polnear_corpus, t17_corpus
from bench.dating.score import score as score_dates
from bench.dating.settings import TODAY, leave_one_out, text_only
from bench.dating.t17 import SETTINGS as T17_SETTINGS
from bench.extract import (
    meantime_crossdoc,
    meantime_crossdoc_events,
    meantime_entities,
    meantime_events,
    plover,
    plover_corpus,
    polnear_quotes,
    wikiref220,
)
from bench.extract.quotes import Run, cleaned_documents, run_storyline, score_runs
from bench.floors.gate import pinned_corpus
from bench.results import EVAL_DATA, REPO
from bench.summary import t17_floor
from bench.summary.t17_gold import T17 as T17_DATA
from bench.timex import meantime, tempeval
from bench.timex.meantime_reader import load_meantime, meantime_files
from bench.timex.scoring import TimeMLDocument, Timex, metrics, score

FLOOR_FILES = REPO / "tests" / "quality" / "floors"

T = TypeVar("T")


@dataclass(frozen=True)
class Floor(Generic[T]):
    name: str  # also the floor file's name: tests/quality/floors/<name>.json
    root: Path  # the corpus folder, under ../shared/eval-data
    files: Callable[[], list[Path]]  # exactly the files load() reads
    load: Callable[[], T]
    measure: Callable[[T], dict[str, Any]]

    @property
    def path(self) -> Path:
        return FLOOR_FILES / f"{self.name}.json"

    @property
    def update_command(self) -> str:
        return f"python -m bench.floors --update {self.name}"

    def corpus(self) -> dict[str, Any]:
        """The corpus as it is now, in the form a floor file pins it."""
        return pinned_corpus(self.root, self.files(), EVAL_DATA)


def tagger_scores(documents: Sequence[TimeMLDocument]) -> dict[str, float]:
    """TempEval-3 metrics of extract_times on the documents, each anchored on its DCT."""
    from storyline.analyze.nlp import load_pipeline
    from storyline.analyze.times import extract_times
    from storyline.config import DEFAULT_MODEL
    from storyline.model import Document, document_id

    nlp = load_pipeline(DEFAULT_MODEL)
    pairs = []
    for gold, sdoc in zip(documents, nlp.pipe([d.text for d in documents]), strict=True):
        document = Document(
            id=document_id(gold.text), source=gold.name, text=gold.text, published=gold.dct
        )
        found = [
            Timex(t.evidence.start, t.evidence.end, t.type, t.value, t.evidence.text)
            for t in extract_times(sdoc, document)
        ]
        pairs.append((list(gold.timexes), found))
    return metrics(score(pairs))


def _tempeval_files() -> list[Path]:
    return tempeval.tml_files(tempeval.DATA)[3::10][:25]


TEMPEVAL = Floor(
    "tempeval",
    tempeval.DATA,
    _tempeval_files,
    lambda: tempeval.read_documents(_tempeval_files()),
    tagger_scores,
)

MEANTIME = Floor(
    "meantime",
    meantime.DATA,
    lambda: meantime_files(meantime.DATA),
    lambda: load_meantime(meantime.DATA),
    tagger_scores,
)

MEANTIME_EVENTS = Floor(
    "meantime_events",
    meantime.DATA,
    lambda: meantime_files(meantime.DATA),
    lambda: meantime_files(meantime.DATA),
    meantime_events.floor_scores,
)

MEANTIME_ENTITIES = Floor(
    "meantime_entities",
    meantime.DATA,
    lambda: meantime_files(meantime.DATA),
    lambda: meantime_files(meantime.DATA),
    meantime_entities.floor_scores,
)


MEANTIME_CROSSDOC = Floor(
    "meantime_crossdoc",
    meantime.DATA,
    lambda: meantime_files(meantime.DATA),
    lambda: meantime_files(meantime.DATA),
    meantime_crossdoc.floor_scores,
)
MEANTIME_CROSSDOC_EVENTS = Floor(
    "meantime_crossdoc_events",
    meantime.DATA,
    lambda: meantime_files(meantime.DATA),
    lambda: meantime_files(meantime.DATA),
    meantime_crossdoc_events.floor_scores,
)


POLNEAR_SPLIT = "dev"


def _polnear_files() -> list[Path]:
    # metadata.tsv gives each article's split and gold day.
    data = polnear_corpus.DATA
    dev = [e.path for e in polnear_corpus.entries(data) if e.split == POLNEAR_SPLIT]
    return [data / "metadata.tsv", *dev]


def _polnear_scores(articles: list[Article]) -> dict[str, Any]:
    return {
        "text_only": score_dates(text_only(articles), today=TODAY),
        "leave_one_out": score_dates(leave_one_out(articles), today=TODAY),
    }


POLNEAR = Floor(
    "polnear",
    polnear_corpus.DATA,
    _polnear_files,
    lambda: polnear_corpus.load(splits=(POLNEAR_SPLIT,), cache=None),
    _polnear_scores,
)


T17_TOPIC = "haiti"


def _t17_scores(articles: list[Article]) -> dict[str, Any]:
    return {
        name: score_dates([p for p in run(articles) if p is not None], today=TODAY)
        for name, run in T17_SETTINGS.values()
    }


T17 = Floor(
    "t17",
    t17_corpus.DATA,
    lambda: t17_corpus.article_files(t17_corpus.DATA, [T17_TOPIC]),
    lambda: t17_corpus.articles([T17_TOPIC], cache=None),
    _t17_scores,
)


def _plover_scores(records: list[plover_corpus.GoldRecord]) -> dict[str, Any]:
    scores, _ = plover.measure(records)
    return scores.as_dict()


PLOVER = Floor(
    "plover",
    plover_corpus.DATA.parent,
    lambda: [plover_corpus.DATA],
    plover_corpus.records,
    _plover_scores,
)

QUOTES_SPLIT = "dev"


def _quote_runs() -> list[Run]:
    articles = polnear_quotes.load(QUOTES_SPLIT)
    return run_storyline(articles, cleaned_documents(articles), cache=None)


QUOTES = Floor(
    "quotes",
    polnear_quotes.DATA,
    lambda: polnear_quotes.files(QUOTES_SPLIT),
    _quote_runs,
    score_runs,
)


def _story_scores(articles: list[Article]) -> dict[str, Any]:
    from bench.extract.story_runs import gold_topics, run_stories, scores

    found = scores(gold_topics(articles), run_stories(articles, dated=False).story_of)
    return {k: found[k] for k in ("b_cubed_precision", "b_cubed_recall", "b_cubed_f1", "ami")}


STORIES = Floor(
    "stories",
    wikiref220.DATA,
    wikiref220.files,
    lambda: wikiref220.articles(cache=None),
    _story_scores,
)
TLS = Floor("tls", T17_DATA, t17_floor.files, t17_floor.load, t17_floor.measure)

FLOORS: dict[str, Floor[Any]] = {
    f.name: f
    for f in (
        TEMPEVAL,
        MEANTIME,
        MEANTIME_EVENTS,
        MEANTIME_ENTITIES,
        MEANTIME_CROSSDOC,
        MEANTIME_CROSSDOC_EVENTS,
        POLNEAR,
        T17,
        PLOVER,
        QUOTES,
        STORIES,
        TLS,
    )
}
