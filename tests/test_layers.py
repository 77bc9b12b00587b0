"""The stage layers are a contract: `lint-imports` checks [tool.importlinter] in pyproject.toml
(cli down to model, as the README's layout and the contract's comment describe them), here so
that `pytest` alone checks it too, and in `make lint`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_no_stage_imports_a_later_one() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    # This checkout's src first, whichever copy of storyline the environment has installed.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--config", str(REPO / "pyproject.toml")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
