"""What an event is called, reduced so that two reports of it can be compared: the word of its
trigger that names it ("made a strategic visit" -> visit), its rough stem, and the family of
words that name the same kind of happening (resolve/data/event_words.txt: visit ~ travel)."""

from __future__ import annotations

import re
from functools import cache

from storyline.datafiles import lines

_WORD = re.compile(r"[a-z]+")
_DOUBLED = re.compile(r"([bdfgklmnprtz])\1$")
# Inflections stripped, longest first; a stem keeps at least three letters.
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@cache
def stem(word: str) -> str:
    """A rough stem, the same for a word's inflections: kill, killed, killing -> "kil";
    travelled, travel -> "travel"; strike, striking -> "strik". Not a lemma: a key."""
    w = word.lower()
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + replacement
            break
    w = _DOUBLED.sub(r"\1", w)
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


@cache
def _families() -> dict[str, str]:
    """Stem -> its family's name (the family's first word, stemmed)."""
    found: dict[str, str] = {}
    for line in lines("storyline.resolve", "event_words.txt"):
        stems = [stem(w) for w in line.split()]
        for s in stems:
            found.setdefault(s, stems[0])
    return found


def head_word(trigger: str) -> str:
    """The word that names the event: a light verb's noun is the last word of its trigger
    ("held talks", "led to the deaths"), a single verb is itself."""
    found = _WORD.findall(trigger.lower())
    return found[-1] if found else ""


def family(trigger: str) -> str:
    """The family of the word naming the event, or that word's own stem."""
    s = stem(head_word(trigger))
    return _families().get(s, s)
