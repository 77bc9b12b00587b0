"""One reading per name within a document: the small model labels the same name differently
from one sentence to the next ("Ryanair" a person here, an organisation there), and a name
spelled out once with its abbreviation ("the Government Accountability Office (GAO)") is the
same actor wherever the abbreviation recurs. Both are decided over the whole document before
mentions are made, so that every mention of a name gets the same key and entity id."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

# Words an abbreviation skips when it is made from a name's initials ("Department of State").
_SKIPPED = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"})


@dataclass(frozen=True)
class NameReading:
    span: Any  # spacy.tokens.Span
    label: str
    key: str
    # A title names it a person ("Mr. Jordan"): that reading is the text's, not the model's.
    titled: bool = False
    # The label comes from a lexicon or the gazetteer, not from the model.
    fixed: bool = False


def one_label_per_name(
    readings: Sequence[NameReading], surnames: frozenset[str]
) -> list[NameReading]:
    """Each key's readings under one label: a person's where it is the surname of a person
    named in full, else the one most of them have (a lexicon's or the gazetteer's reading
    counting three; ties to the first seen). A one-word name the model calls a person and an
    organisation as often is as often a politician ("Trump") as a company ("Ryanair"): the
    count decides, not a preference.
    A titled person keeps its label."""
    votes: dict[str, Counter[str]] = {}
    for r in readings:
        votes.setdefault(r.key, Counter())[r.label] += 3 if r.fixed else 1
    chosen = {}
    for key, counted in votes.items():
        if len(counted) > 1 and key in surnames and "PERSON" in counted:
            # The surname of a person the document names in full is that person, even where
            # the model reads it as an organisation ("the Trump campaign").
            chosen[key] = "PERSON"
        elif len(counted) > 1:
            # Counter.most_common keeps first-seen order among equal counts.
            chosen[key] = counted.most_common(1)[0][0]
    return [
        replace(r, label=chosen[r.key]) if r.key in chosen and not r.titled else r for r in readings
    ]


def _initials(words: Sequence[str]) -> str:
    """ "United States Air Force" -> "USAF": a word in capitals gives all its letters."""
    out = []
    for word in words:
        if word.lower() in _SKIPPED:
            continue
        letters = word.replace(".", "")
        out.append(letters if letters.isupper() and letters.isalpha() else letters[:1])
    return "".join(out).upper()


def _abbreviation(text: str) -> str | None:
    """The letters of a name written as an abbreviation ("GAO", "U.S."), else None."""
    short = text.replace(".", "")
    return short if 2 <= len(short) <= 8 and short.isupper() and short.isalpha() else None


def _abbreviation_after(reading: NameReading) -> str | None:
    """The abbreviation in brackets right after a name that its initials spell:
    "Government Accountability Office (GAO)" -> "GAO"."""
    doc, end = reading.span.doc, reading.span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    short = _abbreviation(doc[end + 1].text)
    return short if short is not None and _initials(_words(reading)) == short else None


def _words(reading: NameReading) -> list[str]:
    return [t.text for t in reading.span if not t.is_punct]


def spelled_out(readings: Sequence[NameReading]) -> list[NameReading]:
    """Readings of an abbreviation the document spells out take the full name's label and key:
    the name it follows in brackets ("the Government Accountability Office (GAO)"), else the
    one name of the document whose initials it is ("GAO" in an article that names the
    Government Accountability Office). Persons' initials are left alone."""
    defined: dict[str, NameReading] = {}
    by_initials: dict[str, dict[str, NameReading]] = {}
    for r in readings:
        if r.label == "PERSON":
            continue
        short = _abbreviation_after(r)
        if short is not None:
            defined.setdefault(short, r)
        significant = [w for w in _words(r) if w.lower() not in _SKIPPED]
        if len(significant) > 1:
            by_initials.setdefault(_initials(_words(r)), {})[r.key] = r
    out = []
    for r in readings:
        short = _abbreviation(r.span.text) if r.label != "PERSON" else None
        full = defined.get(short) if short else None
        if full is None and short is not None and len(by_initials.get(short, {})) == 1:
            full = next(iter(by_initials[short].values()))
        if full is None or full.key == r.key:
            out.append(r)
        else:
            out.append(replace(r, label=full.label, key=full.key))
    return out
