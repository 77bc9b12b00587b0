"""The scale benchmark skips a size whose projected peak memory would not fit, rather than
swapping or being killed: the projection from the largest finished run is linear in N."""

from __future__ import annotations

from typing import Any

import pytest
from bench.speed import crossdoc_scale


def test_projection_scales_the_largest_finished_run() -> None:
    done: list[dict[str, Any]] = [
        {"documents": 1000, "peak_mb": 1000.0},
        {"documents": 10000, "peak_mb": 8000.0},
        {"documents": 20000, "failed": -9},
    ]
    assert crossdoc_scale.projected_peak_mb(done, 100000) == pytest.approx(80000.0)
    assert crossdoc_scale.projected_peak_mb([], 100000) is None


def test_a_size_that_cannot_fit_is_skipped_with_its_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(crossdoc_scale, "available_mb", lambda: 20000.0)
    done: list[dict[str, Any]] = [{"documents": 10000, "peak_mb": 8000.0}]
    skipped = crossdoc_scale._too_big(done, 100000)
    assert skipped is not None
    assert skipped["projected_peak_mb"] == 80000
    assert "80,000 MB > 20,000 MB available" in skipped["skipped"]
    assert crossdoc_scale._too_big(done, 20000) is None
