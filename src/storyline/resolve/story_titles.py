"""A story's readable title and its key actors.

The title is the headline of the story's lead document (the member most like the story when it
joined it), or its first sentence when it has none: words a reporter wrote about the story, not
a list of names. A sentence too long for a title is cut between words, not after one that leads
into the next ("... control the oil spill…", not "... the oil spill in…"). The key actors are
the entities weightiest in the story's profile, whose weights are TF-IDF over the whole
stream, so an actor every story names (a superpower, a capital) weighs little; a country or a
people counts for half, so that the people and organizations acting lead the list.
"""

from __future__ import annotations

from collections.abc import Mapping

from storyline.model import Analysis, Document, Entity

TITLE_WORDS = 14
# The longest title taken from a document's text, in characters.
TITLE_CHARS = 70
# Words that lead into what follows them: a title cut from a sentence does not end on one.
# fmt: off
_PHRASE_STARTS = frozenset([
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "nor", "as", "that", "which", "who", "whom", "whose", "when", "while", "where",
    "after", "before", "about", "against", "during", "over", "into", "onto", "than", "since",
    "until", "because", "if", "though", "although", "was", "were", "is", "are", "had", "has",
    "have", "will", "would", "could", "should",
])
# fmt: on
_TRAILING = ",;:-–—(\"'“‘"
# A title is taken from the first of the opening sentences that reads as running text, so that
# a dateline ("date 2024-12-02") or a byline is passed over.
OPENING_SENTENCES = 3
MIN_SENTENCE_WORDS = 5
MIN_LOWER_WORDS = 3
KEY_ACTORS = 5
# A country's or a people's weight is multiplied by this.
COUNTRY_FACTOR = 0.5
UNTITLED = "Untitled story"


def _shortened(text: str, words: int = TITLE_WORDS) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:-") + "…"


def story_title(lead: Document | None, analysis: Analysis | None) -> str:
    """The lead document's headline, else its first sentence's opening words."""
    if lead is None:
        return UNTITLED
    if lead.title and lead.title.strip():
        return _shortened(lead.title)
    if analysis is not None and analysis.sentences:
        openings = [lead.text[s.start : s.end] for s in analysis.sentences[:OPENING_SENTENCES]]
    else:
        openings = [line for line in lead.text.splitlines() if line.strip()][:OPENING_SENTENCES]
    text = next((t for t in openings if _reads_as_a_sentence(t)), openings[0] if openings else "")
    return _clipped(text) or UNTITLED


def _clipped(text: str, most: int = TITLE_CHARS) -> str:
    """The sentence whole when it fits in ``most`` characters, else the words that fit, less
    any at their end that lead into the words cut off."""
    words = text.split()
    flat = " ".join(words)
    if len(flat) <= most:
        return flat
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > most:
            break
        kept.append(word)
    if not kept:  # one word longer than a title
        return flat[: most - 1] + "…"
    while len(kept) > 1 and kept[-1].lower().strip(_TRAILING) in _PHRASE_STARTS:
        kept.pop()
    return " ".join(kept).rstrip(_TRAILING) + "…"


def _reads_as_a_sentence(text: str) -> bool:
    """Not a dateline, a byline or a time stamp ("BEIRUT | Wed Apr 27, 2011 10:19 am EDT"):
    enough words made of letters, some of them in lower case, as running text has."""
    words = text.split()
    lettered = sum(1 for w in words if any(c.isalpha() for c in w))
    lower = sum(1 for w in words if w.isalpha() and w.islower())
    return lettered >= MIN_SENTENCE_WORDS and lower >= MIN_LOWER_WORDS


def key_actors(
    profile: Mapping[str, float],
    remap: Mapping[str, str],
    entities: Mapping[str, Entity],
    n: int = KEY_ACTORS,
) -> list[str]:
    """Entity ids of the story's key actors, weightiest first."""
    weight: dict[str, float] = {}
    for term, w in profile.items():
        if not term.startswith("e:"):
            continue
        eid = remap.get(term, term)
        entity = entities.get(eid)
        if entity is None:
            continue
        factor = COUNTRY_FACTOR if entity.country is not None else 1.0
        weight[eid] = weight.get(eid, 0.0) + w * factor
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    return [eid for eid, _ in ranked[:n]]
