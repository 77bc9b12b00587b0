"""Where direct quotes are in a text, by their quotation marks alone (no parse).

Handles curly doubles (“…”), straight doubles ("…"), the NYT / Penn Treebank pairs
(''…'' and ``…''), and curly singles (‘…’) only when they clearly open and close a phrase
of two words or more, so apostrophes (Gaza’s, Hamas’) are never read as quote marks. A quote
left open at the end of a paragraph, or re-opened by a new mark (the newspaper convention for
a quote running over paragraphs), ends where its paragraph or sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Content offsets exclude the marks; ``open``/``close`` are the marks' own offsets (``close``
# is None for a quote left open).


@dataclass(frozen=True)
class QuotedSpan:
    open: int
    start: int
    end: int
    close: int | None

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


_CURLY = re.compile(r"[“”]")
_STRAIGHT = re.compile(r'"')
_TREEBANK = re.compile(r"(``|'')([^\n]+?)''")
_SINGLE = re.compile(r"(?<![\w’‘])‘((?:[^‘’\n]|’(?=\w))+?)’(?!\w)")
_OPENS_WORD = re.compile(r"\S")
_TRAILING_SPACE = re.compile(r"\s+$")


def _trimmed_end(text: str, start: int, end: int) -> int:
    m = _TRAILING_SPACE.search(text, start, end)
    return m.start() if m else end


def _open_quote(text: str, open_at: int, limit: int) -> QuotedSpan | None:
    """A quote opened at ``open_at`` and never closed: it runs to the end of its paragraph
    or to ``limit`` (the next opening mark), whichever comes first."""
    newline = text.find("\n", open_at + 1, limit)
    end = _trimmed_end(text, open_at + 1, newline if newline >= 0 else limit)
    if end <= open_at + 1:
        return None
    return QuotedSpan(open_at, open_at + 1, end, None)


def _paired(text: str, marks: list[tuple[int, bool]]) -> list[QuotedSpan]:
    """Pair opening and closing marks (offset, is_opening) in text order."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for pos, opening in marks:
        if opening or open_at is None:
            if open_at is not None:
                left = _open_quote(text, open_at, pos)
                if left is not None:
                    spans.append(left)
            open_at = pos if opening else None
            continue
        start = open_at + 1
        newline = text.find("\n", start, pos)
        if newline >= 0:
            left = _open_quote(text, open_at, newline)
            if left is not None:
                spans.append(left)
        elif pos > start:
            spans.append(QuotedSpan(open_at, start, pos, pos))
        open_at = None
    if open_at is not None:
        left = _open_quote(text, open_at, len(text))
        if left is not None:
            spans.append(left)
    return spans


def _curly_doubles(text: str) -> list[QuotedSpan]:
    marks = [(m.start(), _curly_opens(text, m.start())) for m in _CURLY.finditer(text)]
    return _paired(text, marks)


def _curly_opens(text: str, pos: int) -> bool:
    """Whether the curly double at ``pos`` opens a quote. Typed the wrong way round, a mark
    still says by its place what it does: “ glued to the word before it and followed by a
    space closes (“It’s unusual,“ said …), ” after a space and before a word opens."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if text[pos] == "“":
        closes = not before.isspace() and before not in "([{—–-:" and after.isspace()
        return not closes
    return before.isspace() and after.isalnum()


def _straight_doubles(text: str) -> list[QuotedSpan]:
    marks: list[tuple[int, bool]] = []
    is_open = False
    for m in _STRAIGHT.finditer(text):
        pos = m.start()
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        if prev == "\n":
            is_open = False  # a new paragraph starts outside any quote
        if not is_open and (prev.isspace() or prev in "([{—–-:") and not nxt.isspace():
            marks.append((pos, True))
            is_open = True
        elif is_open and not prev.isspace():
            marks.append((pos, False))
            is_open = False
    return _paired(text, marks)


def _treebank(text: str) -> list[QuotedSpan]:
    return [
        QuotedSpan(m.start(), m.start(2), m.end(2), m.end(2))
        for m in _TREEBANK.finditer(text)
        if m.group(2).strip()
    ]


def _curly_singles(text: str) -> list[QuotedSpan]:
    spans = []
    for m in _SINGLE.finditer(text):
        content = m.group(1)
        if len(content.split()) >= 2 and _OPENS_WORD.match(content) and not content[-1].isspace():
            spans.append(QuotedSpan(m.start(), m.start(1), m.end(1), m.end(1)))
    return spans


class QuotedText:
    """Which characters of a text are inside quotation marks (marks included): an O(1)
    lookup for extractors that treat quoted words differently."""

    def __init__(self, text: str, spans: list[QuotedSpan] | None = None) -> None:
        self.spans = find_quoted_spans(text) if spans is None else spans
        self._mask = bytearray(len(text) + 1)
        for span in self.spans:
            self._mask[span.open : span.outer_end] = b"\x01" * (span.outer_end - span.open)

    def covers(self, offset: int) -> bool:
        return 0 <= offset < len(self._mask) and self._mask[offset] == 1

    @classmethod
    def empty(cls) -> QuotedText:
        return cls("", [])


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span in ``text``, in order, none inside another."""
    candidates: list[QuotedSpan] = []
    if "“" in text or "”" in text:
        candidates += _curly_doubles(text)
    if '"' in text:
        candidates += _straight_doubles(text)
    if "''" in text:
        candidates += _treebank(text)
    if "‘" in text:
        candidates += _curly_singles(text)
    candidates.sort(key=lambda s: (s.open, -s.outer_end))
    spans: list[QuotedSpan] = []
    reach = -1
    for span in candidates:
        if span.open >= reach:
            spans.append(span)
            reach = span.outer_end
    return spans
