"""The PLOVER type of an act the sentence announces, refuses or demands rather than reports
as done (data/event_intent.toml says why PLOVER codes the speech act).

"Israel will evacuate the settlements" is AGREE, "would blockade Paris" THREATEN, "will not
accept refugees" and "failed to reach agreement" REJECT, "Sudan must return the helicopter"
REQUEST; "X said they will release ..." is the group's commitment, so an act announced in
reported speech ("would meet") counts as announced. An act reported as done keeps its type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from storyline.analyze.event_mode import is_infinitival
from storyline.analyze.lexicon import listed
from storyline.analyze.syntax import Token
from storyline.model import EventMode, EventType
from storyline.timex.lexicon import tense_cues

_AUX_DEPS = frozenset({"aux", "auxpass"})
_CLAUSE_DEPS = frozenset({"ccomp", "acl", "relcl", "advcl"})


@dataclass(frozen=True)
class _Intent:
    cooperative: frozenset[str]
    hostile: frozenset[str]
    intent_governors: frozenset[str]
    refusing_governors: frozenset[str]
    obligation_aux: frozenset[str]
    demand_heads: frozenset[str]
    threat_marks: frozenset[str]
    future_aux: frozenset[str]


@cache
def _intent() -> _Intent:
    def get(key: str) -> frozenset[str]:
        return frozenset(listed("event_intent.toml", key))

    return _Intent(
        cooperative=frozenset(k.upper() for k in get("cooperative")),
        hostile=frozenset(k.upper() for k in get("hostile")),
        intent_governors=get("intent_governors"),
        refusing_governors=get("refusing_governors"),
        obligation_aux=get("obligation_aux"),
        demand_heads=get("demand_heads"),
        threat_marks=get("threat_marks"),
        future_aux=tense_cues().future_auxiliaries,
    )


def _governors(verb: Token) -> set[str]:
    """The words an infinitive act hangs from ("vowed to fight", "is willing to withdraw":
    the adjective's verb too), lemma and word."""
    out: set[str] = set()
    cur = verb
    for _ in range(3):
        if not is_infinitival(cur) or cur.head.i == cur.i:
            break
        cur = cur.head
        out.add(cur.lemma_.lower())
        # The word as written only for adjectives: "is prepared to lift" is a commitment,
        # "the army prepared to resume shelling" a military preparation.
        if cur.pos_ == "ADJ":
            out.add(cur.lower_)
    return out


def _auxiliaries(verb: Token) -> set[str]:
    cur = verb
    out = {c.lower_ for c in cur.children if c.dep_ in _AUX_DEPS}
    while is_infinitival(cur) and cur.head.i != cur.i:
        cur = cur.head
        out |= {c.lower_ for c in cur.children if c.dep_ in _AUX_DEPS}
    return out


def demand_words() -> frozenset[str]:
    """Nouns and verbs whose clause is a demand (data/event_intent.toml demand_heads): events.py
    asks whose demand it is by the same words."""
    return _intent().demand_heads


def _clause_of(verb: Token) -> Token:
    """The verb heading the clause an infinitive act belongs to ("said they would agree to
    meet": "agree")."""
    clause = verb
    while is_infinitival(clause) and clause.head.i != clause.i:
        clause = clause.head
    return clause


def _reported_would(verb: Token, aux: set[str]) -> bool:
    """ "said they would meet": the future of reported speech, not a hypothesis."""
    return "would" in aux and bool(_clause_of(verb).dep_ == "ccomp")


def _demanded(verb: Token, aux: set[str], lex: _Intent) -> bool:
    if aux & lex.obligation_aux:
        return True
    clause = _clause_of(verb)
    if clause.dep_ not in _CLAUSE_DEPS:
        return False
    head = clause.head
    if head.lemma_.lower() in lex.demand_heads:
        return True
    # "reiterated its demand that Israel ease ...": the parser hangs the clause on the verb.
    return clause.dep_ == "ccomp" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.demand_heads and c.i < clause.i
        for c in head.children
    )


def _threat_condition(verb: Token, lex: _Intent) -> bool:
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in lex.threat_marks for m in clause.children):
            return True
    return False


def coded_act(verb: Token, kind: EventType, mode: EventMode) -> tuple[EventType, EventMode]:
    """The PLOVER type and mode of the act ``verb`` triggers as type ``kind``."""
    lex = _intent()
    aux = _auxiliaries(verb)
    governors = _governors(verb)
    if kind != "REQUEST" and _demanded(verb, aux, lex):
        return "REQUEST", "demanded"
    if kind in lex.cooperative and governors & lex.refusing_governors:
        return "REJECT", "asserted"
    reported = _reported_would(verb, aux)
    # "will meet", "is set to visit", "plans to travel": CAMEO codes a scheduled act as its
    # actor's stated intent (036 "express intent to meet"), as the gold records do.
    announced = (
        reported
        or mode == "future"
        or bool(aux & lex.future_aux)
        or bool(governors & lex.intent_governors)
    )
    if not announced:
        return kind, mode
    if mode == "negated" and kind in lex.cooperative:
        # "will not accept", "would not agree": a helpful act declined in advance.
        return "REJECT", "asserted"
    if kind in ("AGREE", "THREATEN", "REQUEST") or mode == "negated":
        return kind, mode
    if reported and mode == "hypothetical":
        mode = "asserted"  # made "future" below, as the act is announced
    if _threat_condition(verb, lex) or kind in lex.hostile:
        return "THREATEN", "future" if mode == "asserted" else mode
    if kind in lex.cooperative:
        return "AGREE", "future" if mode == "asserted" else mode
    return kind, mode
