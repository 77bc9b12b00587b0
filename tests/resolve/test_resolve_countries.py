"""Country codes of entities: countries, demonyms and large cities, never persons or
organisations."""

from __future__ import annotations

import pytest

from storyline.resolve.countries import country_code


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Israeli", "group", "ISR"),
        ("the United States", "place", "USA"),
        ("Egypt", "place", "EGY"),
        ("Doha", "place", "QAT"),
        ("Hamas", "org", None),
        ("Jordan", "person", None),
        ("Nowhereville", "place", None),
    ],
)
def test_country_code(name: str, kind: str, code: str | None) -> None:
    assert country_code(name, kind) == code
