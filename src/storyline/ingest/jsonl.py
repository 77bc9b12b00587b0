"""JSON Lines (one article per line) and JSON files (one article, or an array of them).

Field names are data (data/jsonl_fields.toml): the first present, non-empty field of each list
wins. A text field holding markup is extracted like an HTML page.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.ingest.assemble import Draft, fill_from_html
from storyline.ingest.dates import normalize_date
from storyline.ingest.decode import decode_text
from storyline.ingest.html import extract_html, looks_like_html
from storyline.ingest.reasons import Rejected
from storyline.ingest.rules import settings
from storyline.ingest.whitespace import has_words, one_line
from storyline.model import DateSource, Rejection


def read_jsonl(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[Draft | Rejection]:
    """One Draft or Rejection per non-blank line; a broken line never stops the others."""
    any_line = False
    for lineno, line in enumerate(_lines(stream, max_bytes), start=1):
        where = f"{source}#{lineno}"
        if line is None:
            yield Rejection(
                source=where, reason="too-large", detail=f"line longer than {max_bytes} bytes"
            )
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        any_line = True
        try:
            obj = json.loads(decode_text(line))
        except Rejected as exc:
            yield exc.rejection(where)
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(
                source=where, reason="bad-json", detail=f"{exc.msg} at column {exc.colno}"
            )
            continue
        yield article(obj, source, lineno, line)
    if not any_line:
        raise Rejected("empty", "no JSON lines")


def read_json(source: str, data: bytes) -> Iterator[Draft | Rejection]:
    """A JSON file: one article object, or an array of them (numbered from 1)."""
    try:
        obj = json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        raise Rejected("bad-json", f"{exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(obj, list):
        for position, item in enumerate(obj, start=1):
            raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield article(item, source, position, raw)
    elif isinstance(obj, dict):
        yield article(obj, source, None, data)
    else:
        raise Rejected("bad-json", f"expected an object or an array, found {_kind(obj)}")


def article(obj: Any, source: str, position: int | None, raw: bytes) -> Draft | Rejection:
    """The Draft for one JSON article. Rejections name the position (line number); documents
    are named by their `id` when they have one."""
    where = f"{source}#{position}" if position is not None else source
    if not isinstance(obj, dict):
        return Rejection(
            source=where, reason="bad-json", detail=f"expected an object, found {_kind(obj)}"
        )
    fields: dict[str, list[str]] = settings("jsonl_fields.toml")
    text = _text(_first(obj, fields["text"]))
    if text is None:
        names = ", ".join(fields["text"])
        return Rejection(source=where, reason="no-text", detail=f"no text field (one of {names})")
    if not has_words(text):
        return Rejection(source=where, reason="empty", detail="the text field is empty")
    ident = _first(obj, fields["id"])
    named = isinstance(ident, str | int) and not isinstance(ident, bool)
    name = f"{source}#{ident}" if named else where
    url = _string(_first(obj, fields["url"]))
    published = _published(obj, fields["published"])
    draft = Draft(
        source=name,
        raw=raw,
        text=text,
        title=_string(_first(obj, fields["title"])),
        author=_names(_first(obj, fields["author"])),
        outlet=_outlet(_first(obj, fields["outlet"])),
        url=url,
        published=published.value if published else None,
        published_source=published,
    )
    if looks_like_html(text):
        try:
            draft = fill_from_html(draft, extract_html(text, url))
        except Rejected as exc:
            return exc.rejection(where)
    return draft


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The stream's lines without their line ends; None for a line over max_bytes (skipped
    without holding more than max_bytes of it in memory)."""
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = stream.readline(max_bytes + 1)
            yield None
            continue
        yield chunk.rstrip(b"\r\n")


def _published(obj: dict[str, Any], names: list[str]) -> DateSource | None:
    """The record's publication date, with the field it was read from."""
    for name in names:
        value = obj.get(name)
        if value in (None, "", [], {}):
            continue
        day = normalize_date(value)
        return DateSource(field=f"jsonl {name}", raw=str(value), value=day) if day else None
    return None


def _first(obj: dict[str, Any], names: list[str]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(part, str) for part in value):
        return "\n\n".join(value)  # a text given as a list of paragraphs
    return None


def _string(value: Any) -> str | None:
    return one_line(value) or None if isinstance(value, str) else None


def _names(value: Any) -> str | None:
    if isinstance(value, list):
        names = [one_line(item) for item in value if isinstance(item, str) and item.strip()]
        return ", ".join(names) or None
    return _string(value)


def _outlet(value: Any) -> str | None:
    if isinstance(value, dict):  # e.g. {"id": "...", "name": "..."} in news API exports
        return _string(value.get("name"))
    return _string(value)


def _kind(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
