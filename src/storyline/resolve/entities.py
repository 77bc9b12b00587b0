"""One entity per actor: group mentions across documents.

First cut: mentions with the same normalized key and label group are one entity (the key comes
from analyze.entities.name_key). A person's single-word name ("Netanyahu") joins the one
multi-word name that ends with it ("Benjamin Netanyahu"); when several would match, it stays
apart rather than guessing.

A country is one entity whatever names it: its names ("U.S.", "United States", "America") and
its demonyms ("Israeli", "Israelis") join one place entity, whose id is that of the
gazetteer's name for it (entity_id("place", "israel")), so that it is the same in every
corpus. For a timeline and for PLOVER's actor codes, "Israeli officials said" is said on
Israel's behalf: the nationality stands for the state. Parts of a country ("Gaza", "England")
stay apart (resolve/data/country_parts.txt).

A role phrase tied to a person ("the Mossad chief", analyze/roles.py) is one of the person's
mentions but not one of their names: it counts neither for the entity's name nor its aliases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.model import Analysis, Entity, Evidence, Mention, entity_id, label_group
from storyline.names import plain_key
from storyline.resolve.countries import country_code, whole_country

_COUNTRY_KINDS = frozenset({"place", "group"})


@dataclass
class _Group:
    id: str
    kind: str
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)
    # The kind of the mentions each surface was first seen in: a country's entity is named
    # by a name of the place, not by its demonym.
    surface_kinds: dict[str, str] = field(default_factory=dict)

    def absorb(self, other: _Group) -> None:
        self.surfaces.update(other.surfaces)
        self.evidence.extend(other.evidence)
        for surface, kind in other.surface_kinds.items():
            self.surface_kinds.setdefault(surface, kind)

    def name(self) -> str:
        if not self.surfaces:
            # Only mentions that are not its names ("Cairo said ...", analyze/metonymy.py):
            # a country is called what the gazetteer calls it.
            country = whole_country(self.key) if self.kind in _COUNTRY_KINDS else None
            return country[1] if country is not None else self.key
        name, _ = max(
            self.surfaces.items(),
            key=lambda kv: (
                self.surface_kinds.get(kv[0]) == self.kind,
                len(kv[0].split()) > 1,
                kv[1],
            ),
        )
        return name


def resolve_entities(analyses: Iterable[Analysis]) -> tuple[list[Entity], dict[str, str]]:
    """Entities across all analyses, and a map from every mention-level entity id to the id of
    the entity it was merged into (identity for most)."""
    groups: dict[str, _Group] = {}
    for analysis in analyses:
        for m in analysis.mentions:
            _add(groups, m)

    merged = _merge_short_person_names(groups)
    merged.update(_merge_countries(groups))
    entities = []
    for gid, group in sorted(groups.items()):
        if gid in merged:
            continue
        name = group.name()
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
    if m.named:
        group.surfaces[m.evidence.text] += 1
        group.surface_kinds.setdefault(m.evidence.text, label_group(m.label))
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
            targets[0].absorb(g)
            merged[g.id] = targets[0].id
    return merged


def _merge_countries(groups: dict[str, _Group]) -> dict[str, str]:
    """Map each place or group named by a country's name or demonym to the country's place
    group (module docstring), made when the corpus never names the country itself."""
    merged: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: g.id):
        country = whole_country(g.key) if g.kind in _COUNTRY_KINDS else None
        if country is None:
            continue
        key = plain_key(country[1])
        target_id = entity_id("place", key)
        target = groups.get(target_id)
        if target is None:
            target = groups[target_id] = _Group(id=target_id, kind="place", key=key)
        if target is g:
            continue
        target.absorb(g)
        merged[g.id] = target_id
    return merged
