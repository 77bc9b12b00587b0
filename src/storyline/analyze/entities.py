"""Mentions of named actors, places and groups, with the key that groups them into entities."""

from __future__ import annotations

from functools import cache
from typing import Any

from storyline.analyze.lexicon import mapping, words
from storyline.analyze.metonymy import speaking_for_countries
from storyline.analyze.name_readings import NameReading, one_label_per_name, spelled_out
from storyline.analyze.roles import role_mentions
from storyline.gazetteer import city_countries, country_names
from storyline.model import Document, Mention, entity_id, evidence, label_group
from storyline.names import fold_name, plain_key

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


@cache
def _titles() -> tuple[frozenset[tuple[str, ...]], int]:
    titles = frozenset(tuple(fold_name(t).split()) for t in words("titles.txt"))
    return titles, max((len(t) for t in titles), default=0)


def name_key(text: str, *, strip_titles: bool = True) -> str:
    """The normalized name mentions are grouped by: no leading "the", no possessive, no
    titles or roles (data/titles.txt), accents and case folded, spaces collapsed.
    Falls back to the folded text when stripping would leave nothing."""
    tokens = plain_key(text).split()
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


# A city this populous is a place when the model calls it a person ("Toulouse"); a smaller
# town's name is as often a surname.
MIN_CITY_POPULATION = 100_000


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Grouping keys of (countries and listed places, large cities), from the gazetteer."""
    countries = {name_key(n) for n in country_names()} | {
        name_key(n) for n in words("place_names.txt")
    }
    cities = {name_key(n) for n in city_countries(MIN_CITY_POPULATION, alternative_names=False)}
    return frozenset(countries), frozenset(cities - countries)


def _place_label(label: str, key: str, titled: bool, surnames: frozenset[str]) -> str:
    """GPE for a known place the model labelled a person or an organisation. A country or a
    listed place is one whatever the label; a large city only in place of a person, since a
    city's name labelled ORG is a team or a government ("Barcelona won", "Washington said").
    Not when the text makes it a person: a title before it ("Mr. Jordan", "Gen. Austin"), or
    a fuller name of the document that ends with it ("Lloyd Austin" ... "Austin")."""
    if label not in ("PERSON", "ORG"):
        return label
    countries, cities = _places()
    if key not in countries and not (label == "PERSON" and key in cities):
        return label
    if label == "PERSON" and (titled or key in surnames):
        return label
    return "GPE"


def _names(sdoc: Any) -> list[tuple[Any, str]]:
    """Each entity span of a kind mentions are made of, without a trailing possessive
    ("Hamas’s"), with its label."""
    found = []
    for ent in sdoc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        end_token = ent.end
        while end_token > ent.start and sdoc[end_token - 1].tag_ == "POS":
            end_token -= 1
        if end_token > ent.start:
            found.append((sdoc[ent.start : end_token], ent.label_))
    return found


def _title_before(span: Any) -> bool:
    """Whether a title stands just before the span ("Mr. Jordan", "Gen. Austin")."""
    if span.start == 0:
        return False
    titles, _ = _titles()
    return (fold_name(span.doc[span.start - 1].text),) in titles


def _without_legal_form(key: str) -> str:
    """An organisation's key without the legal form at its end ("aer lingus group plc" ->
    "aer lingus"): a company is named with it once and without it after."""
    forms = words("legal_forms.txt")
    tokens = key.split()
    while len(tokens) > 1 and tokens[-1] in forms:
        tokens.pop()
    return " ".join(tokens)


def _readings(sdoc: Any) -> list[NameReading]:
    """Each name's label and key, the labels the small model gets wrong put right by the
    lexicon (data/label_fixes.txt) and the gazetteer, then one reading per name across the
    document (analyze/name_readings.py)."""
    fixes = _label_fixes()
    names = _names(sdoc)
    surnames = frozenset(
        key.split()[-1]
        for span, label in names
        if label == "PERSON" and len((key := name_key(span.text)).split()) > 1
    )
    readings = []
    for span, model_label in names:
        key = name_key(span.text, strip_titles=model_label == "PERSON")
        if model_label == "ORG":
            key = _without_legal_form(key)
        if not key:
            continue
        titled = model_label == "PERSON" and (
            key != name_key(span.text, strip_titles=False) or _title_before(span)
        )
        label = fixes.get(key) or _place_label(model_label, key, titled, surnames)
        readings.append(NameReading(span, label, key, titled, label != model_label))
    return spelled_out(one_label_per_name(readings, surnames))


def extract_mentions(sdoc: Any, document: Document) -> list[Mention]:
    """One Mention per named entity of a kind the timeline cares about (``_readings``), a
    capital or seat of government that speaks or acts taken for its country
    (analyze/metonymy.py), and one per role phrase that stands for a named person
    (analyze/roles.py), in text order."""
    mentions = [
        Mention(
            evidence=evidence(document, r.span.start_char, r.span.end_char),
            label=r.label,
            key=r.key,
            entity=entity_id(label_group(r.label), r.key),
        )
        for r in _readings(sdoc)
    ]
    mentions = speaking_for_countries(sdoc, mentions)
    roles = role_mentions(sdoc, document, mentions)
    return sorted([*mentions, *roles], key=lambda m: (m.evidence.start, not m.named))
