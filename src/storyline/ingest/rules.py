"""Loading the rule data files in ingest/rules/ (regex lists, date formats, TOML settings)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

_MACRO = re.compile(r"@(?P<name>[A-Z_]+)\s*=\s*(?P<body>.+)")
_MACRO_USE = re.compile(r"<<(?P<name>[A-Z_]+)>>")


def _read(name: str) -> str:
    return files("storyline.ingest").joinpath("rules", name).read_text(encoding="utf-8")


@cache
def rule_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a rule file, stripped."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """Compile a regex rule file. "@NAME = regex" lines define fragments used as <<NAME>>, so a
    long sub-pattern (an agency name, say) is written once per file."""
    macros: dict[str, str] = {}

    def expand(pattern: str, lineno: int) -> str:
        def substitute(match: re.Match[str]) -> str:
            try:
                return macros[match["name"]]
            except KeyError:
                undefined = match["name"]
                raise ValueError(f"{name}: rule {lineno} uses undefined <<{undefined}>>") from None

        return _MACRO_USE.sub(substitute, pattern)

    compiled: list[re.Pattern[str]] = []
    for lineno, line in enumerate(rule_lines(name), start=1):
        macro = _MACRO.fullmatch(line)
        if macro:
            macros[macro["name"]] = expand(macro["body"], lineno)
            continue
        try:
            compiled.append(re.compile(expand(line, lineno), flags))
        except re.error as exc:
            message = f"{name}: rule {lineno} ({line!r}) is not a valid regex: {exc}"
            raise ValueError(message) from exc
    return tuple(compiled)


@cache
def settings(name: str) -> dict[str, Any]:
    """A TOML settings file from the rules folder."""
    return tomllib.loads(_read(name))
