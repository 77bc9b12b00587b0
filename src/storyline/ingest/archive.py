"""Compressed inputs: a gzip file is read as the file it compresses (page.html.gz as HTML,
news.jsonl.gz as JSON Lines), a zip archive as the files it holds, each by its own type and
named ``archive.zip!folder/page.html``.

Decompressed data obeys the limits plain inputs have (max_bytes per article or record, read
as a stream, never whole), so a small file that expands enormously costs no memory. An
archive inside an archive is not opened: one level is what users send, and nesting is how
decompression bombs multiply.
"""

from __future__ import annotations

import gzip
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from storyline.ingest.assemble import Draft
from storyline.ingest.reasons import Rejected
from storyline.model import Rejection

# How a decompressed input is read: read.read_stream, told it is inside an archive.
Reader = Callable[[str, BinaryIO], Iterator[Draft | Rejection]]

# What a damaged gzip or zip member raises while it is read.
_DAMAGE = (gzip.BadGzipFile, zipfile.BadZipFile, EOFError, zlib.error)
# A zip member that cannot be opened: encrypted, or compressed by a method Python lacks.
_UNOPENABLE = (RuntimeError, NotImplementedError, zipfile.BadZipFile)

NESTED = "an archive inside an archive is not read"


def read_gzip(name: str, stream: BinaryIO, read: Reader) -> Iterator[Draft | Rejection]:
    """The articles of the file a gzip input (``stream``, at its start) compresses. Damage
    part-way (a truncated download) yields the articles before it, then rejects the file."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as inner:
            yield from read(name, cast(BinaryIO, inner))
    except _DAMAGE as exc:
        raise Rejected("bad-archive", f"damaged gzip data: {_said(exc)}") from exc


def read_zip(name: str, stream: BinaryIO, read: Reader) -> Iterator[Draft | Rejection]:
    """The articles of every file in a zip archive (``stream``, seekable), in name order;
    folders, hidden files and links are skipped as in a folder walk. A member that cannot be
    read is rejected alone."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Rejected("bad-archive", f"not a readable zip archive: {_said(exc)}") from exc
    with archive:
        members = sorted(
            (info for info in archive.infolist() if _is_article_file(info)),
            key=lambda info: info.filename,
        )
        if not members:
            raise Rejected("empty", "the zip archive holds no files")
        for info in members:
            yield from _member(f"{name}!{printable(info.filename)}", archive, info, read)


def _member(
    source: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, read: Reader
) -> Iterator[Draft | Rejection]:
    try:
        member = archive.open(info)
    except _UNOPENABLE as exc:
        yield Rejection(source=source, reason="bad-archive", detail=_said(exc))
        return
    with member:
        try:
            yield from read(source, cast(BinaryIO, member))
        except Rejected as exc:
            yield exc.rejection(source)
        except _DAMAGE as exc:
            yield Rejection(source=source, reason="bad-archive", detail=f"damaged: {_said(exc)}")


def _is_article_file(info: zipfile.ZipInfo) -> bool:
    if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
        return False
    # Hidden files and macOS's resource forks (__MACOSX/) are not articles.
    parts = info.filename.split("/")
    return not any(part.startswith(".") or part == "__MACOSX" for part in parts)


def printable(name: str) -> str:
    """A name from inside an archive (untrusted) that prints on one line as it is."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


def _said(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
