"""A capital or a seat of government that speaks or acts stands for its country: in "Cairo
said it would host talks" and "the White House said ...", the actor is Egypt, the United
States. Only where the name is the subject of a reporting verb or of an event's verb: "talks
in Cairo" and "the White House lawn" stay places. The mention keeps its words as evidence and
takes the country's label, key and entity id; it is not a name of the country (named=False),
so "Cairo" never becomes one of Egypt's aliases."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from storyline.analyze.event_triggers import trigger_at
from storyline.analyze.lexicon import mapping
from storyline.analyze.reporting import reporting_verbs
from storyline.gazetteer import capitals
from storyline.model import Mention, entity_id
from storyline.names import plain_key

_SEAT_LABELS = frozenset({"GPE", "FAC", "ORG", "LOC"})


@cache
def _seats() -> dict[str, str]:
    return {**capitals(), **mapping("seats_of_government.txt")}


def _country_of(text: str) -> str | None:
    key = " ".join(text.lower().split()).removeprefix("the ")
    return _seats().get(key)


def _acts(sdoc: Any, mention: Mention) -> bool:
    span = sdoc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = root.head
    return verb.lemma_.lower() in reporting_verbs() or trigger_at(verb) is not None


def speaking_for_countries(sdoc: Any, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each capital or seat of government that speaks or acts made a
    mention of its country."""
    out = []
    for m in mentions:
        country = _country_of(m.evidence.text) if m.label in _SEAT_LABELS else None
        if country is not None and _acts(sdoc, m):
            key = plain_key(country)
            m = m.model_copy(
                update={
                    "label": "GPE",
                    "key": key,
                    "entity": entity_id("place", key),
                    "named": False,
                }
            )
        out.append(m)
    return out
