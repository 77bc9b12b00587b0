"""Which verbs in a sentence trigger an event, and of what PLOVER type
(data/event_triggers.toml describes the rules)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from storyline.analyze.event_mode import is_infinitival
from storyline.analyze.lexicon import mapping, table
from storyline.analyze.syntax import Token
from storyline.model import PLOVER_TYPES, EventType

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_PARTICLE_DEPS = frozenset({"prt", "prep"})
# A participle modifying a noun: that noun is what it acts on ("hostages released by Hamas",
# "Qatar, backed by Egypt").
_PARTICIPLE_DEPS = frozenset({"acl"})
# Participles and compounds used as adjectives ("Hamas-run", "Israeli-annexed") are not events,
# nor is a "verb" the parser hangs where only a noun can stand ("said that talks on a truce
# were continuing", with "talks" read as a verb attached as a preposition).
_ADJECTIVAL_DEPS = frozenset({"amod", "compound", "prep", "pobj", "det", "nmod", "poss"})


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
    by_subject: dict[str, EventType]


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, _Rule]
    light: dict[str, EventType]
    phrasal: dict[str, EventType]
    # verb lemma -> {noun after any of its prepositions -> type} ("resulted in deaths").
    prep_objects: dict[str, dict[str, EventType]]
    event_nouns: dict[str, EventType]
    doing: frozenset[str]
    happening: frozenset[str]
    halting: frozenset[str]
    generic_heads: frozenset[str]
    measures: frozenset[str]


def _check(kind: Any, where: str) -> EventType:
    if kind not in PLOVER_TYPES:
        raise ValueError(f"event_triggers.toml: {where}: {kind!r} is not a PLOVER type")
    return cast(EventType, kind)


def _rule(lemma: str, entry: Any) -> _Rule:
    if isinstance(entry, str):
        return _Rule(_check(entry, lemma), None, frozenset(), {}, False, {})
    objects = entry.get("objects")
    by_object = {k: _check(v, lemma) for k, v in entry.get("by_object", {}).items()}
    kind = entry.get("type")
    return _Rule(
        type=_check(kind, lemma) if kind is not None else None,
        objects=frozenset(objects) if objects is not None else None,
        except_objects=frozenset(entry.get("except_objects", [])),
        by_object=by_object,
        statement_if_clausal=entry.get("clausal") == "statement",
        by_subject={k: _check(v, lemma) for k, v in entry.get("by_subject", {}).items()},
    )


@cache
def _lexicon() -> _Lexicon:
    data = table("event_triggers.toml")
    verbs = {lemma: _rule(lemma, entry) for lemma, entry in data.get("verbs", {}).items()}
    light = {k: _check(v, k) for k, v in data.get("light_verbs", {}).items()}
    phrasal = {k: _check(v, k) for k, v in data.get("phrasal", {}).items()}
    nouns = {k: _check(v, k) for k, v in data.get("event_nouns", {}).items()}
    prep_objects = {
        verb: {noun: _check(kind, verb) for noun, kind in table.items()}
        for verb, table in data.get("prep_objects", {}).items()
    }
    verb_lists = data.get("nouns", {})

    def verbs_of(key: str) -> frozenset[str]:
        return frozenset(verb_lists.get(key, []))

    return _Lexicon(
        verbs,
        light,
        phrasal,
        prep_objects,
        nouns,
        verbs_of("doing"),
        verbs_of("happening"),
        verbs_of("halting"),
        verbs_of("generic_heads"),
        verbs_of("measures"),
    )


def noun_keys(noun: Token, generic: frozenset[str] = frozenset()) -> list[str]:
    """Lookup keys for an event noun, the two-word ones first ("hunger strike", "war game");
    for a generic head ("mediation efforts") the modifier alone too."""
    lemma = noun.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    out = [f"{m} {lemma}" for m in modifiers]
    out.append(lemma)
    if lemma in generic:
        out += modifiers
        # "a campaign of bombardment": the generic head's "of" phrase names the event.
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            out += [c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"]
    return out


def _noun_event(verb_lemma: str, noun: Token, lex: _Lexicon, *, subject: bool) -> EventType | None:
    keys = noun_keys(noun, lex.generic_heads)
    kind = next((lex.event_nouns[k] for k in keys if k in lex.event_nouns), None)
    if kind is None and noun.lemma_.lower() in lex.generic_heads:
        kind = _purpose_event(noun, lex)
    if kind is None:
        return None
    if subject:
        return kind if verb_lemma in lex.happening else None
    if verb_lemma in lex.halting and kind == "CONSULT":
        return "SANCTION"
    return kind if verb_lemma in lex.doing else None


def _purpose_event(noun: Token, lex: _Lexicon) -> EventType | None:
    """ "a renewed push to negotiate", "efforts to broker a truce": a generic head takes the
    type of the act it is for, when that verb's type does not depend on its object."""
    for clause in noun.children:
        if clause.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            rule = lex.verbs.get(verb_lemma(clause))
            if rule is not None and rule.objects is None and not rule.by_object and rule.type:
                return rule.type
    return None


def _object_lemmas(objects: list[Token]) -> list[str]:
    """The objects' lemmas and, behind a measure, what is measured ("tons of food aid",
    "5 million dollars of aid")."""
    measures = _lexicon().measures
    out = []
    for obj in objects:
        out.append(obj.lemma_.lower())
        if out[-1] not in measures:
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"]
    return out


def verb_lemma(tok: Token) -> str:
    """The verb's lemma, with the small model's known lemmatizer slips mended
    (data/verb_lemma_fixes.txt: "staged" is not a form of "stag")."""
    lemma: str = tok.lemma_.lower()
    return mapping("verb_lemma_fixes.txt").get(str(tok.lower_), lemma)


def objects_of(verb: Token) -> list[Token]:
    """What the verb acts on: its direct object (the first: a second one the parser hangs on
    the verb after a comma is an aside, "killed 20 people ..., among them six people in ..."),
    its passive subject, and the noun a participle modifies."""
    direct = [c for c in verb.children if c.dep_ == "dobj"][:1]
    objs = direct + [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.dep_ != "dobj"]
    if verb.dep_ in _PARTICIPLE_DEPS and verb.tag_ == "VBN":
        objs.append(verb.head)
    return objs


_PERSON_ENTS = frozenset({"PERSON", "NORP"})
_ACTOR_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def _resolve(rule: _Rule, objects: list[Token]) -> EventType | None:
    lemmas = _object_lemmas(objects)
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
    if tok.pos_ == "NOUN":
        return _nominal(tok)
    if tok.pos_ != "VERB" or tok.dep_ in _ADJECTIVAL_DEPS:
        return None
    lex = _lexicon()
    lemma = verb_lemma(tok)
    objects = objects_of(tok)
    for obj in objects:
        kind = lex.light.get(f"{lemma} {obj.lemma_.lower()}")
        if kind is not None:
            return Trigger(tok, kind, obj)
    for obj in objects:
        kind = _noun_event(lemma, obj, lex, subject=False)
        if kind is not None:
            return Trigger(tok, kind, obj)
    for subj in (c for c in tok.children if c.dep_ == "nsubj"):
        if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            subj = tok.head  # "the war, which began on October 7"
        kind = _noun_event(lemma, subj, lex, subject=True)
        if kind is not None:
            return Trigger(tok, kind, subj)
    for child in tok.children:
        if child.dep_ in _PARTICLE_DEPS:
            kind = lex.phrasal.get(f"{lemma} {child.lower_}")
            if kind is not None:
                return Trigger(tok, kind)
    by_prep = lex.prep_objects.get(lemma)
    if by_prep:
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                kind = next((by_prep[k] for k in _object_lemmas([noun]) if k in by_prep), None)
                if kind is not None:
                    return Trigger(tok, kind, noun)
    rule = lex.verbs.get(lemma)
    if rule is None:
        return None
    if rule.by_subject:
        subjects = [c.lemma_.lower() for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        kind = next((rule.by_subject[s] for s in subjects if s in rule.by_subject), None)
        if kind is not None:
            return Trigger(tok, kind)
    if rule.statement_if_clausal and any(c.dep_ == "ccomp" for c in tok.children):
        return None
    kind = _resolve(rule, objects)
    return Trigger(tok, kind) if kind is not None else None


def agent_of_noun(noun: Token) -> Token | None:
    """The doer named in an event noun's "by" phrase ("a raid by Hamas")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # "by Hamas", "by Velmoran militias": a name in the phrase, not "by force".
                named = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
                if any(t.pos_ == "PROPN" or t.ent_type_ in _ACTOR_ENTS for t in named):
                    return obj
    return None


def _nominal(noun: Token) -> Trigger | None:
    """An event told by its noun alone is listed when the text names its doer: "in response
    to a raid by Hamas on October 7". Without one ("the war", "the talks") the noun is a
    topic more often than an event of its own."""
    lex = _lexicon()
    kind = next((lex.event_nouns[k] for k in noun_keys(noun) if k in lex.event_nouns), None)
    if kind is None or agent_of_noun(noun) is None:
        return None
    return Trigger(noun, kind)


def find_triggers(tokens: Iterable[Token]) -> list[Trigger]:
    """Triggers among ``tokens``. A trigger that is the complement of another ("refused to
    release", "agreed to meet") is part of that event, not one of its own."""
    found = {t.i: trig for t in tokens if (trig := trigger_at(t)) is not None}
    return [
        trig
        for i, trig in found.items()
        if not (is_infinitival(trig.token) and trig.token.head.i in found)
    ]
