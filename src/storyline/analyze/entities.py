"""Mentions of named actors, places and groups, with the key that groups them into entities."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from storyline.analyze.lexicon import mapping, words
from storyline.model import Document, Mention, entity_id, evidence, label_group

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

_POSSESSIVE = re.compile(r"(?:'s|')\s*$")
_NON_WORD = re.compile(r"[^\w'&]+|_")
_DOTS = re.compile(r"\.")


@cache
def _titles() -> tuple[frozenset[tuple[str, ...]], int]:
    titles = frozenset(tuple(_fold(t).split()) for t in words("titles.txt"))
    return titles, max((len(t) for t in titles), default=0)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form with punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = _POSSESSIVE.sub("", text.strip())
    # "U.S." and "US" are one name; hyphens vary ("al-Thani" / "al Thani").
    text = _DOTS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def name_key(text: str, *, strip_titles: bool = True) -> str:
    """The normalized name mentions are grouped by: no leading "the", no possessive, no
    titles or roles (data/titles.txt), accents and case folded, spaces collapsed.
    Falls back to the folded text when stripping would leave nothing."""
    tokens = _fold(text).split()
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if strip_titles:
        titles, longest = _titles()
        stripped = True
        while stripped and len(tokens) > 1:
            stripped = False
            for n in range(min(longest, len(tokens) - 1), 0, -1):
                if tuple(tokens[:n]) in titles:
                    tokens = tokens[n:]
                    stripped = True
                    break
    return " ".join(tokens)


def _label_fixes() -> dict[str, str]:
    return mapping("label_fixes.txt")


def extract_mentions(sdoc: Any, document: Document) -> list[Mention]:
    """One Mention per named entity of a kind the timeline cares about, in text order."""
    fixes = _label_fixes()
    mentions: list[Mention] = []
    for ent in sdoc.ents:
        label = ent.label_
        if label not in MENTION_LABELS:
            continue
        # A trailing possessive ("Hamas’s") is not part of the name.
        end_token = ent.end
        while end_token > ent.start and sdoc[end_token - 1].tag_ == "POS":
            end_token -= 1
        if end_token == ent.start:
            continue
        span = sdoc[ent.start : end_token]
        key = name_key(span.text, strip_titles=label == "PERSON")
        if not key:
            continue
        label = fixes.get(key, label)
        mentions.append(
            Mention(
                evidence=evidence(document, span.start_char, span.end_char),
                label=label,
                key=key,
                entity=entity_id(label_group(label), key),
            )
        )
    return mentions
