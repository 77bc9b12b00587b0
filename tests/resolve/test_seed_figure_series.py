"""Figures across the seeds: the Gaza death toll as a series over time, and the toll of 7
October where outlets disagree as one conflict (issue 11, point 4). Values are checked, not
copied: the seeds are read at run time."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.resolve.seed_story import seed_story

from storyline.model import FigureSeries

pytestmark = pytest.mark.slow


def _series(seeds_dir: Path, counts: str, place: str) -> FigureSeries:
    story = seed_story(str(seeds_dir))
    return next(s for s in story.series if s.counts == counts and s.subject == place)


def test_the_gaza_toll_is_one_series_in_date_order(seeds_dir: Path) -> None:
    series = _series(seeds_dir, "people killed", "Gaza Strip")
    values = [p.value for p in series.points]
    dates = [p.date for p in series.points]
    assert dates == sorted(dates)
    # December 2023 (19,667, then about 20,000) to December 2024 (44,400): a tally rising.
    assert values[0] < 20_000 <= values[-1] / 2
    assert dates[0].startswith("2023-12") and dates[-1].startswith("2024-12")
    assert all(p.evidence.text for p in series.points)


def test_the_toll_of_7_october_is_one_conflict_kept_apart_from_the_gaza_tally(
    seeds_dir: Path,
) -> None:
    story = seed_story(str(seeds_dir))
    figures = {f.id: f for f in story.figures}
    israel = [c for c in story.conflicts if c.quantity == "people killed (Israel)"]
    assert len(israel) == 1
    [conflict] = israel
    values = {figures[i].value for i in conflict.items}
    assert min(values) < max(values) < min(values) * 1.1
    assert conflict.date == "2023-10-07"
    gaza = _series(seeds_dir, "people killed", "Gaza Strip")
    in_conflict = {i for c in story.conflicts for i in c.items}
    # The tally's change over time is no disagreement.
    assert not {p.figure for p in gaza.points} & in_conflict


def test_the_hostages_taken_on_7_october_are_one_conflict(seeds_dir: Path) -> None:
    """About 240 against more than 250 abducted: one article retells the count a year later,
    dated by the abduction it merged with across articles, so it is the same time's count."""
    story = seed_story(str(seeds_dir))
    figures = {f.id: f for f in story.figures}
    [conflict] = [
        c for c in story.conflicts if c.quantity and c.quantity.startswith("hostages abducted")
    ]
    values = sorted({figures[i].value for i in conflict.items})
    assert len(values) == 2 and values[1] < values[0] * 1.1
    assert conflict.date == "2023-10-07"
