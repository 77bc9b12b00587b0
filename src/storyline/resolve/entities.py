"""One entity per actor: group mentions across documents.

First cut: mentions with the same normalized key and label group are one entity (the key comes
from analyze.entities.name_key). A person's single-word name ("Netanyahu") joins the one
multi-word name that ends with it ("Benjamin Netanyahu"); when several would match, it stays
apart rather than guessing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.model import Analysis, Entity, Evidence, Mention, label_group
from storyline.resolve.countries import country_code


@dataclass
class _Group:
    id: str
    kind: str
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)


def resolve_entities(analyses: Iterable[Analysis]) -> tuple[list[Entity], dict[str, str]]:
    """Entities across all analyses, and a map from every mention-level entity id to the id of
    the entity it was merged into (identity for most)."""
    groups: dict[str, _Group] = {}
    for analysis in analyses:
        for m in analysis.mentions:
            _add(groups, m)

    merged = _merge_short_person_names(groups)
    entities = []
    for gid, group in sorted(groups.items()):
        if gid in merged:
            continue
        name, _ = max(group.surfaces.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1]))
        aliases = sorted(s for s in group.surfaces if s != name)
        evidence = sorted(group.evidence, key=lambda e: (e.doc, e.start))
        country = next(
            (c for s in (name, *aliases) if (c := country_code(s, group.kind)) is not None), None
        )
        entities.append(
            Entity(
                id=gid,
                name=name,
                kind=group.kind,
                aliases=aliases,
                mentions=evidence,
                country=country,
            )
        )
    remap = {gid: merged.get(gid, gid) for gid in groups}
    return entities, remap


def _add(groups: dict[str, _Group], m: Mention) -> None:
    group = groups.get(m.entity)
    if group is None:
        group = groups[m.entity] = _Group(id=m.entity, kind=label_group(m.label), key=m.key)
    group.surfaces[m.evidence.text] += 1
    group.evidence.append(m.evidence)


def _merge_short_person_names(groups: dict[str, _Group]) -> dict[str, str]:
    """Map single-word person groups to the unique multi-word person group ending in that word."""
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for g in groups.values():
        words = g.key.split()
        if g.kind == "person" and len(words) > 1:
            by_last[words[-1]].append(g)
    merged: dict[str, str] = {}
    for g in list(groups.values()):
        if g.kind != "person" or len(g.key.split()) != 1:
            continue
        targets = by_last.get(g.key, [])
        if len(targets) == 1:
            target = targets[0]
            target.surfaces.update(g.surfaces)
            target.evidence.extend(g.evidence)
            merged[g.id] = target.id
    return merged
