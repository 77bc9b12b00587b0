"""The seeds resolved as one story, once per test session (parsing them takes a while)."""

from __future__ import annotations

from functools import cache

from storyline.config import Config
from storyline.model import ResolvedStory


@cache
def seed_story(seeds: str) -> ResolvedStory:
    from storyline.pipeline.stages import analyze
    from storyline.resolve.corpus import resolve_story
    from storyline.summarize.timeline import build_timeline

    pairs = [i for i in analyze([seeds], Config()) if isinstance(i, tuple)]
    story = resolve_story([d for d, _ in pairs], [a for _, a in pairs])
    story.timeline = build_timeline(story.events, story.quotes)
    return story
