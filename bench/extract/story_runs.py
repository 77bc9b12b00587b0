"""What the story benchmarks share: storyline's stories of a list of articles (through
group_stories, as `storyline build` makes them), the anchors beside them, and their scores
against the articles' gold topics."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bench.article_cache import Article
from bench.extract import story_anchors
from bench.extract.cluster_scores import adjusted_mutual_information, b_cubed
from storyline.model import Document, Story
from storyline.resolve.entities import resolve_entities
from storyline.resolve.story_groups import group_stories
from storyline.resolve.story_state import StreamState
from storyline.timex.anchor import anchor_date as publication_day


@dataclass
class StoryRun:
    stories: list[Story]
    story_of: dict[str, str]  # document id -> story id
    seconds: float  # clustering and titles, without resolving entities
    state: StreamState


def documents(articles: Sequence[Article], *, dated: bool) -> list[Document]:
    """The articles' documents, with their gold day as metadata when ``dated``."""
    if not dated:
        return [a.document for a in articles]
    return [
        a.document.model_copy(
            update={"published": a.gold.isoformat(), "published_basis": "metadata"}
        )
        for a in articles
    ]


def run_stories(articles: Sequence[Article], *, dated: bool) -> StoryRun:
    docs = documents(articles, dated=dated)
    analyses = list({a.analysis.doc: a.analysis for a in articles}.values())
    entities, remap = resolve_entities(analyses)
    state = StreamState()
    start = time.perf_counter()
    stories = group_stories(analyses, remap, entities, [], documents=docs, state=state)
    seconds = time.perf_counter() - start
    story_of = {d: s.id for s in stories for d in s.documents}
    return StoryRun(stories, story_of, seconds, state)


def anchors(articles: Sequence[Article], *, dated: bool) -> dict[str, dict[str, str]]:
    """The anchors' document -> story maps."""
    analyses = list({a.analysis.doc: a.analysis for a in articles}.values())
    _, remap = resolve_entities(analyses)
    days = {d.id: publication_day(d) for d in documents(articles, dated=dated)}
    return {
        "shared_actors_components": story_anchors.shared_actors(analyses, remap),
        "one_story_per_year": story_anchors.by_year(days),
    }


def gold_topics(articles: Sequence[Article]) -> dict[str, str]:
    """Document id -> topic, each document once; a document filed under two topics (the same
    wire copy in two folders) is left out of the score."""
    topics: dict[str, set[str]] = {}
    for a in articles:
        topics.setdefault(a.document.id, set()).add(a.split)
    return {doc: next(iter(t)) for doc, t in topics.items() if len(t) == 1}


def scores(gold: Mapping[str, str], found: Mapping[str, str]) -> dict[str, Any]:
    """B³ and AMI in percent, over the gold documents."""
    docs = sorted(gold)
    g = [gold[d] for d in docs]
    f = [found.get(d, f"unplaced:{d}") for d in docs]
    b3 = b_cubed(g, f)
    return {
        "documents": len(docs),
        "stories": len(set(f)),
        "b_cubed_precision": round(100 * b3["precision"], 2),
        "b_cubed_recall": round(100 * b3["recall"], 2),
        "b_cubed_f1": round(100 * b3["f1"], 2),
        "ami": round(100 * adjusted_mutual_information(g, f), 2),
    }
