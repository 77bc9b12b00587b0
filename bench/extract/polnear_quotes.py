"""PolNeAR's direct quotes and their annotated speakers, read from the brat attribution files.

PolNeAR annotates every attribution (direct and indirect) as Source, Cue and Content spans
joined by an ``E`` relation. Which of them are direct quotes is not annotated; here a direct
quote is an attribution whose Content holds a quotation mark: a double mark (“ ” or ") or
NYT's ``''``/``` `` ```, or an opening curly single (‘, which an apostrophe never is). That takes in
the partial quote with its paraphrase (“that Trump is a “loser,” a “liar””: the whole Content,
as annotated) and a quote inside a tweet or a statement; a Content of paraphrase alone is
left out. A Content given as several fragments (an interrupted quote, “A,” he said, “B.”) is
one span from the first fragment's start to the last one's end, the eval-data convention.

The speaker is the Source span (fragments merged the same way); None for an attribution
annotated without one. Articles annotated by several annotators (agreement sets) are read in
one version, the first annotator of metadata.tsv's list whose file exists.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from bench.results import EVAL_DATA

DATA = EVAL_DATA / "polnear"

Span = tuple[int, int]

_QUOTE_MARK = re.compile(r"[“”\"‘]|``|''")
_TEXT_BOUND = re.compile(r"T\d+\t")
_EVENT = re.compile(r"E\d+\t")


@dataclass(frozen=True)
class GoldQuote:
    span: Span  # the Content, fragments merged, in the article's own text
    source: Span | None  # the Source, None when the attribution names none


@dataclass(frozen=True)
class QuoteArticle:
    key: str  # PolNeAR's file name (it embeds the date): for reports, never shown to storyline
    split: str
    publisher: str
    published: dt.date  # metadata's day: kept from storyline like the file name
    text_path: Path
    ann_path: Path
    text: str
    quotes: tuple[GoldQuote, ...]


def available(data: Path = DATA) -> bool:
    return (data / "metadata.tsv").is_file()


def _merged(fragments: str) -> Span:
    pairs = [tuple(int(x) for x in f.split()) for f in fragments.split(";")]
    return min(p[0] for p in pairs), max(p[1] for p in pairs)


def read_attributions(ann: str, text: str) -> list[GoldQuote]:
    """The direct quotes of one brat file over ``text``. Span text in brat may hold line
    breaks, so only lines that open a text-bound annotation or a relation are read."""
    spans: dict[str, tuple[str, Span]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        if _TEXT_BOUND.match(line):
            ident, label_and_offsets = line.split("\t")[:2]
            label, offsets = label_and_offsets.split(" ", 1)
            spans[ident] = (label, _merged(offsets))
        elif _EVENT.match(line):
            args = line.split("\t")[1].split()
            relations.append(dict(arg.split(":", 1) for arg in args))
    quotes = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        start, end = spans[rel["Content"]][1]
        if not _QUOTE_MARK.search(text[start:end]):
            continue
        source = spans[rel["Source"]][1] if rel.get("Source") in spans else None
        quotes.append(GoldQuote((start, end), source))
    return sorted(set(quotes), key=lambda q: q.span)


def _annotation(data: Path, split: str, name: str, annotators: str) -> Path | None:
    for annotator in annotators.split("|"):
        path = data / split / "attributions" / f"{name}_{annotator}.ann"
        if path.is_file():
            return path
    return None


def load(split: str, data: Path = DATA) -> list[QuoteArticle]:
    """The split's annotated articles in file-name order."""
    found = []
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] != split:
                continue
            text_path = data / split / "text" / f"{row['filename']}.txt"
            ann_path = _annotation(data, split, row["filename"], row["annotators"])
            if ann_path is None or not text_path.is_file():
                continue
            text = text_path.read_text(encoding="utf-8")
            quotes = read_attributions(ann_path.read_text(encoding="utf-8"), text)
            found.append(
                QuoteArticle(
                    row["filename"],
                    split,
                    row["publisher"],
                    dt.date.fromisoformat(row["publication_date"]),
                    text_path,
                    ann_path,
                    text,
                    tuple(quotes),
                )
            )
    return sorted(found, key=lambda a: a.key)


def files(split: str, data: Path = DATA) -> list[Path]:
    """Exactly the files load() reads: metadata.tsv, each article's text and its one
    annotation file."""
    articles = load(split, data)
    return [
        data / "metadata.tsv",
        *(a.text_path for a in articles),
        *(a.ann_path for a in articles),
    ]
