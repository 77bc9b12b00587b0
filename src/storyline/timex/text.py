"""Folding text for the grammar: lower case, one kind of quote and dash, and hyphens between
words as spaces ("five-month-old" -> "five month old"), without changing its length, so offsets
into the folded text are offsets into the original."""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.timex.spelling import respell_words

_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
# A hyphen touching a letter joins words; between digits ("2024-12-02", "1957-58") it is kept.
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")


def fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") lower-case to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _WORD_HYPHEN.sub(" ", lowered.translate(_SAME_LENGTH))


_SPACES = re.compile(r"\s+")
_EDGE = ' ,;:!?"\u201c\u201d*'


# A document repeats its expressions ("Tuesday", "last year"), and each is cleaned several times.
@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """One expression as the exact rules expect it: folded, single-spaced, misspelt names
    respelt ("Thrusday"), without the punctuation and possessive a span may carry
    ("Tuesday's", "this century,")."""
    s = respell_words(_SPACES.sub(" ", fold(text)).strip(_EDGE))
    s = s.rstrip(".").strip(_EDGE)
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    if s.count("(") != s.count(")"):
        s = s.strip("()").strip()
    return s
