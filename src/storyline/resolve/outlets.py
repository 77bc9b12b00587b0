"""News outlets named in an article's text, by name or by shape.

An outlet is found three ways (the word lists are in resolve/data/): a name or other name of
a listed outlet (news_outlets.txt); a run of capitalized words after a noun that says it is
an outlet ("US news site Axios", outlet_nouns.txt); a run of capitalized words ending with a
word outlets' names end with ("Fox News", outlet_name_ends.txt). A listed name inside a
longer run of capitalized words ("Guardian Council", "AP Photo") is part of another name and
is not the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline import datafiles

_PACKAGE = "storyline.resolve"
# A capitalized word of a name: "Al-Manar", "Yedioth", "O'Brien", "France-Presse".
_WORD = r"[A-Z][\w'&.-]*[\w&]|[A-Z]"
_RUN = rf"(?:{_WORD})(?: (?:{_WORD}))*"
_ARTICLE = re.compile(r"^(?:The|the) ")


@dataclass(frozen=True)
class OutletSpan:
    start: int
    end: int
    outlet: str  # the outlet's usual name


@cache
def outlet_names() -> dict[str, str]:
    """Every name of a listed outlet (as written, without a leading "The") -> its usual name."""
    names: dict[str, str] = {}
    for line in datafiles.lines(_PACKAGE, "news_outlets.txt"):
        forms = [form.strip() for form in line.split("|") if form.strip()]
        for form in forms:
            names[_ARTICLE.sub("", form)] = forms[0]
    return names


def usual_name(name: str) -> str:
    """The usual name of an outlet named ``name`` ("Agence France-Presse" -> "AFP"); a name
    no list holds stays as written, without a leading "the"."""
    bare = _ARTICLE.sub("", name.strip())
    return outlet_names().get(bare, bare)


def outlet_key(name: str) -> str:
    """Names of one outlet compared alike: "The Levant Ledger" and "Levant Ledger"."""
    return _ARTICLE.sub("", name.strip()).casefold()


@cache
def _listed() -> re.Pattern[str]:
    names = sorted(outlet_names(), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    # Not inside a longer run of capitalized words: "Guardian Council", "AP Photo".
    return re.compile(rf"(?<![\w'-])(?:{alternation})(?![\w-])(?! [A-Z])")


@cache
def _after_noun() -> re.Pattern[str]:
    nouns = sorted(datafiles.words(_PACKAGE, "outlet_nouns.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    return re.compile(rf"\b(?i:{alternation})\s+(?P<name>{_RUN})")


@cache
def _by_ending() -> re.Pattern[str]:
    ends = sorted(datafiles.lines(_PACKAGE, "outlet_name_ends.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(e) for e in ends)
    name = rf"(?P<name>(?:{_WORD})(?: (?:{_WORD}))*? (?:{alternation}))"
    return re.compile(rf"(?<![\w'-]){name}\b(?! [A-Z])")


_NAME_BEFORE = re.compile(rf"(?:{_WORD}) $")


def _inside_longer_name(text: str, start: int) -> bool:
    """A capitalized word (other than "The") just before: "Sunday Guardian", "Al Jazeera"
    is one name and the listed part of it is not the outlet."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group() not in ("The ", "A ", "An ")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading "The" (kept out of evidence of the name itself)."""
    found = _ARTICLE.match(text[start:end])
    return (start + found.end(), end) if found else (start, end)


def find_outlets(text: str) -> list[OutletSpan]:
    """Every outlet named in ``text``, in text order; where two readings overlap, the longer
    one ("Reuters Television" over "Reuters")."""
    found: list[OutletSpan] = []
    for match in _listed().finditer(text):
        if _inside_longer_name(text, match.start()):
            continue
        found.append(OutletSpan(match.start(), match.end(), usual_name(match.group())))
    for pattern in (_after_noun(), _by_ending()):
        for match in pattern.finditer(text):
            start, end = _trimmed(text, *match.span("name"))
            if end > start:
                found.append(OutletSpan(start, end, usual_name(text[start:end])))
    return _longest_first(found)


def _longest_first(spans: list[OutletSpan]) -> list[OutletSpan]:
    kept: list[OutletSpan] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        kept.append(span)
        taken.append((span.start, span.end))
    return sorted(kept, key=lambda s: s.start)
