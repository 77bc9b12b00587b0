"""Reading the rule and word lists in ``lexicons/``, each once per process.

Three formats, all with ``#`` comments and blank lines ignored:
  * ``words``:   one entry per line ("said", "prime minister");
  * ``mapping``: ``key : value`` per line ("person : people");
  * ``table``:   TOML, for rules that need structure (event triggers).
Entries are lower-cased: every lookup is made on lower-cased text or lemmas.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).parent / "lexicons"


def _lines(name: str) -> list[str]:
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(" ".join(line.lower().split()) for line in _lines(name))


@cache
def mapping(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{name}: expected 'key : value', got {line!r}")
        out[" ".join(key.lower().split())] = " ".join(value.split())
    return out


@cache
def table(name: str) -> dict[str, Any]:
    with (LEXICON_DIR / name).open("rb") as fh:
        return tomllib.load(fh)
