"""A small tmpfs for tests of full and read-only disks: mounting needs root and a kernel that
lets this container mount; where it cannot, the test is skipped with the reason."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tmpfs(folder: Path, size: int, *, read_only: bool = False) -> Iterator[Path]:
    """``folder`` (created) as a tmpfs of ``size`` bytes, unmounted afterwards."""
    folder.mkdir()
    options = f"{'ro,' if read_only else ''}size={size}"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
