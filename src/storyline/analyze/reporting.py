"""Who said or reported something: the subject of a reporting verb, "according to X",
"per X", "as reported by X", "by X's tally"; pronoun speakers resolved to a person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from storyline.analyze.lexicon import words
from storyline.analyze.quote_marks import QuotedText
from storyline.analyze.syntax import (
    ACTOR_LABELS,
    ARTICLES,
    MentionIndex,
    Token,
    compact_phrase,
    display_name,
    tokens_text,
    without_articles,
)
from storyline.model import Mention
from storyline.timex.lexicon import lexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "acomp"})


def reporting_verbs() -> frozenset[str]:
    return words("reporting_verbs.txt")


def source_verbs() -> frozenset[str]:
    return words("source_verbs.txt")


def _source_nouns() -> frozenset[str]:
    return words("source_nouns.txt")


@cache
def _date_words() -> frozenset[str]:
    """Words that date a statement: date_words.txt and the weekday and month names."""
    names = lexicon()
    return words("date_words.txt") | frozenset(names.weekday_names) | frozenset(names.month_names)


@dataclass(frozen=True)
class Source:
    """A speaker or source: its name as written (or as resolved), and its mention if any."""

    name: str
    mention: Mention | None
    token: Token


def _pobj(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "pobj":
            return child
    return None


def phrase_source(token: Token) -> Token | None:
    """The source named by an attribution phrase at ``token``, if it is one:
    "according to X", "(as) per X", "by X's tally"."""
    lower = token.lower_
    if lower == "according":
        for child in token.children:
            if child.lower_ == "to":
                return _pobj(child)
        return None
    if lower == "per" and token.dep_ in ("prep", "advmod", "mark"):
        return _pobj(token)
    if lower == "by" and token.dep_ == "prep":
        obj = _pobj(token)
        if obj is not None and obj.lemma_.lower() in _source_nouns():
            return obj
    return None


def subject_of(verb: Token) -> Token | None:
    """The one who does ``verb``: its subject, the agent of a passive ("as reported by
    Israel"), or the subject it shares with the verb it hangs from ("..., adding that")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # "a resolution calling for a pause"
    cur = verb
    subject_deps: tuple[str, ...] = ("nsubj",)
    for _ in range(3):
        # Of several subjects the parser gives one verb, the nearest is the subject: in
        # "Aboard Air Force One, spokesman John Kirby called ...", a fronted phrase read as a
        # second subject is further away.
        subjects = [child for child in cur.children if child.dep_ in subject_deps]
        if subjects:
            child = min(subjects, key=lambda t: abs(t.i - cur.i))
            # "the agency, which said ...": the relative pronoun stands for the noun.
            if child.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return cur.head
            return child
        for child in cur.children:
            if child.dep_ == "agent":
                return _pobj(child)
        if cur.dep_ not in _CLIMB_DEPS or cur.head.i == cur.i:
            return None
        # "Reyes is set to visit", "Israel is expected to agree": the passive subject of
        # the governor does the complement.
        subject_deps = ("nsubj", "nsubjpass") if cur.dep_ == "xcomp" else ("nsubj",)
        cur = cur.head
    return None


def name_source(
    token: Token, index: MentionIndex, quoted: QuotedText | None = None
) -> Source | None:
    """Turn the head token of a speaker or source into a name. "he"/"she" resolve to the
    nearest preceding PERSON outside quotes; other pronouns ("it", "they") stay unresolved."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        person = index.person_before(token.idx, quoted)
        if person is None:
            return None
        return Source(display_name(person.evidence.text), person, token)
    if token.pos_ == "PRON" or token.tag_ in ("WDT", "WP", "EX"):
        return None
    mention = index.at(token)
    phrase = compact_phrase(token, with_of=True)
    if mention is not None and mention.label in ACTOR_LABELS:
        # A person is named by their name; an organisation by its whole phrase when the
        # name alone says less ("Gaza's Hamas-run health ministry", not "health ministry").
        if mention.label == "PERSON" or len(phrase) <= len(mention.evidence.text.split()):
            return Source(display_name(mention.evidence.text), mention, token)
        return Source(tokens_text(without_articles(phrase)), mention, token)
    if token.lemma_.lower() in _source_nouns() or lower in _source_nouns():
        # "a statement that Netanyahu's office issued" is the office's.
        issuer = _issuer(token)
        if issuer is not None:
            return name_source(issuer, index, quoted)
        # "Saturday's Israeli statement" is Israel's: dates say when, not who.
        dated = _date_words()
        rest = [
            t
            for t in phrase
            if t.i < token.i and t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in dated
        ]
        while rest and rest[-1].tag_ == "POS":
            rest.pop()
        while rest and rest[0].tag_ == "POS":
            rest.pop(0)
        if rest and any(t.lower_ not in ARTICLES for t in rest):
            phrase = rest
            inner = index.first_in(rest, ACTOR_LABELS)
            if inner is not None and len(without_articles(rest)) == 1:
                return Source(display_name(inner.evidence.text), inner, token)
    person = _named_person(phrase, token, index)
    if person is not None:
        return Source(display_name(person.evidence.text), person, token)
    name = tokens_text(without_articles(phrase))
    return Source(name, None, token) if name else None


def names_someone(source: Source) -> bool:
    """Whether a source names a speaker: a bare common noun ("the group said", "sources
    said") does not: who spoke is unknown, not "group". A title does ("the minister said"):
    it is a person, whose name the story may give elsewhere. (A figure's attribution keeps
    any noun: "the ministry says" still says whose count it is.)"""
    if source.mention is not None or len(source.name.split()) > 1:
        return True
    return source.token.pos_ == "PROPN" or source.name.lower() in words("titles.txt")


def _issuer(noun: Token) -> Token | None:
    """Who issued a statement or report named by a relative clause on it ("a statement that
    the prime minister's office issued"), if one does."""
    for child in noun.children:
        # The small model parses such a clause as relcl or as acl.
        if child.dep_ in ("relcl", "acl"):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ not in ("WDT", "WP"):
                return subject
    return None


def _named_person(phrase: list[Token], head: Token, index: MentionIndex) -> Mention | None:
    """The person a title phrase names ("Israeli Prime Minister Benjamin Netanyahu"), not
    one it belongs to ("Netanyahu's office")."""
    persons = {}
    for tok in phrase:
        mention = index.at(tok)
        if mention is None or mention.label != "PERSON":
            continue
        cur = tok
        owned = False
        while cur.i != head.i and cur.head.i != cur.i:
            if cur.dep_ == "poss":
                owned = True
                break
            cur = cur.head
        if not owned:
            persons[mention.evidence.start] = mention
    return next(iter(persons.values())) if len(persons) == 1 else None


def _is_ancestor(candidate: Token, token: Token) -> bool:
    return any(a.i == candidate.i for a in token.ancestors)


def _entry(verb: Token, token: Token) -> Token | None:
    """The child of ``verb`` through which ``token`` hangs from it, if it does."""
    cur = token
    while cur.head.i != cur.i:
        if cur.head.i == verb.i:
            return cur
        cur = cur.head
    return None


def _reports(verb: Token, token: Token) -> bool | None:
    """True when ``token`` is in what ``verb`` reports, False when it is in the verb's
    subject or addressee ("told the relatives of the 129 captives"), None when unrelated."""
    entry = _entry(verb, token)
    if entry is None:
        return None
    if entry.dep_ in ("nsubj", "nsubjpass", "dative", "agent"):
        return False
    return not (verb.lemma_.lower() == "tell" and entry.dep_ == "dobj")


def attribution(
    token: Token,
    sentence: Iterable[Token],
    index: MentionIndex,
    quoted: QuotedText | None = None,
) -> Source | None:
    """The source a figure at ``token`` is attributed to in its sentence: an explicit phrase
    ("according to", "per", "as reported by", "by X's tally") first, then the reporting
    verb that governs it, then the nearest reporting verb of the sentence."""
    phrases: list[Token] = []
    verbs: list[Token] = []
    verb_lemmas = source_verbs()
    for tok in sentence:
        src = phrase_source(tok)
        if src is not None:
            phrases.append(src)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in verb_lemmas:
            verbs.append(tok)
    for tok in sorted(phrases, key=lambda t: abs(t.i - token.i)):
        found = name_source(tok, index, quoted)
        if found is not None:
            return found
    relation = {v.i: _reports(v, token) for v in verbs}
    # Nearest governing verb first: in "he said, as the army reported 133 soldiers had been
    # killed" the army gives the figure.
    depth = {a.i: d for d, a in enumerate(token.ancestors)}
    governing = sorted((v for v in verbs if relation[v.i]), key=lambda v: depth[v.i])
    others = sorted((v for v in verbs if relation[v.i] is None), key=lambda v: abs(v.i - token.i))
    for verb in governing + others:
        subject = subject_of(verb)
        if subject is None or subject.i == token.i or _is_ancestor(subject, token):
            continue
        found = name_source(subject, index, quoted)
        if found is not None:
            return found
    return None
