"""../shared beside the checkout: optional on a developer's machine, required in CI.

.ci/run sets STORYLINE_CI=1, and CI always has a copy of ../shared (seeds, eval-data) beside
the clone. There a missing folder means a broken setup, and a test that skipped over it would
pass having checked nothing (the quality floors least of all), so it fails, naming the path.
Elsewhere a developer without the data sees the test skipped, with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CI_ENV = "STORYLINE_CI"


def in_ci() -> bool:
    return os.environ.get(CI_ENV, "") not in ("", "0")


def require_shared(path: Path) -> Path:
    """``path`` when it exists; otherwise the test is skipped, or fails in CI."""
    if path.exists():
        return path
    reason = f"{path} is not present"
    if in_ci():
        pytest.fail(
            f"{reason}; CI ({CI_ENV} is set) must have ../shared beside the checkout",
            pytrace=False,
        )
    pytest.skip(reason)
