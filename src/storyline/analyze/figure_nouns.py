"""What a number counts, read from the parse: the counted noun ("250 hostages", "1.9 million
of Gaza's 2.4 million residents", "Of the 251 hostages ..., 96 are still held") and what
happened to them (data/outcomes.txt: "killed", "held"; data/outcome_complements.txt: "taken
hostage"), from a modifier of the noun, the noun itself, or the verb the count hangs from."""

from __future__ import annotations

from storyline.analyze.lexicon import mapping, words
from storyline.analyze.syntax import Token

_PLACES = frozenset({"GPE", "LOC", "FAC"})
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "amod", "advmod", "compound", "npadvmod"})
_MAX_WALK = 4


def anchor_of(tokens: list[Token]) -> Token:
    """The token of a multi-token number ("1 140", "1.9 million") that attaches outside it."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        if (tok.head.i not in ids or tok.head.i == tok.i) and not tok.is_space:
            return tok
    return tokens[-1]


def counted_noun(anchor: Token, ids: set[int]) -> Token | None:
    head = anchor.head
    if (
        anchor.dep_ in _MODIFIER_DEPS
        and head.i not in ids
        and (head.pos_ in ("NOUN", "PROPN") or head.lower_ in mapping("count_nouns.txt"))
        and head.ent_type_ not in ("DATE", "TIME")
        and any(c.isalpha() for c in head.text)
        and not _joined_past(anchor, head)
    ):
        return head
    for child in anchor.children:  # "1.9 million of Gaza's 2.4 million residents"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                # A place is whose they are, not what is counted.
                if obj.dep_ == "pobj" and (
                    obj.pos_ == "NOUN" or (obj.pos_ == "PROPN" and obj.ent_type_ not in _PLACES)
                ):
                    return _owned_whole(obj) or obj
    return _fronted_whole(anchor) or _toll_noun(anchor)


def _toll_noun(anchor: Token) -> Token | None:
    """ "The number of cases reached 28", "the death toll rose to 300": a bare number that a
    toll or a number of something reaches counts what the toll counts."""
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif anchor.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in verb.children:
        if subject.dep_ != "nsubj" or subject.lemma_.lower() not in words("toll_nouns.txt"):
            continue
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                        return obj
        if subject.lemma_.lower() in mapping("count_nouns.txt"):
            return subject  # "the death toll": count_nouns.txt says what it counts
    return None


def _fronted_whole(anchor: Token) -> Token | None:
    """ "Of the 251 hostages seized, 96 are still held": a bare number takes its noun from an
    "of" phrase put before it on the same verb."""
    if anchor.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    for child in anchor.head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < anchor.i:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return None


def is_part_of_whole(first: Token) -> bool:
    """Whether the number starting at ``first`` is the whole of a partitive ("1.9 million of
    the territory's 2.4 million people"), written "<number> of <owner>'s" before it: the whole
    does not share what happened to the part, however the sentence was parsed."""
    doc = first.doc
    k = first.i - 1
    if k < 0 or doc[k].tag_ != "POS":
        return False
    for j in range(k - 1, max(-1, k - 5), -1):
        if doc[j].lower_ == "of":
            return j > 0 and (doc[j - 1].like_num or doc[j - 1].pos_ == "NUM")
    return False


def _joined_past(anchor: Token, noun: Token) -> bool:
    """ "reached 28 and information leaflets began": a conjunction between the number and the
    noun, with no second number after it (as "12 and 18 fighters" has), splits them."""
    doc = anchor.doc
    for k in range(anchor.i + 1, noun.i):
        if doc[k].pos_ == "CCONJ" and not doc[k + 1].like_num:
            return True
    return False


def _owned_whole(obj: Token) -> Token | None:
    """In "1.9 million of the territory's 2.4 million people" the parser may take the owner
    for the object of "of": the counted noun is the one after the owner's number."""
    doc = obj.doc
    if obj.i + 1 >= len(doc) or doc[obj.i + 1].tag_ != "POS":
        return None
    for tok in doc[obj.i + 2 : obj.i + 7]:
        if tok.pos_ == "NOUN":
            return tok
        if not (tok.like_num or tok.pos_ in ("NUM", "ADJ", "ADV")):
            return None
    return None


def outcome_of(noun: Token | None, anchor: Token) -> tuple[str | None, Token | None]:
    """What happened to the counted: a modifier of the noun ("hostages held in Gaza"), the
    noun itself ("deaths"), or the verb or noun the count hangs from ("killing 1 140
    people", "the release of 40 hostages")."""
    outcomes = mapping("outcomes.txt")
    transparent = words("figure_walk.txt")
    # The number is the noun's ("250 hostages held"); or the noun is another's, and what
    # happens is the number's own ("1.9 million of Gaza's 2.4 million residents have been
    # displaced", "Of the 251 hostages seized, 96 are still held").
    # A noun that is not the object of "of" is the number's own, or one the parser hung
    # elsewhere (_owned_whole), which then carries the part's verb.
    owns = noun is not None and (
        anchor.head.i == noun.i or not (noun.dep_ == "pobj" and noun.head.lower_ == "of")
    )
    if noun is not None and owns:
        for child in noun.children:
            if child.dep_ in ("acl", "relcl"):
                found = _outcome_of_verb(child, outcomes)
                if found is not None:
                    return found
    cur = noun if noun is not None and owns else anchor
    for _ in range(_MAX_WALK):
        head = cur.head
        if head.i == cur.i or _is_partitive_whole(cur) or _is_agent(cur):
            break
        if head.pos_ in ("VERB", "NOUN"):
            found = _outcome_of_verb(head, outcomes)
            if found is not None:
                return found
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in transparent:
            break
        cur = head
    return None, None


def _is_agent(token: Token) -> bool:
    """ "The two brothers released a statement", "gunmen killed 12": the subject of a verb
    with an object does it; it is not what happened to them."""
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and verb.lemma_.lower() not in words("subject_outcomes.txt")
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _outcome_of_verb(verb: Token, outcomes: dict[str, str]) -> tuple[str, Token] | None:
    """What ``verb`` says happened: its own lemma ("killed"), a verb and its complement
    (data/outcome_complements.txt: "taken hostage", "dragged ... as hostages"), or an
    outcome it reports or believes ("still believed to be held", "thought to be dead")."""
    lemma = verb.lemma_.lower()
    if lemma in outcomes:
        return outcomes[lemma], verb
    complements = mapping("outcome_complements.txt")
    for child in verb.children:
        objects = (
            [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        )
        for obj in objects:
            key = f"{lemma} {obj.lemma_.lower()}"
            if key in complements:
                return complements[key], verb
        if child.dep_ == "xcomp" and child.lemma_.lower() in outcomes:
            return outcomes[child.lemma_.lower()], child
    return None


def _is_partitive_whole(token: Token) -> bool:
    """ "1.9 million of Gaza's 2.4 million residents have been displaced": the whole after
    "of" does not share what happened to the part."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.i != head.i
        and (head.head.like_num or head.head.pos_ == "NUM")
        and any(c.dep_ == "nummod" for c in token.children)
    )


def noun_label(noun: Token) -> tuple[str, str | None]:
    """The counted noun as it goes into ``counts``, and the outcome it implies, if any."""
    nouns = mapping("count_nouns.txt")
    for key in (noun.lemma_.lower(), noun.lower_):
        if key in nouns:
            what, _, outcome = nouns[key].partition(" ")
            return what, outcome or None
    word = noun.lower_ if noun.pos_ == "NOUN" else noun.text
    modifiers = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*modifiers, word]), None
