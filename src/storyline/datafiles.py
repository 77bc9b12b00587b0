"""The one reader of the rule and word files each stage keeps in a ``data/`` folder beside its
code (ingest/data/, analyze/data/, timex/data/, resolve/data/, resolve/dating/data/,
present/data/).

Files are read through importlib.resources, so an installed wheel reads them as a checkout
does, and each is parsed once per process. A stage names its package and the file's name:
``words("storyline.analyze", "titles.txt")``.

Formats:
  * ``table``: TOML, for settings and rules that need structure;
  * line files, one entry per line, stripped, blank lines and comment lines left out:
    ``lines`` (the entries as written), ``words`` (a set of lower-cased phrases),
    ``mapping`` (``key : value`` lines) and ``patterns`` (one regular expression per line,
    where ``@NAME = regex`` defines a fragment later lines use as ``<<NAME>>``, so a long
    sub-pattern is written once per file).

One comment syntax for every line file: a line whose first non-blank character is ``#``. A
``#`` after an entry belongs to the entry, because regular expressions and strptime formats
may contain one (``[^#]``, ``%#d``) and a word list may name "C#"; a pattern that starts with
one writes ``\\#``. (No packaged file had a comment after an entry when this rule was chosen, so
none changed meaning.)

A broken file stops the run with a DataFileError naming the file as packaged
("ingest/data/credit_patterns.txt") and, for line files, the line: a regex that does not
compile or that matches the empty string (it would fire on every line), an undefined
``<<NAME>>``, a mapping line without its colon or with an empty side, a file or a list with
no entries (it would switch its rule off without a word). These are checks, not asserts: they
hold under ``python -O``.
"""

from __future__ import annotations

import copy
import re
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

from storyline.errors import DataFileError

FOLDER = "data"

_MACRO = re.compile(r"@(?P<name>[A-Z_]+)\s*=\s*(?P<body>.+)")
_MACRO_USE = re.compile(r"<<(?P<name>[A-Z_]+)>>")


class Entry(NamedTuple):
    line: int  # in the file, counting from 1
    text: str


def where(package: str, name: str) -> str:
    """The file as packaged, for messages: "ingest/data/credit_patterns.txt"."""
    folder = package.removeprefix("storyline").lstrip(".").replace(".", "/")
    return f"{folder}/{FOLDER}/{name}" if folder else f"{FOLDER}/{name}"


def path(package: str, name: str) -> Path:
    """The file on disk, for a caller that hands the file itself on (the export's schema)."""
    resource = files(package).joinpath(FOLDER, name)
    if not isinstance(resource, Path) or not resource.is_file():
        raise DataFileError(f"{where(package, name)}: not found as a file")
    return resource


@cache
def text(package: str, name: str) -> str:
    try:
        return files(package).joinpath(FOLDER, name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{where(package, name)}: cannot be read: {exc}") from exc


@cache
def _entries(package: str, name: str) -> tuple[Entry, ...]:
    found = tuple(
        Entry(number, line.strip())
        for number, line in enumerate(text(package, name).splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not found:
        raise DataFileError(f"{where(package, name)}: no entries")
    return found


def _error(package: str, name: str, entry: Entry, problem: str) -> DataFileError:
    return DataFileError(f"{where(package, name)}, line {entry.line}: {problem} ({entry.text!r})")


def lines(package: str, name: str) -> tuple[str, ...]:
    """The entries of a line file, stripped, in file order."""
    return tuple(entry.text for entry in _entries(package, name))


def _phrase(text: str) -> str:
    return " ".join(text.split())


@cache
def words(package: str, name: str) -> frozenset[str]:
    """A word list: each entry lower-cased and its spaces collapsed, since every lookup is
    made on lower-cased text or lemmas ("prime minister")."""
    return frozenset(_phrase(entry.text).lower() for entry in _entries(package, name))


@cache
def _mapping(package: str, name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in _entries(package, name):
        key, colon, value = entry.text.partition(":")
        if not colon:
            raise _error(package, name, entry, "expected 'key : value'")
        if not key.strip() or not value.strip():
            raise _error(package, name, entry, "empty key or value")
        found[_phrase(key).lower()] = _phrase(value)
    return found


def mapping(package: str, name: str) -> dict[str, str]:
    """``key : value`` lines ("person : people"): keys lower-cased like ``words``, values as
    written (spaces collapsed). A fresh dict: the caller may keep or change it."""
    return dict(_mapping(package, name))


@cache
def patterns(package: str, name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """A regex file compiled, in file order; ``@NAME = regex`` lines define fragments."""
    macros: dict[str, str] = {}

    def expand(entry: Entry, pattern: str) -> str:
        def substitute(use: re.Match[str]) -> str:
            if use["name"] not in macros:
                raise _error(package, name, entry, f"<<{use['name']}>> is not defined above")
            return macros[use["name"]]

        return _MACRO_USE.sub(substitute, pattern)

    compiled: list[re.Pattern[str]] = []
    for entry in _entries(package, name):
        macro = _MACRO.fullmatch(entry.text)
        if macro:
            macros[macro["name"]] = expand(entry, macro["body"])
            continue
        try:
            pattern = re.compile(expand(entry, entry.text), flags)
        except re.error as exc:
            raise _error(package, name, entry, f"not a valid regex: {exc}") from exc
        if pattern.search("") is not None:
            raise _error(package, name, entry, "the regex matches the empty string")
        compiled.append(pattern)
    if not compiled:
        raise DataFileError(f"{where(package, name)}: no patterns, only fragments")
    return tuple(compiled)


@cache
def _table(package: str, name: str) -> dict[str, Any]:
    try:
        parsed = tomllib.loads(text(package, name))
    except tomllib.TOMLDecodeError as exc:  # its message gives the line and column
        raise DataFileError(f"{where(package, name)}: {exc}") from exc
    if not parsed:
        raise DataFileError(f"{where(package, name)}: no entries")
    return parsed


def table(package: str, name: str) -> dict[str, Any]:
    """A TOML file, parsed once; each call returns a copy, so a caller that takes it apart
    cannot change what the next caller reads."""
    return copy.deepcopy(_table(package, name))


def listed(package: str, name: str, key: str) -> tuple[str, ...]:
    """The list of strings under a top-level key of a TOML file, in file order. A missing,
    empty or mistyped list is an error rather than a rule that never fires."""
    value = _table(package, name).get(key)
    if not isinstance(value, list) or not value:
        raise DataFileError(f"{where(package, name)}: {key} must be a non-empty list")
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise DataFileError(f"{where(package, name)}: {key} holds an empty or non-text entry")
    return tuple(value)
