"""MEANTIME English entity mentions as gold for bench/extract/meantime_entities.py: each
ENTITY_MENTION with its tokens on the rebuilt text (bench/timex/meantime_reader.py), its
syntactic type, and the type and id of the ENTITY its REFERS_TO links it to."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timex.meantime_reader import Rebuilt

NAMED = frozenset({"NAM", "PRE.NAM"})
_ARTICLES = ("the ", "The ")
_POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    syntax: str  # NAM, PRE.NAM, NOM, PRO, APP, ... ("" when the annotators gave none)
    type: str | None  # PER, ORG, LOC, PRO, FIN, MIX; None when linked to no entity
    cluster: str | None  # the ENTITY it refers to
    innermost: bool  # no other named gold mention lies inside it

    @property
    def named(self) -> bool:
        return self.syntax in NAMED


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading "the" and a trailing possessive."""
    piece = text[start:end]
    for article in _ARTICLES:
        if piece.startswith(article) and len(piece) > len(article):
            start += len(article)
            piece = piece[len(article) :]
    for mark in _POSSESSIVES:
        if piece.endswith(mark) and len(piece) > len(mark):
            end -= len(mark)
            break
    return start, end


def gold_mentions(doc: Rebuilt) -> list[GoldMention]:
    markables = doc.root.find("Markables")
    listed = list(markables) if markables is not None else []
    entities = {m.get("m_id", ""): m for m in listed if m.tag == "ENTITY"}
    cluster_of: dict[str, str] = {}
    for link in doc.root.iter("REFERS_TO"):
        target = link.find("target")
        if target is not None and target.get("m_id", "") in entities:
            for source in link.findall("source"):
                cluster_of[source.get("m_id", "")] = target.get("m_id", "")
    spans = []
    for m in listed:
        if m.tag != "ENTITY_MENTION":
            continue
        anchors = [a.get("t_id", "") for a in m.iter("token_anchor")]
        if not anchors or any(a not in doc.spans for a in anchors):
            continue
        start, end = trim(doc.text, doc.spans[anchors[0]][0], doc.spans[anchors[-1]][1])
        cluster = cluster_of.get(m.get("m_id", ""))
        kind = entities[cluster].get("ent_type") if cluster is not None else None
        spans.append((start, end, m.get("syntactic_type") or "", kind, cluster))
    named = [(s, e) for s, e, syntax, _, _ in spans if syntax in NAMED]
    return [
        GoldMention(
            start,
            end,
            doc.text[start:end],
            syntax,
            kind,
            cluster,
            not any(start <= s and e <= end and (s, e) != (start, end) for s, e in named),
        )
        for start, end, syntax, kind, cluster in sorted(spans)
    ]
