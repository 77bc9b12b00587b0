"""Run a command under a pseudo-terminal of a given width and read what it drew: the only way
to see what a user sees (rich draws a progress bar and tables only for a terminal)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Sequence

_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_in_terminal(
    argv: Sequence[str], columns: int = 80, timeout: float = 300.0
) -> tuple[int, str]:
    """(exit code, everything written to the terminal) of ``argv``, stdin, stdout and
    stderr all on one pseudo-terminal ``columns`` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the other end closed: the command ended
                    break
                if not chunk:
                    break
                out += chunk
            elif process.poll() is not None:
                break
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.wait(), out.decode("utf-8", "replace")


def screen_lines(drawn: str) -> list[str]:
    """The lines and redrawn frames a terminal showed, escape sequences removed."""
    plain = _ESCAPE.sub("", drawn)
    return [line for line in re.split(r"[\r\n]", plain) if line.strip()]
