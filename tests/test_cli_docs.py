"""Every command of the CLI is documented: it has help text, `--help` prints it, and the
README's "Using it" block shows it (as sqlite-utils' tests/test_docs.py does for its commands).
The commands are read from storyline.cli.main in-process, so a new one fails here until both
are written."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storyline.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def _using_it() -> str:
    """The first code block under the README's "## Using it"."""
    section = README.read_text(encoding="utf-8").split("\n## Using it\n", 1)[1]
    block = re.search(r"```\w*\n(.*?)```", section, re.DOTALL)
    assert block, "README: no code block under 'Using it'"
    return block.group(1)


COMMANDS = _commands(main)


def test_the_cli_has_commands() -> None:
    assert {"build", "timeline", "export"} <= {path[0] for path in COMMANDS}


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_has_help(path: tuple[str, ...]) -> None:
    command = _command(path)
    assert command.help and command.help.strip(), f"storyline {' '.join(path)}: no help text"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    # The help text's opening words, however --help wraps them.
    opening = " ".join(command.help.split()[:6])
    assert opening in " ".join(result.output.split()), result.output


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    name = " ".join(path)
    usage = re.compile(rf"^storyline {re.escape(name)}\b", re.MULTILINE)
    assert usage.search(_using_it()), f"README 'Using it' has no line for storyline {name}"
