"""Role phrases that stand for a person the document names: the title before a name ("Mossad
chief David Barnea"), an apposition beside it ("The Qatar-based Hamas chief, Ismail Haniyeh,";
"Louis Gallois, the Airbus chief executive,"), and later definite mentions of that role ("the
Mossad chief", "the Hamas chief", "the chief executive").

A later phrase names the person only where the text has linked them: its head noun is the
role's and every word before it was in the role as introduced ("the Hamas chief" after "the
Qatar-based Hamas chief"; not "Israel's spy chief" after "Mossad chief", which the text never
tied to Barnea). When two people of the document hold roles it fits ("the chief" after a Mossad
chief and a Hamas chief), it names neither. Each such phrase becomes a Mention of the person
(label PERSON, the person's key and entity id) with ``named`` False, so that whoever asks which
actor a token stands for gets the person, and pronouns after it resolve to them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.lexicon import mapping, words
from storyline.analyze.syntax import Token, compact_phrase
from storyline.model import Document, Mention, evidence

# Words that say nothing of which role it is: articles, punctuation, possessive endings,
# prepositions ("the head of Mossad" is the role {head; mossad}).
_FUNCTION_DEPS = frozenset({"det", "punct", "case", "cc", "prep"})
_DEFINITE = frozenset({"the", "this", "that"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})


@dataclass(frozen=True)
class _Role:
    head: str  # the role's noun, lower-cased lemma: "chief"
    words: frozenset[str]  # the other words of its phrase: {"qatar", "based", "hamas"}
    person: Mention
    at: int  # the token index where the text ties the role to the person


def _hyphen_pieces(token: Token) -> list[Token]:
    """The pieces of a hyphenated word the tokenizer split, ending with ``token``:
    "co", "-", "ordinator"."""
    doc, start = token.doc, token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    return list(doc[start : token.i + 1])


def _role_word(token: Token) -> str:
    """The word a role is known by: the token's lemma, whole when hyphenated."""
    pieces = _hyphen_pieces(token)
    if len(pieces) > 1:
        return "".join(t.text for t in pieces).lower()
    return str(token.lemma_).lower()


def _is_role_noun(token: Token) -> bool:
    """A singular noun for a post (data/role_nouns.txt, data/titles.txt). The model tags
    capitalised titles as names ("Prime Minister Benjamin Netanyahu"): those count too."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in _SINGULAR_NOUNS:
        return False
    word = _role_word(token)
    return word in words("role_nouns.txt") or word in words("titles.txt")


def _role_words(tokens: Iterable[Token], head: Token, skip: set[int]) -> frozenset[str]:
    return frozenset(
        t.lower_
        for t in tokens
        if t.i != head.i
        and t.i not in skip
        and t.dep_ not in _FUNCTION_DEPS
        and t.pos_ != "PRON"
        and t.is_alpha
    )


def _role_of(token: Token) -> Token:
    """The role noun whose "of" complement ``token`` ends: the parser hangs the apposition in
    "The head of the Mossad, David Barnea," on "Mossad", though it names the head."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and _is_role_noun(prep.head):
        return prep.head
    return token


def _apposition(phrase: Sequence[Token], span: Any, noun: Token, inside: set[int]) -> bool:
    """Whether a role phrase and a name the parser put side by side are an apposition: a
    comma between them ("Louis Gallois, the Airbus chief executive"; not "called the Texas
    senator “the next George Washington”"), and neither one item of a list ("the president,
    the vice president, Susan Rice": a list of the people named, not Rice's post)."""
    start, end = min(t.i for t in phrase), max(t.i for t in phrase)
    between = range(end + 1, span.start) if end < span.start else range(span.end, start)
    if not any(span.doc[i].text == "," for i in between):
        return False
    listed = noun.dep_ in ("conj", "appos") and noun.head.i not in inside
    others = [c for c in noun.children if c.dep_ == "appos" and c.i not in inside]
    return not listed and not others


def _introductions(persons: Sequence[tuple[Mention, Any]]) -> list[tuple[_Role, list[Token]]]:
    """Each role the text gives a named person, with the role phrase when it stands apart
    from the name (an apposition) and so needs a mention of its own."""
    found: list[tuple[_Role, list[Token]]] = []
    for person, span in persons:
        inside = set(range(span.start, span.end))
        root = span.root
        for child in root.lefts:
            if child.i < span.start and child.dep_ in ("compound", "nmod") and _is_role_noun(child):
                phrase = list(child.subtree)
                role = _Role(_role_word(child), _role_words(phrase, child, inside), person, root.i)
                found.append((role, []))
        apposed = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            apposed.append(_role_of(root.head))
        for noun in apposed:
            if noun.i in inside or noun.pos_ != "NOUN" or not _is_role_noun(noun):
                continue
            whole = [*compact_phrase(noun, with_of=True), *_hyphen_pieces(noun)]
            phrase = sorted({t.i: t for t in whole if t.i not in inside}.values(), key=_index)
            if not _apposition(phrase, span, noun, inside):
                continue
            role = _Role(_role_word(noun), _role_words(phrase, noun, inside), person, root.i)
            found.append((role, _without_possessive(phrase)))
            break  # one apposition is the role; the others are the parser's stray pieces
    return found


def _index(token: Token) -> int:
    return int(token.i)


def _without_possessive(phrase: list[Token]) -> list[Token]:
    """The phrase without the possessive ending it ("the prime minister’s" office)."""
    while len(phrase) > 1 and phrase[-1].tag_ == "POS":
        phrase = phrase[:-1]
    return phrase


def _definite(token: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in token.children
    )


def _names_someone_else(token: Token, named: set[int]) -> bool:
    """A title of another name ("the Hamas chief Yahya Sinwar"), not a role on its own."""
    if token.dep_ in ("compound", "nmod") and token.head.i in named:
        return True
    return any(c.dep_ == "appos" and c.i in named for c in token.children)


def _mention(document: Document, phrase: Sequence[Token], person: Mention) -> Mention:
    start = min(t.idx for t in phrase)
    end = max(t.idx + len(t.text) for t in phrase)
    return Mention(
        evidence=evidence(document, start, end),
        label="PERSON",
        key=person.key,
        entity=person.entity,
        named=False,
    )


def role_mentions(sdoc: Any, document: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of named persons by their roles (module docstring), in text order."""
    named: set[int] = set()
    persons = []
    for mention in mentions:
        span = sdoc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if span is None:
            continue
        named.update(range(span.start, span.end))
        if mention.label == "PERSON":
            persons.append((mention, span))
    introduced = _introductions(persons)
    out = [_mention(document, phrase, role.person) for role, phrase in introduced if phrase]
    taken = {t.i for _, phrase in introduced for t in phrase}
    roles = [role for role, _ in introduced]
    for token in sdoc:
        if token.i in named or token.i in taken or not _is_role_noun(token):
            continue
        head = _role_word(token)
        if not _definite(token) or _names_someone_else(token, named):
            continue
        phrase = _without_possessive(compact_phrase(token, with_of=True))
        if any(t.i in named and t.ent_type_ == "PERSON" for t in phrase):
            continue
        said = _role_words(phrase, token, set())
        # "the premier" is the prime minister the text named: its head and words as the
        # role it stands for (data/role_synonyms.txt).
        same = mapping("role_synonyms.txt").get(head)
        if same is not None:
            *more, head = same.split()
            said = said | frozenset(more)
        fits = {
            r.person.entity: r.person
            for r in roles
            if r.at < token.i and r.head == head and said <= r.words
        }
        if len(fits) == 1:
            out.append(_mention(document, phrase, next(iter(fits.values()))))
    return sorted(out, key=lambda m: m.evidence.start)
