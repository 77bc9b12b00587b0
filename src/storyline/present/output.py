"""Writing an output file (report, export) so that a failure never leaves half of one.

Everything is written to a temporary file in the target's own folder and renamed over the
target only once it is complete: a rename within one filesystem is atomic, so a full disk, an
error or Ctrl-C part-way leaves either the old file or none, never a truncated report.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from storyline.errors import DiskFull, OutputError


def check_output_file(path: Path) -> None:
    """Raise OutputError unless ``path`` could be a file in an existing folder; called before
    the work, so a typo in -o fails at once rather than after a long export."""
    if path.is_dir():
        raise OutputError(
            f"cannot write {path}: it is a folder", hint=f"give a file name, e.g. {path / 'out'}"
        )
    check_output_folder(path)
    # A file created and removed at once: a read-only or full file system shows here.
    _temporary_beside(path, path).unlink()


def check_output_folder(path: Path) -> None:
    """Raise OutputError unless ``path`` is in an existing folder (it may not exist itself)."""
    parent = path.parent
    if parent.is_dir():
        return
    existing = next((p for p in (parent, *parent.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise OutputError(f"cannot write {path}: {existing} is a file, not a folder")
    raise OutputError(
        f"cannot write {path}: the folder {parent} does not exist",
        hint=f"create it first (mkdir -p {parent}) or choose another path",
    )


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed to ``path`` when the block ends
    without an error, removed otherwise. OS errors become OutputError or DiskFull."""
    check_output_file(path)
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    temporary = _temporary_beside(target, path)
    try:
        with output_errors(path):
            yield temporary
            # mkstemp makes the file private (0600); the output gets the mode a new file would.
            os.chmod(temporary, _new_file_mode(target))
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_text_file(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``path`` with ``write(out)``, all or nothing (see the module docstring)."""
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        write(out)
        out.flush()
        os.fsync(out.fileno())


@contextmanager
def output_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(f"no space left on device writing {path}") from exc
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _temporary_beside(target: Path, named: Path) -> Path:
    """A new empty file in ``target``'s folder; errors name ``named``, the path given."""
    with output_errors(named):
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
    return Path(name)


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
