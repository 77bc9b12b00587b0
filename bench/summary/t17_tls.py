"""Summary timelines on Timeline17 with the news-tls protocol (Ghalandari & Ifrim 2020).

One task per reference timeline (19): the topic's articles (analyses from the parse cache,
bench/dating/t17_corpus.py), each with its folder's day as its publication date from
metadata, as news-tls gives it, and those published outside the reference's first..last day
left out; the budget is the reference's number of days (L) and its mean sentences a day,
rounded (k). Timelines are made by storyline.summarize.summary_timeline, the function
`storyline timeline --summary` calls, and scored by tls_metric (AR1-F, AR2-F with
align+ m:1, Date-F1; P and R averaged over tasks, F from the averages).

In the same run, a simple anchor: the days most sentences name, each with the first k
sentences that name it. From the literature: DATEWISE 0.120 / 0.035 / 0.544.

The rules were set looking at the development topics (bpoil, finan, h1n1, haiti: the DEV
topics of bench/figures) only; the others are reported apart as held out.

    python -m bench.summary.t17_tls [--topics bpoil haiti]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from bench.article_cache import Article
from bench.dating import t17_corpus
from bench.results import write_run
from bench.summary.t17_gold import NEWS_TLS, ReferenceTimeline, references
from bench.summary.tls_metric import PRF, Timeline, averaged, rounded, task_scores
from storyline.model import Analysis, Document
from storyline.resolve.dating.redate import redate_analysis
from storyline.summarize import summary_timeline
from storyline.timex.days import day_of

DEV_TOPICS = ("bpoil", "finan", "h1n1", "haiti")
DATEWISE = {"ar1": 0.120, "ar2": 0.035, "date": 0.544}
GOAL = {"ar1": 0.140, "ar2": 0.045, "date": 0.580}

Corpus = tuple[list[Document], list[Analysis]]
System = Callable[[Corpus, ReferenceTimeline], Timeline]


def as_published(articles: Sequence[Article]) -> Corpus:
    """The articles as a store holds them when each came with its day as metadata: the
    document dated, its analysis resolved against that day."""
    documents = [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
        )
        for a in articles
    ]
    return documents, [redate_analysis(a.analysis, a.gold) for a in articles]


def within(corpus: Corpus, ref: ReferenceTimeline) -> Corpus:
    """The articles published between the reference's first and last day."""
    documents, analyses = corpus
    kept = {
        d.id for d in documents if ref.first.isoformat() <= str(d.published) <= ref.last.isoformat()
    }
    return [d for d in documents if d.id in kept], [a for a in analyses if a.doc in kept]


def storyline_system(corpus: Corpus, ref: ReferenceTimeline) -> Timeline:
    documents, analyses = corpus
    lines = summary_timeline(
        documents,
        analyses,
        max_dates=len(ref.timeline),
        sentences=ref.sentences_per_day,
        since=ref.first,
        until=ref.last,
    )
    return {dt.date.fromisoformat(line.date): line.sentences for line in lines}


def mention_baseline(corpus: Corpus, ref: ReferenceTimeline) -> Timeline:
    """The anchor: the L days most sentences name, each with the first k sentences naming it
    (articles in publication order)."""
    documents, analyses = corpus
    texts = {d.id: d.text for d in documents}
    order = {d.id: (str(d.published), d.id) for d in documents}
    named: dict[dt.date, list[str]] = {}
    for a in sorted(analyses, key=lambda a: order[a.doc]):
        for s in a.sentences:
            days = {
                day
                for te in a.times
                if s.start <= te.evidence.start < s.end
                and (day := day_of(te.value)) is not None
                and ref.first <= day <= ref.last
            }
            for day in days:
                named.setdefault(day, []).append(texts[a.doc][s.start : s.end].strip())
    counts = Counter({day: len(s) for day, s in named.items()})
    top = [day for day, _ in counts.most_common(len(ref.timeline))]
    return {day: named[day][: ref.sentences_per_day] for day in top}


def run(refs: Sequence[ReferenceTimeline], systems: dict[str, System]) -> dict[str, Any]:
    tasks: dict[str, dict[str, dict[str, PRF]]] = {name: {} for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    articles = 0
    versions: set[str] = set()
    topics = sorted({r.raw_topic for r in refs})
    by_topic: dict[str, list[Article]] = {}
    for a in t17_corpus.articles(topics=topics):  # the parse cache is read once
        by_topic.setdefault(a.split, []).append(a)
    for raw_topic in topics:
        corpus = as_published(by_topic.get(raw_topic, []))
        for ref in (r for r in refs if r.raw_topic == raw_topic):
            task = within(corpus, ref)
            articles += len(task[0])
            versions.update(a.pipeline_version for a in task[1])
            for name, system in systems.items():
                start = time.perf_counter()
                timeline = system(task, ref)
                seconds[name] += time.perf_counter() - start
                tasks[name][ref.name] = task_scores(timeline, ref.timeline)
            print(ref.name, _line(tasks["storyline"][ref.name]), flush=True)
    return {"tasks": tasks, "seconds": seconds, "articles": articles, "versions": sorted(versions)}


def _line(scores: dict[str, PRF]) -> str:
    return " ".join(f"{m} {s.f1:.4f}" for m, s in scores.items())


def summary(found: dict[str, Any], refs: Sequence[ReferenceTimeline]) -> dict[str, Any]:
    splits = {
        "all": [r.name for r in refs],
        "dev": [r.name for r in refs if r.topic in DEV_TOPICS],
        "held_out": [r.name for r in refs if r.topic not in DEV_TOPICS],
    }
    out: dict[str, Any] = {}
    for system, tasks in found["tasks"].items():
        out[system] = {
            split: {
                "tasks": len(names),
                **{m: rounded(s) for m, s in averaged([tasks[n] for n in names]).items()},
            }
            for split, names in splits.items()
            if names
        }
        out[system]["per_task"] = {
            n: {m: rounded(s) for m, s in t.items()} for n, t in tasks.items()
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", nargs="*", help="news-tls topics (default: all nine)")
    args = parser.parse_args(argv)
    if not NEWS_TLS.is_dir() or not t17_corpus.available():
        print(f"{NEWS_TLS} or the raw Timeline17 articles are not present", file=sys.stderr)
        return 1
    refs = references(args.topics)
    start = time.perf_counter()
    found = run(refs, {"storyline": storyline_system, "baseline": mention_baseline})
    scores = summary(found, refs)
    for system in ("storyline", "baseline"):
        for split in ("all", "dev", "held_out"):
            if split in scores[system]:
                s = scores[system][split]
                print(
                    f"{system:9} {split:8} AR1-F {s['ar1']['f']:.4f}  AR2-F {s['ar2']['f']:.4f}"
                    f"  Date-F1 {s['date']['f']:.4f}  ({s['tasks']} tasks)"
                )
    print(
        f"DATEWISE (ACL 2020)   AR1-F {DATEWISE['ar1']}  AR2-F {DATEWISE['ar2']}  "
        f"Date-F1 {DATEWISE['date']}"
    )
    print(
        f"summary_timeline: {found['seconds']['storyline']:.1f} s for {len(refs)} tasks "
        f"({found['articles']} articles); whole run {time.perf_counter() - start:.1f} s"
    )
    write_run(
        "t17_tls.json",
        "bench.summary.t17_tls",
        command="python -m bench.summary.t17_tls"
        + (f" --topics {' '.join(args.topics)}" if args.topics else ""),
        topics=sorted({r.topic for r in refs}),
        dev_topics=list(DEV_TOPICS),
        datewise=DATEWISE,
        goal=GOAL,
        seconds_summary_timeline=round(found["seconds"]["storyline"], 1),
        seconds_baseline=round(found["seconds"]["baseline"], 1),
        seconds_total=round(time.perf_counter() - start, 1),
        articles=found["articles"],
        analyses_pipeline_versions=found["versions"],
        scores=scores,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
