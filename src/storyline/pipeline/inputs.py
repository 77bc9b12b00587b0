"""How many articles a build's inputs hold, counted before any is read: the progress bar's total.

A file of one article counts one (a file that cannot be read counts one too: it gets one
rejection). JSON Lines count their non-blank lines, exactly as ingest reads them. What cannot
be counted without parsing is estimated and the count says so: WARC records (only HTML
responses are articles, which takes parsing HTTP headers to tell), zip archives (a member may
itself hold many articles), JSON arrays, and standard input (read once, by ingest).
"""

from __future__ import annotations

import gzip
import stat
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyline.ingest import expand_paths
from storyline.ingest.sniff import SNIFF_BYTES, Format, detect_format

# Read in blocks this large: counting lines in a big JSON Lines file holds one block at a time.
_BLOCK = 1 << 20
_WARC_ARTICLES = (b"WARC-Type: response", b"WARC-Type: resource")


@dataclass(frozen=True)
class InputCount:
    total: int
    exact: bool  # False: an estimate ("about total")


def count_inputs(paths: Sequence[str]) -> InputCount:
    """The number of articles (documents and rejections) a build of ``paths`` will report."""
    total, exact = 0, True
    for name, path in expand_paths(paths):
        if path is None:
            exact = False
            continue
        n, known = _count_file(name, path)
        total += n
        exact = exact and known
    return InputCount(total, exact)


def _count_file(name: str, path: Path) -> tuple[int, bool]:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            # A pipe (bash's <(...)) can be read once only, and that read is ingest's.
            return 1, False
        with path.open("rb") as stream:
            return _count_stream(name, stream)
    except Exception:
        # Unreadable or damaged (of any of the many kinds gzip, zlib and zipfile raise):
        # ingest rejects it, or what follows the damage. A count must never stop a build.
        return 1, False


def _count_stream(name: str, stream: BinaryIO) -> tuple[int, bool]:
    head = stream.read(SNIFF_BYTES)
    if not head:
        return 1, True
    fmt = detect_format(name, head)
    if fmt is Format.JSONL:
        return _non_blank_lines(head, _blocks(stream)), True
    if fmt is Format.WARC:
        found = _occurrences(head, _blocks(stream), _WARC_ARTICLES)
        return max(found, 1), False
    if fmt is Format.GZIP:
        stream.seek(0)
        with gzip.GzipFile(fileobj=stream, mode="rb") as inner:
            return _count_stream(name.removesuffix(".gz"), inner)  # type: ignore[arg-type]
    if fmt is Format.ZIP:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
        return max(len(members), 1), False
    return 1, fmt is not Format.JSON  # a JSON file may hold an array of articles


def _blocks(stream: BinaryIO) -> Iterable[bytes]:
    while block := stream.read(_BLOCK):
        yield block


def _non_blank_lines(head: bytes, rest: Iterable[bytes]) -> int:
    """Lines holding more than whitespace, counted a block at a time (a line may span
    blocks: only its first non-blank piece counts it)."""
    count, counted = 0, False
    for block in _chain(head, rest):
        for i, piece in enumerate(block.split(b"\n")):
            if i:
                counted = False  # a newline: the next piece starts a line
            if not counted and piece.strip():
                count, counted = count + 1, True
    return count


def _chain(head: bytes, rest: Iterable[bytes]) -> Iterable[bytes]:
    yield head
    yield from rest


def _occurrences(head: bytes, rest: Iterable[bytes], markers: Sequence[bytes]) -> int:
    """How often any of ``markers`` occurs, also across block boundaries."""
    count, tail = 0, b""
    keep = max(len(m) for m in markers) - 1
    for block in _chain(head, rest):
        data = tail + block
        count += sum(data.count(m) for m in markers)
        # Keep less than a marker's length: a marker already counted cannot be counted again.
        tail = data[-keep:]
    return count
