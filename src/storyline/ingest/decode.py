"""Bytes to text: byte-order marks, UTF-8, then a guess that prefers cp1252 (the usual
non-UTF-8 encoding of English news) whenever it reads as cleanly as the detector's pick."""

from __future__ import annotations

import codecs

import charset_normalizer
from charset_normalizer.md import mess_ratio

from storyline.ingest.reasons import Rejected

# UTF-32 first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Text never holds NUL and rarely other C0 controls; past these shares the bytes are binary.
_SAMPLE_BYTES = 64 * 1024
_MAX_NUL_SHARE = 0.01
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# How much messier than the detector's choice a cp1252 reading may be and still be preferred.
_CP1252_SLACK = 0.01
# A Latin-1 last resort is accepted only when it reads as text.
_MAX_LATIN1_MESS = 0.2


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the first 64 KB: not text (unless a BOM said UTF-16/32)."""
    sample = data[:_SAMPLE_BYTES]
    if not sample:
        return False
    nuls = sample.count(0)
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return nuls / len(sample) > _MAX_NUL_SHARE or controls / len(sample) > _MAX_CONTROL_SHARE


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to str. `declared` is a charset named by the container (HTTP header, HTML
    meta); it is tried after a BOM and before guessing. Raises Rejected ("binary", "encoding")."""
    marked = bom_encoding(data)
    if marked:
        encoding, length = marked
        try:
            return data[length:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise Rejected(
                "encoding", f"invalid {encoding} after its byte-order mark at byte {exc.start}"
            ) from exc
    if looks_binary(data):
        raise Rejected("binary", "the content has many NUL or control bytes")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess(data)


def _guess(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # The detector often names cp1250 or cp775 for short English cp1252 text, turning
    # "naïve" into "naďve"; cp1252 wins whenever it reads at least as cleanly.
    if western is not None and (
        best is None or mess_ratio(western, 1.0) <= best.chaos + _CP1252_SLACK
    ):
        return western
    if best is not None:
        return str(best)
    latin1 = data.decode("latin-1")
    if mess_ratio(latin1, 1.0) <= _MAX_LATIN1_MESS:
        return latin1
    raise Rejected("encoding", "neither UTF-8 nor any single-byte encoding reads as text")
