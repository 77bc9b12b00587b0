"""One entity per actor: group mentions across documents.

Mentions with the same normalized key and label group are one entity (the key comes from
analyze.entities.name_key). Across documents, a person's first name in a familiar form joins
its full form ("Bill Burns" / "William Burns", resolve/data/nicknames.txt), a shorter name joins
the one longer name that ends with it ("Netanyahu", "Al-Nono"; when several would match it stays
apart rather than guessing), and one place under two transliterations is one place ("Khan
Yunis" / "Khan Younis"), and so is a place under its longer name or its people's name ("Gaza",
"the Gaza Strip", "Gazans").

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from storyline import datafiles
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
    fragments: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for m in analysis.mentions:
            _add(groups, m)
        for fragment, whole in _name_fragments(analysis.mentions):
            fragments[fragment].add(whole)

    # Each step merges groups into others; a merged group leaves ``groups`` at once, so the
    # next step sees only what is left, and a chain of merges is followed to its end.
    merged: dict[str, str] = {}
    seen = set(groups)
    for step in (
        lambda groups: _merge_fragments(groups, fragments),
        _merge_nicknames,
        _merge_person_name_ends,
        _merge_person_name_parts,
        _merge_countries,
        _merge_place_spellings,
        _merge_place_forms,
    ):
        found = step(groups)
        merged.update(found)
        for gid in found:
            del groups[gid]
        seen |= set(groups)

    def final(gid: str) -> str:
        while gid in merged:
            gid = merged[gid]
        return gid

    entities = []
    for gid, group in sorted(groups.items()):
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
    remap = {gid: final(gid) for gid in seen}
    return entities, remap


# Words that continue a name when the model cut it in two ("Mohammed bin Abdulrahman" +
# "bin Jassim Al-Thani"): a mention starting with one, right after a person's name, is the rest
# of that name.
_NAME_PARTICLES = frozenset({"bin", "ibn", "ben", "bint", "al", "el", "de", "da", "van", "von"})


def _name_fragments(mentions: Iterable[Mention]) -> Iterator[tuple[str, str]]:
    """(fragment's entity, whole name's entity) for each person mention that continues the
    person mention just before it."""
    people = sorted(
        (m for m in mentions if label_group(m.label) == "person"),
        key=lambda m: (m.evidence.doc, m.evidence.start),
    )
    for before, m in pairwise(people):
        first = m.evidence.text.split()[0] if m.evidence.text.split() else ""
        head = first.split("-")[0]
        if (
            before.evidence.doc == m.evidence.doc
            and 0 <= m.evidence.start - before.evidence.end <= 1
            and head in _NAME_PARTICLES
            and before.entity != m.entity
        ):
            yield m.entity, before.entity


def _merge_fragments(groups: dict[str, _Group], fragments: dict[str, set[str]]) -> dict[str, str]:
    """A name the model cut in two is one person: the rest ("bin Jassim Al-Thani") joins
    the name it continues, when it always continues the same one."""
    merged: dict[str, str] = {}
    for fragment, wholes in sorted(fragments.items()):
        if len(wholes) != 1 or fragment not in groups:
            continue
        [whole] = wholes
        if whole in groups and whole not in merged:
            groups[whole].absorb(groups[fragment])
            merged[fragment] = whole
    return merged


def _add(groups: dict[str, _Group], m: Mention) -> None:
    group = groups.get(m.entity)
    if group is None:
        group = groups[m.entity] = _Group(id=m.entity, kind=label_group(m.label), key=m.key)
    if m.named:
        group.surfaces[m.evidence.text] += 1
        group.surface_kinds.setdefault(m.evidence.text, label_group(m.label))
    group.evidence.append(m.evidence)


def _merge_nicknames(groups: dict[str, _Group]) -> dict[str, str]:
    """ "Bill Burns" and "William Burns", "Bibi Netanyahu" and "Benjamin Netanyahu": one
    person when the first names are forms of one name (resolve/data/nicknames.txt) and the
    rest is the same. The group with the most mentions keeps the others."""
    forms = datafiles.mapping("storyline.resolve", "nicknames.txt")
    by_name: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for g in sorted(groups.values(), key=lambda g: g.id):
        words = g.key.split()
        if g.kind == "person" and len(words) > 1:
            by_name[(forms.get(words[0], words[0]), *words[1:])].append(g)
    merged: dict[str, str] = {}
    for members in by_name.values():
        if len(members) < 2:
            continue
        target = max(members, key=lambda g: (len(g.evidence), g.id))
        for g in members:
            if g is not target:
                target.absorb(g)
                merged[g.id] = target.id
    return merged


def _merge_person_name_ends(groups: dict[str, _Group]) -> dict[str, str]:
    """Map a person's shorter name to the one longer name ending in it: "Netanyahu" to
    "Benjamin Netanyahu", "Al-Nono" to "Taher Al-Nono"; when several would fit it stays
    apart rather than guessing."""
    ends: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    for g in groups.values():
        words = tuple(g.key.split())
        if g.kind == "person":
            for n in range(1, len(words)):
                ends[words[-n:]].append(g)
    merged: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: g.id):
        if g.kind != "person" or g.id in merged:
            continue
        targets = [t for t in ends.get(tuple(g.key.split()), []) if t.id not in merged]
        if len(targets) == 1:
            targets[0].absorb(g)
            merged[g.id] = targets[0].id
    return merged


# A name this long is distinctive enough to stand for the one longer name it is part of.
_MIN_NAME_PART_WORDS = 3


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _merge_person_name_parts(groups: dict[str, _Group]) -> dict[str, str]:
    """Map a person's name of three words or more to the one longer name that has the same
    first word and all its words in order: "Mohammed bin Abdulrahman al-Thani" to "Mohammed
    bin Abdulrahman bin Jassim al-Thani", "Mohammed bin Abdulrahman" to either. Names of
    that length rarely belong to two people; when two longer names fit it stays apart."""
    by_first: dict[str, list[_Group]] = defaultdict(list)
    for g in groups.values():
        if g.kind == "person":
            by_first[g.key.split()[0]].append(g)
    merged: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: (len(g.key.split()), g.id)):
        words = tuple(g.key.split())
        if g.kind != "person" or g.id in merged or len(words) < _MIN_NAME_PART_WORDS:
            continue
        longer = [
            t
            for t in by_first[words[0]]
            if t.id not in merged
            and len(t.key.split()) > len(words)
            and _is_subsequence(words, tuple(t.key.split()))
        ]
        # The longest fitting names must be one name: a shorter fit is part of it too.
        longest = max((len(t.key.split()) for t in longer), default=0)
        top = [t for t in longer if len(t.key.split()) == longest]
        if len(top) == 1 and all(
            _is_subsequence(tuple(t.key.split()), tuple(top[0].key.split())) for t in longer
        ):
            top[0].absorb(g)
            merged[g.id] = top[0].id
    return merged


# How alike two spellings of one place must be (rapidfuzz ratio, 0-100): "Khan Yunis" and
# "Khan Younis" are 95; a one-word name needs more ("Alexandria" and "Alexandra" are 95 too).
PLACE_SPELLING = 90
ONE_WORD_PLACE_SPELLING = 96
_MIN_PLACE_KEY = 7


def _merge_place_spellings(groups: dict[str, _Group]) -> dict[str, str]:
    """One place under two transliterations ("Khan Yunis" / "Khan Younis"): names of as many
    words, with the same first letter, alike by PLACE_SPELLING; countries are joined by
    their names already and are left alone."""
    from rapidfuzz import fuzz

    blocks: dict[tuple[str, int], list[_Group]] = defaultdict(list)
    for g in groups.values():
        if g.kind == "place" and len(g.key) >= _MIN_PLACE_KEY and whole_country(g.key) is None:
            blocks[(g.key[0], len(g.key.split()))].append(g)
    merged: dict[str, str] = {}
    for (_, words), block in sorted(blocks.items()):
        block.sort(key=lambda g: (-len(g.evidence), g.id))
        need = PLACE_SPELLING if words > 1 else ONE_WORD_PLACE_SPELLING
        for i, g in enumerate(block):
            if g.id in merged:
                continue
            for h in block[i + 1 :]:
                if h.id not in merged and fuzz.ratio(g.key, h.key) >= need:
                    g.absorb(h)
                    merged[h.id] = g.id
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


def _place_key(key: str) -> str:
    return key.removeprefix("the ")


# Endings that make a people's name of a place's name ("Gaza" -> "Gazans", "Kuwait" ->
# "Kuwaiti"), longest first; a stem shorter than _MIN_DEMONYM_STEM is too easily another word.
_DEMONYM_ENDINGS = ("ans", "ns", "an", "n", "is", "i")
_MIN_DEMONYM_STEM = 4


def _merge_place_forms(groups: dict[str, _Group]) -> dict[str, str]:
    """One place under its longer name and its people's name: "the Gaza Strip" and "Gaza"
    ("X Strip", "X Province": a territory word after the name, resolve/data/territory_words.txt),
    "Gazan"/"Gazans" and "Gaza". Only when the shorter name is itself a place of the corpus;
    countries are joined by their own names already and are left alone. The group with more
    mentions keeps the other."""
    territory = datafiles.words("storyline.resolve", "territory_words.txt")
    places: dict[str, _Group] = {}
    for g in sorted(groups.values(), key=lambda g: g.id):
        if g.kind == "place":
            places.setdefault(_place_key(g.key), g)
    merged: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: g.id):
        if g.kind not in _COUNTRY_KINDS or whole_country(g.key) is not None:
            continue
        key = _place_key(g.key)
        words = key.split()
        shorter: str | None = None
        if g.kind == "place" and len(words) > 1 and words[-1] in territory:
            shorter = " ".join(words[:-1])
        elif len(words) == 1:
            shorter = next(
                (
                    key[: -len(end)]
                    for end in _DEMONYM_ENDINGS
                    if key.endswith(end)
                    and len(key) - len(end) >= _MIN_DEMONYM_STEM
                    and key[: -len(end)] in places
                    # A people of a place in a country ("Gazans"), not of a continent or a
                    # bloc ("European" is more often the EU's than Europe's).
                    and country_code(key[: -len(end)], "place") is not None
                ),
                None,
            )
        target = places.get(shorter) if shorter is not None else None
        if target is None or target is g or target.id in merged or g.id in merged:
            continue
        keep, gone = (target, g) if len(target.evidence) >= len(g.evidence) else (g, target)
        if gone.kind == "place" and keep.kind != "place":
            keep, gone = gone, keep  # a place is not absorbed by its people's name
        keep.absorb(gone)
        merged[gone.id] = keep.id
        if places.get(_place_key(gone.key)) is gone:
            places[_place_key(gone.key)] = keep
    return merged
