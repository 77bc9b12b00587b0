"""What every failing command must look like: exit code 1, one line on stderr naming what and
why with a hint, and no traceback anywhere."""

from __future__ import annotations

from click.testing import CliRunner, Result

from storyline.cli import main


def run_cli(*args: str) -> Result:
    """The command run in-process as a user would (exceptions are caught, as a shell sees)."""
    return CliRunner().invoke(main, list(args))


def assert_one_error(result: Result, *words: str, exit_code: int = 1) -> str:
    """The error line of a failed run, checked; ``words`` must all be in it."""
    # CliRunner keeps an exception that escaped the command (a shell would print its traceback).
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return assert_one_line(
        result.exit_code, result.output, result.stderr, *words, exit_code=exit_code
    )


def assert_one_line(code: int, stdout: str, stderr: str, *words: str, exit_code: int = 1) -> str:
    assert "Traceback" not in stdout + stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert code == exit_code, stderr
    line = lines[0]
    if exit_code == 1:
        assert line.startswith("Error: ") and "(hint: " in line, line
    for word in words:
        assert word in line, line
    return line
