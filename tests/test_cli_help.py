"""Every command and group answers --help with a description."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from glamwiki.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


ALL = _commands(cli)


def test_there_are_commands() -> None:
    assert {("ingest",), ("status",), ("demo",), ("init",), ("export", "records")} <= set(ALL)


@pytest.mark.parametrize("path", ALL, ids=[" ".join(p) for p in ALL])
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    command = cli
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"


def test_tests_cannot_reach_beyond_this_machine() -> None:
    import socket

    with socket.socket() as s, pytest.raises(ConnectionRefusedError, match=r"only connect to 127\.0\.0\.1"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: refused before any packet leaves
