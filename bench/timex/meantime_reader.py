"""MEANTIME (NewsReader, English Wikinews) CAT XML as TempEval-style documents: a plain text
rebuilt from the tokens, the DCT, and the gold TIMEX3 spans on that text.

The files hold tokens only (`<token t_id sentence number>word</token>`), no original spacing
and no paragraph marks, so the text is rebuilt: tokens joined by single spaces, no space before
closing punctuation and clitics ('s, n't), none after opening brackets, quotes and currency
signs; PTB quotes (`` '') become straight double quotes. Sentence 0 is the headline and
sentence 1 the Wikinews date line ("June 13 , 2005"): each is followed by a blank line; the body
sentences cannot be told apart into paragraphs, so they run on as one, separated by a space.

Only the headline, the date line and the next four sentences (sentences 0-5) are in the text:
MEANTIME annotated time expressions (and signals, numeric values) there only. In all 90 English
documents no TIMEX3, SIGNAL or VALUE is anchored past sentence 5, while entity mentions run to
the end of articles up to 45 sentences long; scoring the whole article would count every time
expression of the unannotated part as spurious (TempEval's texts are annotated throughout).

Gold: every TIMEX3 markable with token anchors, spanning its first to last anchored token.
Markables without anchors (beginPoint/endPoint helpers, times implied by the text) are skipped,
as TempEval skips non-textual timexes. The CREATION_TIME markable is anchored to the date line
in every document that has one (88 of 90): the date line is part of the rebuilt text, so it is
scored like any other expression there. The other two documents have no CREATION_TIME markable
but annotate their date line as an ordinary DATE. The DCT is the CREATION_TIME value, or (when
it is missing or not YYYY-MM-DD, e.g. one "03-02-2009") the date read from the date line; a
malformed CREATION_TIME value is scored as that DCT, since the annotators dated the same line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bench.timex.scoring import TimeMLDocument, Timex

if TYPE_CHECKING:
    from storyline.model import Document

CORPORA = ("corpus_airbus", "corpus_apple", "corpus_gm")
ANNOTATION_FOLDER = "intra_cross-doc_annotation"

# Spacing of the tokenised text. Why these: they are the punctuation tokens MEANTIME's
# tokenizer splits off (counted over the 90 English documents).
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "”", "’", "...", "n't", "N'T"}
)
_NO_SPACE_AFTER = frozenset(
    {"(", "[", "{", "``", "“", "‘", "`", "$", "US$", "CA$", "AU$", "USD$", "£", "€", "#"}
)
_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m"})
_APOSTROPHES = ("'", "’")
_CLITIC_TAILS = frozenset({"s", "re", "ve", "ll", "d", "m", "t"})  # "we ' re", "Wayne ’ s"
_RENDERED = {"``": '"', "''": '"'}
# Sentences 0-5 carry the temporal annotation (see the module docstring).
ANNOTATED_SENTENCES = 6
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class _Token:
    t_id: str
    sentence: int
    word: str


def _space_before(previous: str, word: str, quote_open: bool) -> bool:
    """Whether a space separates ``previous`` from ``word`` in the rebuilt text."""
    if previous in _NO_SPACE_AFTER:
        return False
    if previous == '"' and quote_open:  # the quote just opened
        return False
    if word in _NO_SPACE_BEFORE or word.lower() in _CLITICS:
        return False
    if word == '"' and quote_open:  # a closing quote
        return False
    if word in _APOSTROPHES and previous[-1:].isalnum():  # Airbus' / a closing single quote
        return False
    if previous in _APOSTROPHES and word.lower() in _CLITIC_TAILS:
        return False
    # "I' ll", "O' Leary": the tokenizer cut a word after its apostrophe
    return not (len(previous) > 1 and previous.endswith("'") and previous[:-1].isalpha())


def _rebuild(tokens: list[_Token], date_line: int | None) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text and each token's (start, end) in it."""
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    quote_open = False
    previous: _Token | None = None
    for token in tokens:
        if previous is not None:
            if token.sentence != previous.sentence and previous.sentence in {0, date_line}:
                gap = "\n\n"
            elif _space_before(previous.word, token.word, quote_open):
                gap = " "
            else:
                gap = ""
            pieces.append(gap)
            length += len(gap)
        rendered = _RENDERED.get(token.word, token.word)
        if token.word == '"':
            quote_open = not quote_open
        elif token.word == "``":
            quote_open = True
        elif token.word == "''":
            quote_open = False
        pieces.append(rendered)
        spans[token.t_id] = (length, length + len(rendered))
        length += len(rendered)
        previous = token
    return "".join(pieces), spans


def _date_line(tokens: list[_Token]) -> tuple[int, str] | None:
    """Sentence 1 when it is a Wikinews date line ("June 13 , 2005"): (1, "2005-06-13")."""
    words = " ".join(t.word for t in tokens if t.sentence == 1)
    try:
        day = datetime.strptime(words, "%B %d , %Y")
    except ValueError:
        return None
    return 1, day.date().isoformat()


@dataclass(frozen=True)
class Rebuilt:
    """A MEANTIME file's XML, its rebuilt text, each kept token's (start, end) and the DCT."""

    root: ET.Element
    text: str
    spans: dict[str, tuple[int, int]]
    dct: str | None
    creation: ET.Element | None  # the CREATION_TIME markable


def rebuild(path: Path, sentences: int | None = ANNOTATED_SENTENCES) -> Rebuilt:
    """The text of one MEANTIME file cut after ``sentences`` sentences (None: the whole
    article), with its token offsets and DCT (see the module docstring)."""
    root = ET.parse(path).getroot()
    tokens = [
        _Token(t.attrib["t_id"], int(t.attrib["sentence"]), t.text or "")
        for t in root.iter("token")
        if sentences is None or int(t.attrib["sentence"]) < sentences
    ]
    dated_line = _date_line(tokens)
    text, spans = _rebuild(tokens, dated_line[0] if dated_line else None)
    creation = next(
        (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
    )
    creation_value = creation.get("value", "") if creation is not None else ""
    if _ISO_DAY.fullmatch(creation_value[:10]):
        dct: str | None = creation_value[:10]
    else:
        dct = dated_line[1] if dated_line else None
    return Rebuilt(root, text, spans, dct, creation)


def read_meantime(path: Path, sentences: int | None = ANNOTATED_SENTENCES) -> TimeMLDocument:
    """One MEANTIME CAT XML file, its text cut after ``sentences`` sentences (None: the whole
    article). The name is "<corpus>/<file name>", e.g. "airbus/1173_...xml". A gold timex
    anchored past the cut raises ValueError: the cut would silently drop gold."""
    rebuilt = rebuild(path, sentences)
    root, text, spans, dct, creation = (
        rebuilt.root,
        rebuilt.text,
        rebuilt.spans,
        rebuilt.dct,
        rebuilt.creation,
    )
    creation_value = creation.get("value", "") if creation is not None else ""
    timexes: list[Timex] = []
    for markable in root.iter("TIMEX3"):
        anchors = [a.attrib["t_id"] for a in markable.iter("token_anchor")]
        if not anchors:
            continue
        if any(anchor not in spans for anchor in anchors):
            raise ValueError(f"{path.name}: TIMEX3 {markable.get('m_id')} lies past the cut")
        anchored = [spans[anchor] for anchor in anchors]
        start = min(span[0] for span in anchored)
        end = max(span[1] for span in anchored)
        value = markable.get("value")
        if markable is creation and not _ISO_DAY.fullmatch(creation_value):
            value = dct
        timexes.append(Timex(start, end, markable.get("type", ""), value, text[start:end]))
    timexes.sort(key=lambda t: (t.start, t.end))
    corpus = path.parent.name.removeprefix("corpus_")
    return TimeMLDocument(name=f"{corpus}/{path.name}", dct=dct, text=text, timexes=tuple(timexes))


def meantime_files(root: Path) -> list[Path]:
    """The XML file of every document of the airbus, apple and gm corpora, in name order within
    each. ``root`` is the MEANTIME English folder or its intra_cross-doc_annotation folder."""
    folder = root / ANNOTATION_FOLDER if (root / ANNOTATION_FOLDER).is_dir() else root
    return [path for corpus in CORPORA for path in sorted((folder / corpus).glob("*.xml"))]


def load_meantime(root: Path) -> list[TimeMLDocument]:
    """Every document of meantime_files(root), in that order."""
    return [read_meantime(path) for path in meantime_files(root)]


def as_document(path: Path, doc: Rebuilt) -> Document:
    """The rebuilt text as a storyline Document, dated by its DCT (metadata) where it has one."""
    from storyline.model import Document, document_id

    return Document(
        id=document_id(doc.text),
        source=path.name,
        text=doc.text,
        published=doc.dct,
        published_basis="metadata" if doc.dct else None,
    )
