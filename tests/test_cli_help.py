"""`grade --version`, and every command's --help through the real CLI: click's plain metavars (PATH, INTEGER,
[docker|local]), none of typer's `{path}` usage braces or `<list[Path]>` type labels."""

from __future__ import annotations

import re

import pytest
from support import run_cli, run_grade

from grader import __version__
from grader.cli.app import app

PLACEHOLDER = re.compile(r"\{[A-Za-z_.|]+\}|<(?:path|int|float|str|bool|text|list\[[^\]]*\]|[a-z]+\|[a-z|]+)>"
                         r"|<[a-z]+ range>", re.IGNORECASE)


def _commands() -> list[list[str]]:
    """Every command and group of `grade`, as argument lists (sub-apps' commands included)."""
    found: list[list[str]] = [[]]
    for command in app.registered_commands:
        found.append([command.name or ""])
    for group in app.registered_groups:
        assert group.typer_instance is not None and group.name
        found.append([group.name])
        found.extend([group.name, command.name or ""] for command in group.typer_instance.registered_commands)
    return found


def test_version() -> None:
    done = run_grade("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"mlgrade {__version__}", done.stdout + done.stderr


@pytest.mark.parametrize("command", _commands(), ids=lambda words: " ".join(words) or "grade")
def test_help_has_no_placeholders(command: list[str]) -> None:
    done = run_cli(*command, "--help")
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Usage: grade"), done.output
    assert PLACEHOLDER.search(done.output) is None, done.output
