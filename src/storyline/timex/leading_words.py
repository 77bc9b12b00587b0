"""leading_words(): the first two words a regular expression's matches can begin with, read
off the compiled pattern, so that a rule is tried only where the text starts with them.

Running ~70 grammar rules at every position of a document cost more than the rest of the time
tagger together; almost no word of a text begins a time expression, and one lookup of the
words at a position says which rules can match there.

A position's key is (first word, second word): the first word is the run of letters a-z there
(the text is folded to lower case first), or " " at a space, or "" at any other character; the
second word is the run of letters after the first word and the spaces that follow it, or ""
when something else comes first. In the pattern's keys the second word is None when a match
may end after the first word: any second word will do.

The keys are safe, not exact: a match always begins with one of them (some may begin none).
The pattern is assumed to end where the text does or before a character that is not a letter
(fullmatch, or a search pattern ending in a look-ahead for a non-word character). When the keys
cannot be listed (a run of letters of unbounded length, a back-reference, any character) the
result is None: try the rule everywhere.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

# The regex parser of the standard library (private, but its opcodes are stable since 3.11).
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

Key = tuple[str, str | None]

# States of reading a match from its start: (phase, first word, second word). Phases: "A" in
# the first word, "G" in the spaces after it, "B" in the second word, "D" once the key is known.
_State = tuple[str, str, str]

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPACE = " "
_OTHER = "0"  # stands for every character that is neither a letter a-z nor a space
# Characters standing for all those that are not letters a-z, to test what a class matches.
_PROBES = frozenset(_LETTERS | set("09_.'-,(½é") | set(" \t\n\r\f\v\u00a0"))
# Give up (None) rather than track more states than this.
_MAX_STATES = 50_000
# A repeat is followed until it adds no new state, at most this many times.
_MAX_ROUNDS = 12
_SECOND_WORD = re.compile(r"\s+([a-z]+)")


class _Unbounded(Exception):
    """The keys cannot be listed."""


def leading_words(pattern: re.Pattern[str] | str) -> frozenset[Key] | None:
    """The keys of the positions where the pattern can match, or None when they cannot be
    listed."""
    if isinstance(pattern, re.Pattern):
        return _leading_words(pattern.pattern, pattern.flags)
    return _leading_words(pattern, 0)


@lru_cache(maxsize=1024)
def _leading_words(source: str, flags: int) -> frozenset[Key] | None:
    if flags & re.IGNORECASE:
        return None
    try:
        states = _sequence({("A", "", "")}, list(sre_parse.parse(source, flags)))
        return frozenset(_key_at_end(state) for state in states)
    except _Unbounded:
        return None


def leading_key(text: str, position: int) -> tuple[str, str]:
    """The key of text at position, as leading_words() counts it."""
    end = position
    while end < len(text) and text[end] in _LETTERS:
        end += 1
    if end == position:
        return (_SPACE if position < len(text) and text[position].isspace() else "", "")
    return text[position:end], second_word(text, end)


def second_word(text: str, end: int) -> str:
    """The second word of a key whose first word ends at end."""
    found = _SECOND_WORD.match(text, end)
    return found.group(1) if found is not None else ""


def _key_at_end(state: _State) -> Key:
    """The key of a match that ends in this state: a match ends before a non-letter."""
    phase, first, second = state
    if phase == "A" and not first:
        raise _Unbounded  # the pattern matches the empty string
    if phase in ("A", "G"):
        return (first, None)  # any second word may follow
    return (first, second)


def _step(state: _State, char: str) -> _State:
    """The state after one more character (a letter, _SPACE or _OTHER)."""
    phase, first, second = state
    if phase == "D":
        return state
    letter = char in _LETTERS
    if phase == "A":
        if letter:
            return ("A", first + char, "")
        if not first:
            return ("D", _SPACE if char == _SPACE else "", "")
        return ("G", first, "") if char == _SPACE else ("D", first, "")
    if phase == "G":
        if letter:
            return ("B", first, char)
        return state if char == _SPACE else ("D", first, "")
    if letter:
        return ("B", first, second + char)
    return ("D", first, second)


def _chars(states: set[_State], classes: frozenset[str]) -> set[_State]:
    out = {_step(state, c) for state in states for c in classes}
    if len(out) > _MAX_STATES:
        raise _Unbounded
    return out


def _sequence(states: set[_State], items: list[tuple[Any, Any]]) -> set[_State]:
    # States whose key is known go through the rest unchanged: only the others are followed.
    done = {state for state in states if state[0] == "D"}
    live = states - done
    for op, arg in items:
        if not live:
            break
        after = _item(live, op, arg)
        done |= {state for state in after if state[0] == "D"}
        live = {state for state in after if state[0] != "D"}
    if len(done) + len(live) > _MAX_STATES:
        raise _Unbounded
    return done | live


def _item(states: set[_State], op: Any, arg: Any) -> set[_State]:
    if op is sre.LITERAL:
        return _chars(states, _classes(frozenset(chr(arg))))
    if op is sre.IN:
        return _chars(states, _charset(tuple(arg)))
    if op is sre.BRANCH:
        out: set[_State] = set()
        for branch in arg[1]:
            out |= _sequence(states, list(branch))
        return out
    if op is sre.SUBPATTERN:
        return _sequence(states, list(arg[-1]))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(states, list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        return _repeat(states, arg[0], arg[1], list(arg[2]))
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return states  # zero width: it only narrows where a match may be
    raise _Unbounded  # ANY, NOT_LITERAL, GROUPREF, ...: could be any letter


def _repeat(states: set[_State], least: int, most: int, body: list[tuple[Any, Any]]) -> set[_State]:
    out: set[_State] = set(states) if least == 0 else set()
    current = states
    count = 0
    while count < most:
        current = _sequence(current, body)
        count += 1
        if count >= least:
            before = len(out)
            out |= current
            if len(out) == before:
                return out  # a fixed point: more rounds add nothing
        if count >= _MAX_ROUNDS:
            raise _Unbounded
    return out


def _classes(chars: frozenset[str]) -> frozenset[str]:
    """The letters among chars, and _SPACE and _OTHER for the others."""
    return frozenset(c if c in _LETTERS else (_SPACE if c.isspace() else _OTHER) for c in chars)


@lru_cache(maxsize=1024)
def _charset(items: tuple[tuple[Any, Any], ...]) -> frozenset[str]:
    """The classes of the characters a [...] set matches."""
    negated = any(op is sre.NEGATE for op, _ in items)
    members = {c for c in _PROBES if any(_in_item(op, arg, c) for op, arg in items) != negated}
    if not negated:  # the set's own characters, in case no probe stands for them
        for op, arg in items:
            if op is sre.LITERAL:
                members.add(chr(arg))
            elif op is sre.RANGE:
                members.update((chr(arg[0]), chr(arg[1])))
    return _classes(frozenset(members))


def _in_item(op: Any, arg: Any, char: str) -> bool:
    if op is sre.LITERAL:
        return bool(chr(arg) == char)
    if op is sre.RANGE:
        return bool(arg[0] <= ord(char) <= arg[1])
    if op is sre.CATEGORY:
        return _in_category(arg, char)
    if op is sre.NEGATE:
        return False
    raise _Unbounded


def _in_category(category: Any, char: str) -> bool:
    tests = {
        sre.CATEGORY_DIGIT: char.isdigit(),
        sre.CATEGORY_NOT_DIGIT: not char.isdigit(),
        sre.CATEGORY_SPACE: char.isspace(),
        sre.CATEGORY_NOT_SPACE: not char.isspace(),
        sre.CATEGORY_WORD: char.isalnum() or char == "_",
        sre.CATEGORY_NOT_WORD: not (char.isalnum() or char == "_"),
    }
    if category not in tests:
        raise _Unbounded
    return tests[category]
