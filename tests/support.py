"""Helpers shared by the tests: the real CLI as a subprocess, Docker checks, bank paths."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SDPA = EXERCISES / "attention" / "scaled_dot_product"


def docker_problem() -> str | None:
    """Why the Docker sandbox cannot be used here, or None when it can."""
    try:
        from sandbox import image

        return None if image.image_exists() else "the sandbox image is not built (run scripts/setup)"
    except Exception as exc:  # noqa: BLE001
        return f"no Docker engine: {exc}"


def run_grade(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real `grade` CLI in a subprocess."""
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "COLUMNS": "200", **(env or {})}, timeout=timeout)


def leftover_containers() -> list[str]:
    """Sandbox containers left behind: owned by this test process or by a grader that has exited.
    (Containers of graders still running, e.g. a concurrent run, are not leftovers.)"""
    from sandbox.launcher import OWNER, OWNER_LABEL, janitor, orphaned

    janitor.wait()  # removals this process started in the background (it waits for them at exit too)

    listed = subprocess.run(["docker", "ps", "-a", "--filter", "label=mlgrade.sandbox", "--format",
                             f'{{{{.Names}}}} {{{{.Label "{OWNER_LABEL}"}}}}'], capture_output=True, text=True, check=True)
    names = []
    for line in listed.stdout.splitlines():
        name, _, owner = line.partition(" ")
        if owner == OWNER or orphaned(owner):
            names.append(name)
    return names


@dataclass
class CliResult:
    """What `grade ARGS` did in this process: its exit status and everything it printed."""

    exit_code: int
    output: str


def run_cli(*args: str | Path) -> CliResult:
    """Run the `grade` command in this process through `grader.cli.run_app` (the same error handling and exit
    statuses as the console script), capturing stdout and stderr together."""
    from grader.cli import run_app

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        status = run_app([str(arg) for arg in args])
    return CliResult(status, captured.getvalue())


def in_terminal(args: list[str], env: dict[str, str], columns: int = 80) -> str:
    """Run `grade ARGS` on a pseudo-terminal of COLUMNS × 24; everything it showed, ANSI sequences removed."""
    import fcntl
    import os
    import re
    import struct
    import termios

    main, child = os.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen([sys.executable, "-m", "grader", *args], cwd=ROOT, stdin=child, stdout=child,
                               stderr=child, env={**environment, "TERM": "xterm-256color", **env}, close_fds=True)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(main)
    text = b"".join(chunks).decode("utf-8", "replace")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r", "", text)
