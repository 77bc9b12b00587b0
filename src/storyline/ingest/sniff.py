"""Which reader an input needs: by file extension first, then by its first bytes."""

from __future__ import annotations

import json
import zlib
from enum import StrEnum

from storyline.ingest.decode import bom_encoding
from storyline.ingest.html import looks_like_html

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"  # one JSON object per line
    JSON = "json"  # one JSON document: an object or an array of objects
    WARC = "warc"  # plain or gzip-compressed
    GZIP = "gzip"  # any other gzip file: read as the file it compresses
    ZIP = "zip"  # an archive of articles


# Formats that hold many articles: read as a stream, max_bytes applies to each record.
CONTAINERS = frozenset({Format.JSONL, Format.JSON, Format.WARC, Format.ZIP})

_EXTENSIONS: tuple[tuple[str, Format], ...] = (
    (".warc.gz", Format.WARC),
    (".warc", Format.WARC),
    (".jsonl", Format.JSONL),
    (".ndjson", Format.JSONL),
    (".html", Format.HTML),
    (".htm", Format.HTML),
    (".xhtml", Format.HTML),
    (".zip", Format.ZIP),
)
# A local file header, or the end record of an empty archive.
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")


def format_from_name(name: str) -> Format | None:
    """The format a name says, looking through a .gz suffix (page.html.gz: HTML)."""
    lower = name.lower()
    if lower.endswith(".gz") and not lower.endswith(".warc.gz"):
        lower = lower.removesuffix(".gz")
    for suffix, fmt in _EXTENSIONS:
        if lower.endswith(suffix):
            return fmt
    return Format.JSON if lower.endswith(".json") else None


def detect_format(name: str, head: bytes) -> Format:
    """The format of an input from its name and its first bytes. A .json file holding one
    object per line is JSON Lines. Zip data is an archive only when named .zip or nothing (a
    .docx or .epub is a zip too, and not a set of articles)."""
    by_name = format_from_name(name)
    if head.startswith(GZIP_MAGIC):
        if by_name is Format.WARC or _gunzip_head(head).startswith(WARC_MAGIC):
            return Format.WARC
        return Format.GZIP
    if by_name is Format.ZIP or (head.startswith(ZIP_MAGICS) and "." not in _base(name)):
        return Format.ZIP
    if by_name is Format.JSON:
        return Format.JSONL if _first_line_is_object(head) else Format.JSON
    if by_name is not None:
        return by_name
    if head.lstrip().startswith(WARC_MAGIC):
        return Format.WARC
    text = _sniff_text(head)
    stripped = text.lstrip()
    lower = stripped[:SNIFF_BYTES].lower()
    if (stripped.startswith("<") and looks_like_html(stripped)) or (
        "<html" in lower or "<!doctype html" in lower
    ):
        return Format.HTML
    if stripped.startswith("{") and _first_line_is_object(head):
        return Format.JSONL
    return Format.TEXT


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].rsplit("!", 1)[-1]


def starts_like_warc(head: bytes) -> bool:
    """Whether the first bytes (gzip-compressed or not) open a WARC record."""
    if head.startswith(GZIP_MAGIC):
        head = _gunzip_head(head)
    return head.lstrip().startswith(WARC_MAGIC)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
    except zlib.error:
        return b""


def _sniff_text(head: bytes) -> str:
    marked = bom_encoding(head)
    if marked:
        encoding, length = marked
        return head[length:].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="replace")


def _first_line_is_object(head: bytes) -> bool:
    """Whether the first non-blank line is a JSON object. A line longer than the sniffed head
    (an article's text can be) counts when it opens like one: '{"'."""
    text = _sniff_text(head).lstrip()
    line, newline, _ = text.partition("\n")
    if not newline:
        return line.startswith('{"')
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
