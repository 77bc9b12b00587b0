"""How a name is folded into the key that groups its mentions: shared by analyze (which keys
mentions) and resolve (which looks keys up in its country lists), so both fold alike."""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:'s|')\s*$")
_NON_WORD = re.compile(r"[^\w'&]+|_")
_DOTS = re.compile(r"\.")


def fold_name(text: str) -> str:
    """Case- and accent-insensitive form with punctuation turned into spaces, without a
    trailing possessive."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = _POSSESSIVE.sub("", text.strip())
    # "U.S." and "US" are one name; hyphens vary ("al-Thani" / "al Thani").
    text = _DOTS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def plain_key(text: str) -> str:
    """The folded name without a leading "the": the key of a name that has no titles to
    strip (a place, an organisation)."""
    tokens = fold_name(text).split()
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens)
