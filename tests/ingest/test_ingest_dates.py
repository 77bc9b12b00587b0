"""Publication dates from metadata, at the precision given."""

from __future__ import annotations

import pytest

from storyline.ingest.dates import normalize_date


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-12-20", "2023-12-20"),
        ("2023-12", "2023-12"),
        ("2023", "2023"),
        ("2023-12-20T23:30:00-05:00", "2023-12-20"),  # the day as written, not in UTC
        ("2023-12-20 08:15:00", "2023-12-20"),
        ("Wed, 20 Dec 2023 10:00:00 GMT", "2023-12-20"),
        ("20 December 2023", "2023-12-20"),
        ("December 20, 2023", "2023-12-20"),
        ("Dec 2023", "2023-12"),
        ("2023/12/20", "2023-12-20"),
        (1703066400, "2023-12-20"),
        (1703066400000, "2023-12-20"),  # milliseconds
        ("2023-02-30", None),
        ("next week", None),
        ("", None),
        (None, None),
        (True, None),
        (["2023"], None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
