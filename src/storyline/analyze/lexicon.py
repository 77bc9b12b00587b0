"""The rule and word lists in analyze/data/, read by storyline.datafiles.

Three formats (comments: lines starting with ``#``):
  * ``words``:   one entry per line ("said", "prime minister");
  * ``mapping``: ``key : value`` per line ("person : people");
  * ``table``:   TOML, for rules that need structure (event triggers).
Entries are lower-cased: every lookup is made on lower-cased text or lemmas.
"""

from __future__ import annotations

from typing import Any

from storyline import datafiles

_PACKAGE = "storyline.analyze"


def words(name: str) -> frozenset[str]:
    return datafiles.words(_PACKAGE, name)


def mapping(name: str) -> dict[str, str]:
    return datafiles.mapping(_PACKAGE, name)


def table(name: str) -> dict[str, Any]:
    return datafiles.table(_PACKAGE, name)


def listed(name: str, key: str) -> tuple[str, ...]:
    """The non-empty list of words under ``key`` in a TOML file."""
    return datafiles.listed(_PACKAGE, name, key)
