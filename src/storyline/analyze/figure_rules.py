"""Numbers that read as counts but say nothing about how many of something there are. Each
rule names why it drops a number, so a reader can see which one did.

- "one" as a determiner ("one man pointed", "for one thing", "day one"), unless something
  happened to it ("one person was killed");
- a spelled number that refers back, after "the", "all", "both", "these" ("the two sides",
  "all four authors"), unless something happened to them;
- a family detail: a spelled number after "his", "her", "my" ("her four children");
- a number that picks from a ranking ("Canada's seven biggest banks", "the largest five");
- a number before a singular proper noun, or between "a" and a singular noun: a name, a
  measure or a title ("a magnitude 7
  earthquake", "A 360 Degree Look"), as with money and percentages, which are not counts;
- a number whose noun is "percent" with the percent written elsewhere ("264 of 268 (98.5
  percent)": the percent is 98.5's);
- a count of the writer's or speaker's own points (data/discourse_nouns.txt: "two things",
  "three key lessons", "on three fronts");
- the sources of the report itself ("three diplomatic sources told AFP", "according to two
  people briefed on the plans"): who reports, not what happened;
- a unit of time or of print (data/figure_units.txt: "21 hrs ago", "18.13 BST", "270 pp"),
  or a multiplier ("164 times their volume");
- a list marker ("(1) public statements");
- a number in a name ("Oceans 11 film", "5 Live Football League", "the Group of 20
  nations") or after the noun it labels ("revolution 2.0", "chapter 11").
"""

from __future__ import annotations

from storyline.analyze.lexicon import words
from storyline.analyze.reporting import source_verbs
from storyline.analyze.syntax import Token

_BACK_REFERENCE = frozenset({"the", "all", "both", "these", "those"})
_FAMILY = frozenset({"his", "her", "my"})


def _before(anchor: Token, first: Token) -> Token | None:
    """The word before the number, past its qualifier ("the nearly two"): the first of the
    number's tokens is ``first``."""
    k = first.i - 1
    doc = first.doc
    while k >= 0 and doc[k].dep_ in ("advmod", "quantmod") and doc[k].head.i in (anchor.i, first.i):
        k -= 1
    return doc[k] if k >= 0 else None


def _is_list_marker(first: Token, anchor: Token) -> bool:
    """ "(1) public statements", "2) the budget": a number closed by a bracket numbers a
    list."""
    doc = first.doc
    return bool(anchor.i == first.i and anchor.i + 1 < len(doc) and doc[anchor.i + 1].text == ")")


def _after_article(first: Token) -> bool:
    """ "a" or "an" before the number, past a noun or two ("a magnitude 7")."""
    doc = first.doc
    for k in range(first.i - 1, max(-1, first.i - 4), -1):
        if doc[k].lower_ in ("a", "an"):
            return True
        if doc[k].pos_ not in ("NOUN", "ADJ"):
            return False
    return False


def _is_source(noun: Token) -> bool:
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in source_verbs():
        return True
    if noun.dep_ != "pobj":
        return False
    head = noun.head
    return bool(head.lower_ == "per" or (head.lower_ == "to" and head.head.lower_ == "according"))


def _in_a_name(first: Token, noun: Token | None) -> bool:
    """ "Oceans 11 film", "the Group of 20 nations": a capitalized proper noun (not the
    sentence's first word) right before the number, counting nothing plural, or before an
    "of" right before it."""
    k = first.i - 1
    of = k >= 0 and first.doc[k].lower_ == "of"
    if of:
        k -= 1
    if k < 0:
        return False
    prev = first.doc[k]
    proper = (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and prev.ent_type_ not in ("DATE", "TIME")
        and prev.whitespace_ != ""
    )
    return proper and (of or noun is None or noun.tag_ != "NNS")


def not_counted(
    first: Token,
    anchor: Token,
    noun: Token | None,
    outcome: str | None,
    *,
    spelled: bool,
    unit: bool = False,
) -> str | None:
    """Why the number at ``anchor`` (whose first token is ``first``) counts nothing, or None
    when it may be a figure. ``unit``: money or a percentage, whose unit is written beside
    the number, so the noun after it is not what it counts."""
    before = _before(anchor, first)
    prev = before.lower_ if before is not None else ""
    if spelled and anchor.lower_ == "one" and outcome is None:
        return "one"
    if spelled and prev in _BACK_REFERENCE and outcome is None:
        return "back reference"
    if spelled and prev in _FAMILY:
        return "family"  # "his 3,000 followers" is a count
    if noun is not None and not unit:
        if noun.lemma_.lower() in words("discourse_nouns.txt"):
            return "discourse"  # "two things rarely come together", "three key lessons"
        if noun.i < anchor.i and anchor.head.i == noun.i:
            return "label"  # "revolution 2.0", "chapter 11": a count comes before its noun
        if any(c.tag_ == "JJS" and c.i < noun.i for c in noun.children):
            return "ranking"
        if noun.tag_ == "NNP" and noun.i > anchor.i:
            return "name"  # "5 Live Football League": a count is of something plural
        if noun.tag_ == "NN" and noun.i > anchor.i and _after_article(first):
            return "measure"  # "a magnitude 7 earthquake", "A 360 Degree Look"
        if noun.lemma_.lower() in words("percent_words.txt") and noun.i != anchor.i + 1:
            return "percent"  # "264 of 268 (98.5 percent)": the percent is another number's
        if _is_source(noun):
            return "source"
        if {noun.lower_, noun.lemma_.lower()} & words("figure_units.txt"):
            return "unit"
    if _is_list_marker(first, anchor):
        return "list"
    nxt = anchor.nbor(1) if anchor.i + 1 < len(anchor.doc) else None
    if nxt is not None and nxt.lower_ in words("figure_units.txt"):
        return "unit"
    if _in_a_name(first, noun):
        return "name"
    return None
