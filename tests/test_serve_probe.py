"""`grade serve` and the clients that only probe its socket: `serve.answers()` (what every `grade PATH`
does first) connects and closes, and a client may hang up before reading its reply. Neither may print a
traceback on the server's terminal; the server goes on answering real requests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from support import EXERCISES, ROOT, run_grade

from grader import serve

pytestmark = pytest.mark.docker
SOFTMAX = EXERCISES / "ml_basics" / "softmax"


def test_probes_and_hang_ups_print_no_traceback(sandbox_image: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    sock = tmp_path / "serve.sock"
    monkeypatch.setenv(serve.SOCKET_ENV, str(sock))
    env = {**os.environ, serve.SOCKET_ENV: str(sock), "MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")}
    server = subprocess.Popen([sys.executable, "-m", "grader", "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert "grade server on" in server.stdout.readline()
        for _ in range(20):
            assert serve.answers()
        for _ in range(5):  # a request, then gone before the reply
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(str(sock))
                client.sendall(b'{"path": "/nowhere"}\n')
        graded = run_grade(SOFTMAX, "--submission", SOFTMAX / "private" / "reference.py", env=env)
        assert graded.returncode == 0, graded.stderr
    finally:
        server.send_signal(signal.SIGINT)
        _, stderr = server.communicate(timeout=60)
    assert server.returncode == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
