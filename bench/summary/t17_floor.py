"""The quality floor of the summary timeline (tests/quality/test_floor_tls.py): one
Timeline17 task small enough to parse in the test, the Guardian's swine flu timeline (12
days, 2009-03-18..2009-04-29), over the 98 H1N1 article files published in its range
(parsed afresh, no cache), scored as bench/summary/t17_tls.py scores every task. Scores in
percent, as the floor files keep them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.article_cache import load as load_articles
from bench.dating import t17_corpus
from bench.summary.t17_gold import NEWS_TLS, RAW, ReferenceTimeline, references
from bench.summary.t17_tls import Corpus, as_published, storyline_system, within
from bench.summary.tls_metric import task_scores

TASK = "h1n1_swine_flu_guardian"
TOPIC = "h1n1"
RAW_TOPIC = "H1N1"

Task = tuple[Corpus, ReferenceTimeline]


def reference() -> ReferenceTimeline:
    [ref] = [r for r in references([TOPIC]) if r.name == TASK]
    return ref


def files() -> list[Path]:
    """Exactly what load() reads: the task's article files, the topic's references and the
    raw timeline files that name them."""
    ref = reference()
    articles = [
        path
        for path in t17_corpus.article_files(t17_corpus.DATA, [RAW_TOPIC])
        if ref.first.isoformat() <= path.parent.name <= ref.last.isoformat()
    ]
    return [*articles, NEWS_TLS / TOPIC / "timelines.jsonl", *sorted(RAW.glob("*/timelines/*.txt"))]


def load() -> Task:
    ref = reference()
    chosen = [s for s in t17_corpus.sources(topics=[RAW_TOPIC]) if ref.first <= s.gold <= ref.last]
    articles = load_articles(chosen, corpus="t17", cache=None)
    return within(as_published(articles), ref), ref


def measure(task: Task) -> dict[str, Any]:
    corpus, ref = task
    scores = task_scores(storyline_system(corpus, ref), ref.timeline)
    return {
        "ar1_f": round(100 * scores["ar1"].f1, 2),
        "ar2_f": round(100 * scores["ar2"].f1, 2),
        "date_f1": round(100 * scores["date"].f1, 2),
    }
