"""How the text presents an event: asserted, negated, hypothetical or future
(data/event_modes.toml; the auxiliaries of the future are the time tagger's, in
timex/data/tense_cues.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from storyline.analyze.lexicon import listed
from storyline.analyze.syntax import Token
from storyline.model import EventMode
from storyline.timex.lexicon import tense_cues

_AUX_DEPS = frozenset({"aux", "auxpass"})
# Links through which a trigger inherits its governor's modality ("will try to meet",
# "did not agree to meet", "if they meet and sign").
_CHAIN_DEPS = frozenset({"xcomp", "conj"})


@dataclass(frozen=True)
class _Modes:
    negation: frozenset[str]
    negating_governors: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    proposing_governors: frozenset[str]
    proposing_nouns: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]


@cache
def _modes() -> _Modes:
    def get(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in listed("event_modes.toml", key))

    return _Modes(
        negation=get("negation"),
        negating_governors=get("negating_governors"),
        hypothetical_aux=get("hypothetical_aux"),
        conditional_marks=get("conditional_marks"),
        hypothetical_governors=get("hypothetical_governors"),
        proposing_governors=get("proposing_governors"),
        proposing_nouns=get("proposing_nouns"),
        future_aux=tense_cues().future_auxiliaries,
        future_governors=get("future_governors"),
    )


def is_infinitival(verb: Token) -> bool:
    """An infinitive complement: "agreed to meet", and "set to meet" parsed as advcl."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _continues_clause(verb: Token) -> bool:
    return verb.dep_ in _CHAIN_DEPS or is_infinitival(verb)


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement or conjunct of, nearest first."""
    chain = [verb]
    cur = verb
    for _ in range(3):
        if not _continues_clause(cur) or cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # a conjunct with its own subject is a clause of its own
        cur = cur.head
        chain.append(cur)
    return chain


def _proposed_by_noun(clause: Token, modes: _Modes) -> bool:
    """ "a plan to withdraw troops", "the proposal to release hostages": the act hangs from a
    noun that proposes it."""
    return clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in (modes.proposing_nouns)


def event_mode(verb: Token) -> EventMode:
    modes = _modes()
    chain = _chain(verb)
    children = [c for link in chain for c in link.children]
    lowers = {c.lower_ for c in children if c.dep_ in _AUX_DEPS}
    governors = {link.head.lemma_.lower() for link in chain if is_infinitival(link)}
    governors |= {link.head.lower_ for link in chain if is_infinitival(link)}
    if any(c.dep_ == "neg" and c.lower_ in modes.negation for c in children):
        return "negated"
    if governors & modes.negating_governors:
        return "negated"
    if lowers & modes.hypothetical_aux:
        return "hypothetical"
    marks = [c for c in children if c.dep_ == "mark"]
    # A condition may sit on the clause the trigger belongs to ("if Israel agrees to ...").
    clause = chain[-1]
    if clause.dep_ == "advcl":
        marks += [c for c in clause.children if c.dep_ == "mark"]
    if any(m.lower_ in modes.conditional_marks for m in marks):
        return "hypothetical"
    if governors & modes.hypothetical_governors:
        return "hypothetical"
    if governors & modes.proposing_governors or _proposed_by_noun(chain[-1], modes):
        return "proposed"
    if lowers & modes.future_aux or governors & modes.future_governors:
        return "future"
    return "asserted"
