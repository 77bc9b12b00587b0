"""Which verbs in a sentence trigger an event, and of what PLOVER type
(data/event_triggers.toml describes the rules)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from storyline.analyze.event_mode import is_infinitival
from storyline.analyze.lexicon import table
from storyline.analyze.syntax import Token
from storyline.model import PLOVER_TYPES, EventType

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_PARTICLE_DEPS = frozenset({"prt", "prep"})
# A participle modifying a noun: that noun is what it acts on ("hostages released by Hamas",
# "Qatar, backed by Egypt").
_PARTICIPLE_DEPS = frozenset({"acl"})
# Participles and compounds used as adjectives ("Hamas-run", "Israeli-annexed") are not events.
_ADJECTIVAL_DEPS = frozenset({"amod", "compound"})


@dataclass(frozen=True)
class Trigger:
    token: Token
    type: EventType
    # The noun that carries the event in a light-verb construction ("held talks").
    noun: Token | None = None


@dataclass(frozen=True)
class _Rule:
    type: EventType | None
    objects: frozenset[str] | None
    except_objects: frozenset[str]
    by_object: dict[str, EventType]
    statement_if_clausal: bool


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, _Rule]
    light: dict[str, EventType]
    phrasal: dict[str, EventType]


def _check(kind: Any, where: str) -> EventType:
    if kind not in PLOVER_TYPES:
        raise ValueError(f"event_triggers.toml: {where}: {kind!r} is not a PLOVER type")
    return cast(EventType, kind)


def _rule(lemma: str, entry: Any) -> _Rule:
    if isinstance(entry, str):
        return _Rule(_check(entry, lemma), None, frozenset(), {}, False)
    objects = entry.get("objects")
    by_object = {k: _check(v, lemma) for k, v in entry.get("by_object", {}).items()}
    kind = entry.get("type")
    return _Rule(
        type=_check(kind, lemma) if kind is not None else None,
        objects=frozenset(objects) if objects is not None else None,
        except_objects=frozenset(entry.get("except_objects", [])),
        by_object=by_object,
        statement_if_clausal=entry.get("clausal") == "statement",
    )


@cache
def _lexicon() -> _Lexicon:
    data = table("event_triggers.toml")
    verbs = {lemma: _rule(lemma, entry) for lemma, entry in data.get("verbs", {}).items()}
    light = {k: _check(v, k) for k, v in data.get("light_verbs", {}).items()}
    phrasal = {k: _check(v, k) for k, v in data.get("phrasal", {}).items()}
    return _Lexicon(verbs, light, phrasal)


def objects_of(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if verb.dep_ in _PARTICIPLE_DEPS and verb.tag_ == "VBN":
        objs.append(verb.head)
    return objs


_PERSON_ENTS = frozenset({"PERSON", "NORP"})


def _resolve(rule: _Rule, objects: list[Token]) -> EventType | None:
    lemmas = [o.lemma_.lower() for o in objects]
    if any(o.ent_type_ in _PERSON_ENTS for o in objects):
        lemmas.append("@person")
    if any(lemma in rule.except_objects for lemma in lemmas):
        return None
    for lemma in lemmas:
        if lemma in rule.by_object:
            return rule.by_object[lemma]
    if rule.objects is not None and not any(lemma in rule.objects for lemma in lemmas):
        return None
    return rule.type


def trigger_at(tok: Token) -> Trigger | None:
    """The event ``tok`` triggers, if it is a trigger verb used as a verb."""
    if tok.pos_ != "VERB" or tok.dep_ in _ADJECTIVAL_DEPS:
        return None
    lex = _lexicon()
    lemma = tok.lemma_.lower()
    objects = objects_of(tok)
    for obj in objects:
        kind = lex.light.get(f"{lemma} {obj.lemma_.lower()}")
        if kind is not None:
            return Trigger(tok, kind, obj)
    for child in tok.children:
        if child.dep_ in _PARTICLE_DEPS:
            kind = lex.phrasal.get(f"{lemma} {child.lower_}")
            if kind is not None:
                return Trigger(tok, kind)
    rule = lex.verbs.get(lemma)
    if rule is None:
        return None
    if rule.statement_if_clausal and any(c.dep_ == "ccomp" for c in tok.children):
        return None
    kind = _resolve(rule, objects)
    return Trigger(tok, kind) if kind is not None else None


def find_triggers(tokens: Iterable[Token]) -> list[Trigger]:
    """Triggers among ``tokens``. A trigger that is the complement of another ("refused to
    release", "agreed to meet") is part of that event, not one of its own."""
    found = {t.i: trig for t in tokens if (trig := trigger_at(t)) is not None}
    return [
        trig
        for i, trig in found.items()
        if not (is_infinitival(trig.token) and trig.token.head.i in found)
    ]
