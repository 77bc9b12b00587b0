"""Dates the user knows (--anchor, --anchors): read from the command line or a file, kept in
the store so that every later build dates with them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from storyline.errors import StorylineError
from storyline.resolve.dating import Anchor, load_anchors, make_anchor, parse_anchor
from storyline.store import Store

# Where a store keeps the dates the user gave, so every later command uses them.
ANCHORS_KEY = "dating.anchors"


def read_anchors(texts: Sequence[str] = (), path: Path | None = None) -> list[Anchor]:
    """Anchors from a TOML file and "event words=YYYY-MM-DD" texts; a bad one raises a
    StorylineError naming it."""
    try:
        found = load_anchors(path) if path is not None else []
        found.extend(parse_anchor(text) for text in texts)
    except ValueError as exc:
        raise StorylineError(str(exc), hint='write anchors as "event words=YYYY-MM-DD"') from exc
    return found


def save_anchors(store: Store, anchors: Sequence[Anchor]) -> list[Anchor]:
    """Add anchors to the store's (an anchor with the same words replaces the older one)."""
    merged = {a.words.lower(): a for a in stored_anchors(store)}
    merged.update({a.words.lower(): a for a in anchors})
    kept = list(merged.values())
    store.set_meta(ANCHORS_KEY, json.dumps([{"event": a.words, "date": a.date} for a in kept]))
    return kept


def stored_anchors(store: Store) -> list[Anchor]:
    raw = store.get_meta(ANCHORS_KEY)
    if not raw:
        return []
    return [make_anchor(item["event"], item["date"]) for item in json.loads(raw)]
