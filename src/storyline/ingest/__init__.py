"""Ingest: paths, directories, globs and stdin in; a Document or a Rejection out for each
article found.

Formats: plain text, HTML, JSON Lines (and JSON), WARC / WARC.gz, detected by extension and
content; any of them gzip-compressed (page.html.gz), and zip archives of them (archive.py).
Each article's text is cleaned of page residue (clean.py, with the rules in ingest/data/) and
its id is the hash of the cleaned text, so the same article always gets the same id. Bad input
never raises: it becomes a Rejection whose reason is one of REJECTION_REASONS.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.config import Config
from storyline.ingest.assemble import Draft, build_document
from storyline.ingest.paths import STDIN_NAME, expand_paths
from storyline.ingest.read import read_file, read_stdin
from storyline.ingest.reasons import REJECTION_REASONS, Rejected
from storyline.model import Ingested, Rejection

__all__ = ["REJECTION_REASONS", "STDIN_NAME", "expand_paths", "ingest"]


def ingest(
    paths: Sequence[str], config: Config, stdin: BinaryIO | None = None
) -> Iterator[Ingested | Rejection]:
    """Every article in `paths`, in a deterministic order ("-" reads `stdin`, by default the
    process's standard input)."""
    for name, path in expand_paths(paths):
        yield from _ingest_one(name, path, config, stdin)


def _ingest_one(
    name: str, path: Path | None, config: Config, stdin: BinaryIO | None
) -> Iterator[Ingested | Rejection]:
    if path is None:
        items = read_stdin(stdin if stdin is not None else sys.stdin.buffer, config.max_bytes)
    else:
        items = read_file(name, path, config.max_bytes)
    try:
        for item in items:
            yield _document(item) if isinstance(item, Draft) else item
    except Rejected as exc:
        yield exc.rejection(name)
    except Exception as exc:  # a bug must cost one input, not the whole run
        yield Rejection(source=name, reason="error", detail=f"{type(exc).__name__}: {exc}")


def _document(draft: Draft) -> Ingested | Rejection:
    try:
        return build_document(draft)
    except Exception as exc:
        return Rejection(source=draft.source, reason="error", detail=f"{type(exc).__name__}: {exc}")
