"""Whitespace normalization shared by every reader: one newline convention, stripped lines,
paragraphs separated by exactly one blank line."""

from __future__ import annotations

import re
import unicodedata

# Unicode line and paragraph separators a scraper may leave; all become plain newlines.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028]")
# Zero-width characters and stray byte-order marks carry no text and break offsets and matching.
_INVISIBLE = re.compile(r"[\u200b\ufeff]")
# C0/C1 control characters other than tab and newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACE_RUNS = re.compile(r"[ \t]+")


def normalize_text(text: str) -> str:
    """NFC, "\\n" newlines, no control characters, lines stripped, single spaces inside lines,
    runs of blank lines collapsed to one, no leading or trailing blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", _INVISIBLE.sub("", text))
    lines = [_SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(collapse_blank_lines(lines))


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """Drop leading, trailing and repeated blank lines."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept


def has_words(text: str) -> bool:
    """Whether text holds anything readable (a letter or digit), not just punctuation."""
    return any(char.isalnum() for char in text)


def one_line(value: str) -> str:
    """A metadata value (title, author) as a single line with single spaces."""
    return " ".join(value.split())
