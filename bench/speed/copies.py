"""Perturbed copies of analysed articles: as many distinct documents as a scale run needs,
made from a few thousand real ones, streamed one at a time.

A copy is made at the level of the records (the document and its analysis as JSON), so that
nothing is parsed again and every offset stays true to the copy's own text:

- names swapped: each word of a person's or an organisation's name is replaced by a word of
  another name of the same kind, the same way throughout the copy (a quarter of the words
  keep their own, so that frequent names stay frequent); the text of every mention is
  rewritten, every offset after it moved, every evidence's text read again from the new
  text, keys and entity ids made from the new names. Places and groups keep their names:
  a bigger corpus has more people and firms, not more countries.
- dates shifted: every year in a time expression's text, every date value (TIMEX values,
  anchors, event, quote and figure dates) and the publication date moved by the same number
  of years, chosen among the years in which the article's day falls on its weekday, so that
  "on Wednesday" still names the day it named.
- ids: the document id is the hash of the copy's text; every record id made from a span
  (``t:<doc>:<start>-<end>``) is made again from the moved span.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.model import document_id, entity_id, label_group

SWAPPED_LABELS = frozenset({"PERSON", "ORG"})
KEEP_SHARE = 0.25
# Years a copy may be moved to: the corpus is of 2005-2013; a news archive of some decades, none
# after the current year.
FIRST_YEAR, LAST_YEAR = 1990, 2025
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_YEAR_TEXT = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_VALUE = re.compile(r"^(\d{4})(?=$|-|W|T)")
_SPAN_ID = re.compile(r"^(\w+):([0-9a-f]{16}):(\d+)-(\d+)$")
# Fields that hold dates: their values move with the copy's years.
_DATE_FIELDS = frozenset(
    {"value", "anchor", "begins", "date", "date_earliest", "date_latest", "as_of"}
    | {"published", "earliest", "latest", "best"}
)
# Fields that hold a name written out (not an id): their words are swapped as the text's.
_NAME_FIELDS = frozenset({"summary", "speaker_name", "subject", "attributed_to", "speaker"})


@dataclass(frozen=True)
class Base:
    """One analysed article as a line of JSON (``{"gold", "document", "analysis"}``): kept as
    text and read when a copy is made, so that the bases cost their size on disk, not the
    many times more of their records."""

    gold: dt.date
    line: str

    def records(self) -> tuple[dict[str, Any], dict[str, Any]]:
        row = json.loads(self.line)
        return row["document"], row["analysis"]


def name_pools(bases: Sequence[Base]) -> dict[str, list[str]]:
    """The words of the names of each swapped label across the corpus."""
    pools: dict[str, set[str]] = {label: set() for label in SWAPPED_LABELS}
    for base in bases:
        for m in base.records()[1]["mentions"]:
            if m["label"] in SWAPPED_LABELS and m.get("named", True):
                pools[m["label"]].update(m["key"].split())
    return {label: sorted(words) for label, words in pools.items()}


def same_weekday_years(day: dt.date) -> list[int]:
    """Years in which ``day``'s month and day fall on its weekday: moved there, an article's
    "on Wednesday" still names the day it named."""
    found = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if day.month == 2 and day.day == 29 and not calendar.isleap(year):
            continue
        if day.replace(year=year).weekday() == day.weekday():
            found.append(year)
    return found


class _Offsets:
    """Where an offset of the old text lands in the new one, after replacing spans."""

    def __init__(self, spans: list[tuple[int, int, int]]) -> None:
        # (old start, old end, new length), in order, not overlapping.
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.shift: list[int] = []
        total = 0
        for start, end, length in spans:
            self.shift.append(total)
            total += length - (end - start)
        self.total = total

    def start(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        s, e, n = self.spans[i]
        if offset < e:  # inside (or at the start of) a replaced span: its new start
            return s + self.shift[i]
        return offset + self.shift[i] + n - (e - s)

    def end(self, offset: int) -> int:
        i = bisect.bisect_left(self.starts, offset) - 1
        if i < 0:
            return offset
        s, e, n = self.spans[i]
        if offset <= e:  # inside (or at the end of) a replaced span: its new end
            return s + self.shift[i] + n
        return offset + self.shift[i] + n - (e - s)


class _Copy:
    """One copy of one article: its word map, year shift and offset map."""

    def __init__(self, base: Base, pools: dict[str, list[str]], rng: random.Random) -> None:
        self.gold = base.gold
        self.document, self.analysis = base.records()
        self.years = rng.choice(same_weekday_years(base.gold)) - base.gold.year
        self.words: dict[str, str] = {}
        for m in self.analysis["mentions"]:
            if m["label"] in SWAPPED_LABELS and m.get("named", True):
                for word in m["key"].split():
                    if word not in self.words:
                        keep = rng.random() < KEEP_SHARE
                        self.words[word] = word if keep else rng.choice(pools[m["label"]])
        self.entities: dict[str, str] = {}

    def swap_words(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            word = match.group(0)
            new = self.words.get(word.casefold())
            if new is None or new == word.casefold():
                return word
            return new.upper() if word.isupper() and len(word) > 1 else new.capitalize()

        return _WORD.sub(one, text)

    def shift_years(self, text: str) -> str:
        return _YEAR_TEXT.sub(lambda m: str(int(m.group(1)) + self.years), text)

    def shift_value(self, value: str) -> str:
        return _YEAR_VALUE.sub(lambda m: f"{int(m.group(1)) + self.years:04d}", value)


def _replacements(copy: _Copy, text: str) -> list[tuple[int, int, str]]:
    """The spans of the old text to rewrite and their new text: the names of swapped
    mentions, the years of time expressions."""
    found: dict[tuple[int, int], str] = {}
    for m in copy.analysis["mentions"]:
        if m["label"] in SWAPPED_LABELS and m.get("named", True):
            ev = m["evidence"]
            found[(ev["start"], ev["end"])] = copy.swap_words(text[ev["start"] : ev["end"]])
    for t in copy.analysis["times"]:
        ev = t["evidence"]
        found.setdefault((ev["start"], ev["end"]), copy.shift_years(text[ev["start"] : ev["end"]]))
    spans: list[tuple[int, int, str]] = []
    for (start, end), new in sorted(found.items()):
        if spans and start < spans[-1][1]:
            continue  # overlaps the previous one: the first stands
        if new != text[start:end]:
            spans.append((start, end, new))
    return spans


def _rewrite(
    value: Any, copy: _Copy, offsets: _Offsets, text: str, old_doc: str, new_doc: str, key: str
) -> Any:
    if isinstance(value, list):
        return [_rewrite(v, copy, offsets, text, old_doc, new_doc, key) for v in value]
    if isinstance(value, dict):
        if {"doc", "start", "end", "text"} <= value.keys():  # an Evidence
            start, end = offsets.start(value["start"]), offsets.end(value["end"])
            return {**value, "doc": new_doc, "start": start, "end": end, "text": text[start:end]}
        out = {k: _rewrite(v, copy, offsets, text, old_doc, new_doc, k) for k, v in value.items()}
        if "start" in out and "end" in out and "doc" not in out:  # a Sentence
            out["start"], out["end"] = offsets.start(value["start"]), offsets.end(value["end"])
        if "evidence" in value and value.get("text") == value["evidence"].get("text"):
            out["text"] = out["evidence"]["text"]  # a quote that is its evidence's words
        if "key" in value and "label" in value:  # a Mention: keyed by its new name
            _rekey(out, value, copy)
        return out
    if not isinstance(value, str):
        return value
    if value.startswith("e:"):
        return copy.entities.get(value, value)
    span = _SPAN_ID.match(value)
    if span and span.group(2) == old_doc:
        start, end = offsets.start(int(span.group(3))), offsets.end(int(span.group(4)))
        return f"{span.group(1)}:{new_doc}:{start}-{end}"
    if value == old_doc:
        return new_doc
    if key in _DATE_FIELDS:
        return copy.shift_value(value)
    if key in _NAME_FIELDS:
        return copy.swap_words(value)
    return value


def _rekey(out: dict[str, Any], old: dict[str, Any], copy: _Copy) -> None:
    if old["label"] not in SWAPPED_LABELS:
        return
    out["key"] = " ".join(copy.words.get(w, w) for w in old["key"].split())
    out["entity"] = entity_id(label_group(old["label"]), out["key"])


def _entity_map(copy: _Copy) -> None:
    """Every entity id of the base analysis that names a swapped mention, and its new id:
    events and quotes point at entities by id."""
    for m in copy.analysis["mentions"]:
        if m["label"] in SWAPPED_LABELS:
            key = " ".join(copy.words.get(w, w) for w in m["key"].split())
            copy.entities[m["entity"]] = entity_id(label_group(m["label"]), key)


def perturb(
    base: Base, pools: dict[str, list[str]], rng: random.Random, *, dated: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One copy of ``base``: its document and analysis as JSON. ``dated``: the copy carries
    its (moved) publication day as metadata; otherwise it is undated, as half of a user's
    pile of pages would be."""
    copy = _Copy(base, pools, rng)
    _entity_map(copy)
    old = copy.document
    text = old["text"]
    spans = _replacements(copy, text)
    pieces: list[str] = []
    last = 0
    for start, end, new in spans:
        pieces.extend((text[last:start], new))
        last = end
    new_text = "".join([*pieces, text[last:]])
    offsets = _Offsets([(s, e, len(new)) for s, e, new in spans])
    new_id = document_id(new_text)
    document = {k: v for k, v in old.items() if k not in ("published_evidence", "raw_ref")}
    document |= {"id": new_id, "text": new_text, "title": None, "raw_ref": None}
    document["source"] = f"{old['source']}#copy-{new_id[:8]}"
    if dated:
        day = base.gold.replace(year=base.gold.year + copy.years)
        document |= {"published": day.isoformat(), "published_basis": "metadata"}
    else:
        document |= {"published": None, "published_basis": None, "published_reasons": []}
    analysis = _rewrite(copy.analysis, copy, offsets, new_text, old["id"], new_id, "")
    return document, analysis


def stream(
    bases: Sequence[Base], count: int, seed: int = 0
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """``count`` copies with distinct ids, drawn at random from ``bases`` (each base once
    before any twice), made one at a time; every other one dated by metadata."""
    rng = random.Random(seed)
    pools = name_pools(bases)
    seen: set[str] = set()
    order: list[int] = []
    made = 0
    while made < count:
        if not order:
            order = list(range(len(bases)))
            rng.shuffle(order)
        document, analysis = perturb(bases[order.pop()], pools, rng, dated=made % 2 == 0)
        if document["id"] in seen:
            continue  # nothing in it to swap or shift, and drawn before in the same form
        seen.add(document["id"])
        made += 1
        yield document, analysis


def read_bases(path: str) -> list[Base]:
    """The bases written by ``write_bases``."""
    bases = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            bases.append(Base(dt.date.fromisoformat(line[10:20]), line))
    return bases


def write_bases(path: str, rows: Iterator[tuple[dt.date, str, str]]) -> None:
    """One line per base: its day first (``{"gold": "YYYY-MM-DD", ...``, which read_bases
    reads without parsing the line), then its document and analysis as JSON."""
    with open(path, "w", encoding="utf-8") as out:
        for gold, document, analysis in rows:
            out.write(f'{{"gold": "{gold.isoformat()}", "document": {document}, ')
            out.write(f'"analysis": {analysis}}}\n')
