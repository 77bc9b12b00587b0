"""The outlets each document credits or cites, with the words that say so.

A document's copy is credited to a wire by its header (ingest keeps "With AFP" lines and
dateline credits in ``Document.credits``) and by words in its text: a dateline, "AFP
contributed to this report", a reporting footer. Apart from those, an article names outlets
as the source of what it reports: someone "told Reuters" (the outlet gathered it), or a fact
is "according to the Wall Street Journal" (merely cited). The rules are data
(resolve/data/credit_contexts.toml, over the outlets resolve/outlets.py finds), general
newswriting conventions rather than any one outlet's.

This is read from the stored text, not from the per-document analysis, so that adding it
changes no analysis: the roles come from the words around each outlet's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import cast

from storyline import datafiles
from storyline.model import CreditRole, Document, SourceCredit, evidence
from storyline.resolve.outlets import OutletSpan, find_outlets, usual_name

_PACKAGE = "storyline.resolve"
_RULES = "credit_contexts.toml"
# How far around a name a rule looks: a credit's words sit next to the name.
_BEFORE = 80
_AFTER = 240


@dataclass(frozen=True)
class _Rule:
    role: CreditRole
    basis: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@cache
def _rules() -> tuple[_Rule, ...]:
    found = []
    for raw in datafiles.table(_PACKAGE, _RULES)["rule"]:
        before, after = raw.get("before"), raw.get("after")
        found.append(
            _Rule(
                role=cast(CreditRole, raw["role"]),
                basis=raw["basis"],
                before=re.compile(before, re.IGNORECASE) if before else None,
                after=re.compile(after, re.IGNORECASE) if after else None,
            )
        )
    return tuple(found)


@cache
def _footers() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in datafiles.listed(_PACKAGE, _RULES, "reporting_footers")
    )


def _credit_at(doc: Document, span: OutletSpan) -> SourceCredit | None:
    """The first rule that fits the words around one outlet's name."""
    text = doc.text
    for rule in _rules():
        start, end = span.start, span.end
        if rule.before is not None:
            found = rule.before.search(text, max(0, span.start - _BEFORE), span.start)
            if found is None:
                continue
            start = found.start()
        if rule.after is not None:
            after = rule.after.match(text[span.end : span.end + _AFTER])
            if after is None:
                continue
            end = span.end + after.end()
        start, end = _stripped(text, start, end)
        return SourceCredit(
            doc=doc.id,
            outlet=span.outlet,
            role=rule.role,
            basis=rule.basis,
            evidence=evidence(doc, start, end),
        )
    return None


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blank characters a rule took in at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _footer_credits(doc: Document) -> list[SourceCredit]:
    found: list[SourceCredit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _footers():
        for match in pattern.finditer(doc.text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append(match.span())
            found.append(
                SourceCredit(
                    doc=doc.id,
                    outlet=None,
                    role="wire",
                    basis="reporting footer",
                    evidence=evidence(doc, *match.span()),
                )
            )
    return found


def document_credits(doc: Document) -> list[SourceCredit]:
    """Every outlet one document credits or cites, in text order; a header credit ingest
    took out of the text comes first, with no span."""
    in_text = [c for span in find_outlets(doc.text) if (c := _credit_at(doc, span))]
    in_text.extend(_footer_credits(doc))
    wires_in_text = {c.outlet for c in in_text if c.role == "wire"}
    header = [
        SourceCredit(doc=doc.id, outlet=name, role="wire", basis="credit line")
        for name in dict.fromkeys(usual_name(c) for c in doc.credits)
        if name not in wires_in_text
    ]
    return header + sorted(in_text, key=_position)


def _position(credit: SourceCredit) -> int:
    return credit.evidence.start if credit.evidence else -1


def source_credits(documents: Iterable[Document]) -> list[SourceCredit]:
    """The credits of every document."""
    return [c for doc in documents for c in document_credits(doc)]


def credited_outlets(credits: Iterable[SourceCredit], roles: Iterable[str]) -> set[str]:
    """The outlets named in credits of some roles."""
    wanted = set(roles)
    return {c.outlet for c in credits if c.outlet and c.role in wanted}
