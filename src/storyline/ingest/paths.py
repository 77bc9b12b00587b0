"""From what the user typed (files, directories, globs, "-") to a deterministic list of inputs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

STDIN = "-"
STDIN_NAME = "<stdin>"


def is_pattern(text: str) -> bool:
    return glob.has_magic(text)


def expand_paths(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """(source name, path) for every input; the path is None for standard input.

    Directories are walked recursively in sorted order, skipping hidden files and folders;
    globs are expanded (recursive "**" allowed) in sorted order. Nothing is checked here: a
    missing path, a glob matching nothing, or a directory that cannot be listed comes out as
    itself, and reading it reports why (so every input gets exactly one verdict).
    """
    for given in paths:
        if given == STDIN:
            yield STDIN_NAME, None
        elif is_pattern(given) and not os.path.lexists(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield given, Path(given)
            for match in matches:
                yield from _expand(match)
        else:
            yield from _expand(given)


def _expand(given: str) -> Iterator[tuple[str, Path]]:
    if os.path.isdir(given):
        yield from _walk(given)
    else:
        yield given, Path(given)


def _walk(directory: str) -> Iterator[tuple[str, Path]]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield directory, Path(directory)  # reading it reports why it cannot be listed
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = os.path.join(directory, entry.name)
        if entry.is_symlink() and entry.is_dir():
            continue  # symlinked folders are not followed: they can loop back to a parent
        if entry.is_dir():
            yield from _walk(name)
        elif entry.is_file() or entry.is_symlink():  # a broken link is reported as missing
            yield name, Path(name)
        # Sockets, FIFOs and devices are not articles, and reading a FIFO can block forever.
