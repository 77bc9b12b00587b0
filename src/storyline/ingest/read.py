"""Reading one input (a file or standard input) with the reader its format needs."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from storyline.ingest.archive import NESTED, read_gzip, read_zip
from storyline.ingest.assemble import Draft, draft_from_html
from storyline.ingest.decode import decode_text
from storyline.ingest.html import decode_html, extract_html
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.paths import STDIN_NAME, is_pattern
from storyline.ingest.reasons import Rejected
from storyline.ingest.sniff import CONTAINERS, SNIFF_BYTES, Format, detect_format, format_from_name
from storyline.ingest.warc import read_warc
from storyline.ingest.whitespace import has_words, normalize_text
from storyline.model import Rejection


def read_file(name: str, path: Path, max_bytes: int) -> Iterator[Draft | Rejection]:
    """Drafts and per-record Rejections of one file. Raises Rejected for the file as a whole."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        detail = "no file matches this pattern" if is_pattern(name) else "no such file"
        raise Rejected("missing", detail) from exc
    except OSError as exc:
        raise Rejected("unreadable", exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise Rejected("unreadable", _unlistable(path))
    # Single-article files are held in memory whole, so their size is checked before reading;
    # containers stream and are checked record by record.
    too_large = stat.S_ISREG(info.st_mode) and info.st_size > max_bytes
    if too_large and format_from_name(name) not in CONTAINERS:
        raise Rejected("too-large", f"{info.st_size} bytes, more than max_bytes {max_bytes}")
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise Rejected("unreadable", exc.strerror or str(exc)) from exc
    with stream:
        try:
            yield from read_stream(name, stream, max_bytes)
        except OSError as exc:
            raise Rejected("unreadable", exc.strerror or str(exc)) from exc


def read_stdin(stdin: BinaryIO, max_bytes: int) -> Iterator[Draft | Rejection]:
    try:
        data = stdin.read()
    except OSError as exc:
        raise Rejected("unreadable", exc.strerror or str(exc)) from exc
    yield from read_stream(STDIN_NAME, io.BytesIO(data), max_bytes)


def read_stream(
    name: str, stream: BinaryIO, max_bytes: int, *, nested: bool = False
) -> Iterator[Draft | Rejection]:
    """The articles of one input; ``nested``: it came out of a gzip file or zip archive."""
    head = stream.read(SNIFF_BYTES)
    if not head:
        raise Rejected("empty", "no bytes")
    fmt = detect_format(name, head)
    if fmt in _STREAMED:
        if not stream.seekable():
            stream = io.BytesIO(head + stream.read())
        stream.seek(0)
        yield from _read_streamed(fmt, name, stream, max_bytes, nested)
        return
    data = head + stream.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        decompressed = " once decompressed" if nested else ""
        raise Rejected("too-large", f"more than max_bytes {max_bytes}{decompressed}")
    if not data.strip():
        raise Rejected("empty", "only whitespace")
    if fmt is Format.JSON:
        yield from read_json(name, data)
    elif fmt is Format.HTML:
        yield draft_from_html(name, data, extract_html(decode_html(data)))
    else:
        yield read_text(name, data)


_STREAMED = frozenset({Format.WARC, Format.JSONL, Format.GZIP, Format.ZIP})


def _read_streamed(
    fmt: Format, name: str, stream: BinaryIO, max_bytes: int, nested: bool
) -> Iterator[Draft | Rejection]:
    if fmt is Format.WARC:
        yield from read_warc(name, stream, max_bytes)
    elif fmt is Format.JSONL:
        yield from read_jsonl(name, stream, max_bytes)
    elif nested:
        raise Rejected("bad-archive", NESTED)
    else:
        inner = partial(read_stream, max_bytes=max_bytes, nested=True)
        reader = read_gzip if fmt is Format.GZIP else read_zip
        yield from reader(name, stream, inner)


def read_text(name: str, data: bytes) -> Draft:
    text = normalize_text(decode_text(data))
    if not has_words(text):
        raise Rejected("empty", "only whitespace or punctuation")
    return Draft(source=name, raw=data, text=text)


def _unlistable(path: Path) -> str:
    try:
        os.listdir(path)
    except OSError as exc:
        return f"directory cannot be listed: {exc.strerror or exc}"
    return "is a directory"
