"""Helpers shared by the tests: the real CLI as a subprocess, Docker checks, bank paths."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

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
    from sandbox import oci
    from sandbox.launcher import OWNER, OWNER_LABEL, janitor, orphaned

    janitor.wait()  # removals this process started in the background (it waits for them at exit too)

    listed = subprocess.run(["docker", "ps", "-a", "--filter", "label=mlgrade.sandbox", "--format",
                             f'{{{{.Names}}}} {{{{.Label "{OWNER_LABEL}"}}}}'], capture_output=True, text=True, check=True)
    owned = [line.partition(" ")[::2] for line in listed.stdout.splitlines()]
    owned += [(name, oci.owner(name)) for name in oci.started()]  # those crun started directly
    return [name for name, owner in owned if owner == OWNER or orphaned(owner)]


def launch(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make this test's containers start HOW: "direct" (crun, without the engine), "engine" (its default runtime),
    or the engine with the runtime "runc" or "crun"; skip the test with the reason when this host cannot."""
    from sandbox import launcher, oci

    if how == "direct":
        monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
        if (reason := oci.unavailable()) is not None:
            pytest.skip(f"crun cannot start the containers directly here: {reason}")
        monkeypatch.setenv(oci.LAUNCHER_ENV, "crun")
        return
    monkeypatch.setenv(oci.LAUNCHER_ENV, "engine")
    if how == "engine":
        monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
        return
    if how not in (launcher.docker_client().info().get("Runtimes") or {}):
        pytest.skip(f"the Docker engine offers no {how!r} runtime (crun is an opt-in: register it with the "
                    "engine, docs/security.md)")
    monkeypatch.setenv(launcher.RUNTIME_ENV, how)


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


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_in_terminal(*args: str | Path, columns: int = 80, timeout: float = 300,
                    env: dict[str, str] | None = None) -> CliResult:
    """Run the real `grade` CLI in a subprocess on a pseudo-terminal COLUMNS wide (as a candidate's terminal:
    rich sees a TTY and its size, not $COLUMNS), with ENV added to the environment, and return its exit status
    and screen text, colours removed."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | (env or {})
    process = subprocess.Popen([sys.executable, "-m", "grader", *map(str, args)], cwd=ROOT, env=environment,
                               stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal)
    os.close(terminal)
    chunks = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    data = os.read(controller, 65536)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif process.poll() is not None:
                break
        status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    text = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")
    screen = [line.rsplit("\r", 1)[-1].rstrip() for line in text.split("\n")]  # a spinner redraws its line
    return CliResult(status, "\n".join(screen))


def bank_reference(family: str, name: str) -> ModuleType:
    """The reference module of the bank's exercise FAMILY/NAME, imported under a private name (for the tests
    that check each reference against an independent implementation)."""
    from grader.cases import load_module

    return load_module(EXERCISES / family / name / "private" / "reference.py", f"_reference_{family}_{name}")
