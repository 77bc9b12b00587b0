"""The rule files of ingest/data/ (regex lists, date formats, TOML settings), read by
storyline.datafiles."""

from __future__ import annotations

import re
from typing import Any

from storyline import datafiles

_PACKAGE = "storyline.ingest"


def rule_lines(name: str) -> tuple[str, ...]:
    """The entries of a rule file, stripped (date formats, one a line)."""
    return datafiles.lines(_PACKAGE, name)


def patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """A regex rule file compiled; "@NAME = regex" lines define fragments used as <<NAME>>."""
    return datafiles.patterns(_PACKAGE, name, flags)


def settings(name: str) -> dict[str, Any]:
    """A TOML settings file of ingest/data/."""
    return datafiles.table(_PACKAGE, name)
