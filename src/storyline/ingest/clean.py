"""Cleaning an article's text: page residue out, header lines (headline, byline, agency credit,
date line) turned into metadata. The rules are data files in ingest/data/:

- residue_lines.txt          lines that are page furniture (navigation, newsletter, share, ads)
- credit_patterns.txt        whole lines crediting an agency ("With AFP")
- dateline_credit_patterns   an agency in a wire dateline ("CAIRO (AFP) -"), recorded, kept
- byline_patterns.txt        bylines in the header ("By Jane Doe", "<Outlet> Staff Writer")
- date_line_patterns.txt     a publication date opening the text ("date 2024-12-02 ...")
- date_stamp_patterns.txt    a time stamp near the top ("TRIPOLI | Thu Sep 8, 2011 7:26pm EDT")
- clean.toml                 thresholds of the headline heuristic and the header's length
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.ingest.dates import normalize_date
from storyline.ingest.rules import patterns, settings
from storyline.ingest.whitespace import collapse_blank_lines, normalize_text, one_line

_CREDIT_SEPARATORS = re.compile(r",\s+|\s+and\s+|\s+&\s+|\s*/\s*")
# Quotes and brackets that may close a headline after its last real character.
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text and what its header said. `published_span` holds the offsets of the
    date (as written) inside `text`, which starts with the date line when there is one."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    credits: tuple[str, ...] = ()
    published: str | None = None
    published_span: tuple[int, int] | None = None


def _split_credits(names: str) -> list[str]:
    return [name for name in _CREDIT_SEPARATORS.split(names) if name]


def is_residue(line: str) -> bool:
    # Furniture is short: a longer line is text, and the rules' lookaheads never scan a page
    # that came with no line breaks at all.
    if len(line) > settings("clean.toml")["residue"]["max_chars"]:
        return False
    return any(p.fullmatch(line) for p in patterns("residue_lines.txt", re.IGNORECASE))


def credit_names(line: str) -> list[str] | None:
    """The agencies a credit line names, or None when the line is not a credit line."""
    for pattern in patterns("credit_patterns.txt"):
        match = pattern.fullmatch(line)
        if match:
            return _split_credits(match["credits"])
    return None


def dateline_credits(paragraph: str) -> list[str]:
    """Agencies named in a wire dateline opening a paragraph; the paragraph is left as is."""
    for pattern in patterns("dateline_credit_patterns.txt"):
        match = pattern.match(paragraph)
        if match:
            return _split_credits(match["credits"])
    return []


@dataclass(frozen=True)
class Byline:
    author: str
    outlet: str | None


def byline(line: str) -> Byline | None:
    for pattern in patterns("byline_patterns.txt"):
        match = pattern.fullmatch(line)
        if match:
            groups = match.groupdict()
            author = groups.get("author") or line
            outlet = groups.get("outlet")
            return Byline(author=one_line(author), outlet=one_line(outlet) if outlet else None)
    return None


@dataclass(frozen=True)
class DateLine:
    line: str  # the part of the text line that is the date line, kept as its own line
    rest: str  # what followed it on the same line (a glued first sentence), or ""
    value: str  # ISO date
    span: tuple[int, int]  # offsets of the date as written, within `line`


def date_line(line: str) -> DateLine | None:
    for pattern in patterns("date_line_patterns.txt", re.IGNORECASE):
        match = pattern.match(line)
        if not match:
            continue
        value = normalize_date(match["date"])
        if value is None:
            continue
        return DateLine(
            line=line[: match.end()].rstrip(),
            rest=line[match.end() :].strip(),
            value=value,
            span=match.span("date"),
        )
    return None


def date_stamp(text: str) -> tuple[str, tuple[int, int]] | None:
    """A publication time stamp near the top of the text: its ISO day and the offsets of the
    date as written."""
    head = text[: settings("clean.toml")["stamp"]["max_chars"]]
    for pattern in patterns("date_stamp_patterns.txt"):
        match = pattern.search(head)
        if match is None:
            continue
        # "14 January, 2010": a comma the date formats do not expect.
        written = match["date"]
        value = normalize_date(written) or normalize_date(written.replace(",", ""))
        if value is not None:
            return value, match.span("date")
    return None


def is_headline(line: str) -> bool:
    rules = settings("clean.toml")["headline"]
    if len(line) > rules["max_chars"] or len(line.split()) > rules["max_words"]:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in rules["forbidden_endings"]:
        return False
    first = line.lstrip(_CLOSERS + "“‘«([")[:1]
    return first.isupper() or first.isdigit()


def same_title(line: str, title: str) -> bool:
    def key(value: str) -> str:
        return " ".join(value.casefold().split()).strip(" .:;,-—–|")

    return key(line) == key(title)


@dataclass
class _Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: DateLine | None = None
    credits: list[str] = field(default_factory=list)


def clean_text(text: str, *, known_title: str | None = None) -> CleanedText:
    """Clean one article's text. `known_title` is a title from metadata: a first line repeating
    it is dropped and the headline heuristic is not used."""
    lines = normalize_text(text).split("\n")
    header, body_start = _read_header(lines, known_title)
    credits = header.credits
    body: list[str] = []
    for line in lines[body_start:]:
        if line and is_residue(line):
            continue
        names = credit_names(line) if line else None
        if names is not None:
            credits.extend(names)
            continue
        body.append(line)
    body = collapse_blank_lines(body)
    if body:
        credits.extend(dateline_credits(body[0]))

    prefix = [header.date.line, ""] if header.date and body else []
    cleaned = "\n".join(prefix + body)
    published: str | None = None
    # The date line opens the cleaned text, so its offsets are offsets into the text.
    span: tuple[int, int] | None = None
    if header.date and body:
        published, span = header.date.value, header.date.span
    elif body and (stamp := date_stamp(cleaned)):
        published, span = stamp
    return CleanedText(
        text=cleaned,
        title=header.title,
        author=header.author,
        outlet=header.outlet,
        credits=tuple(dict.fromkeys(credits)),
        published=published,
        published_span=span,
    )


def _read_header(lines: list[str], known_title: str | None) -> tuple[_Header, int]:
    """Consume header lines from the top; return what they said and where the body starts.
    A date line glued to the first sentence is split: `lines` is updated in place."""
    header = _Header()
    max_lines = settings("clean.toml")["header"]["max_lines"]
    seen = 0
    index = 0
    while index < len(lines) and seen < max_lines:
        line = lines[index]
        if not line or is_residue(line):
            index += 1
            continue
        seen += 1
        if header.date is None and (found := date_line(line)):
            header.date = found
            if found.rest:
                lines[index] = found.rest
                return header, index
            index += 1
            continue
        if header.author is None and (by := byline(line)):
            header.author, header.outlet = by.author, by.outlet
            index += 1
            continue
        names = credit_names(line)
        if names is not None:
            header.credits.extend(names)
            index += 1
            continue
        if known_title is not None and same_title(line, known_title):
            index += 1
            continue
        if (
            known_title is None
            and header.title is None
            and header.author is None
            and is_headline(line)
            and _ends_header_line(lines, index)
        ):
            header.title = line
            index += 1
            continue
        break
    return header, index


def _ends_header_line(lines: list[str], index: int) -> bool:
    """A headline is followed by a blank line or by another header line (byline, date), and
    the article goes on after it."""
    rest = [line for line in lines[index + 1 :] if line and not is_residue(line)]
    if len(rest) < 1:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return not following or byline(following) is not None or date_line(following) is not None
