"""`grade watch` in a subprocess: it grades, regrades after a real save, and Ctrl-C (SIGINT) ends it
cleanly, leaving no container behind."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from support import ROOT, leftover_containers
from workflow_helpers import EXERCISE_ID, REFERENCE, rows

pytestmark = pytest.mark.docker


class Lines:
    """A subprocess's stdout, read line by line on a thread, with waits for a line containing some text."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=lambda: [self.lines.put(line) for line in stream], daemon=True).start()

    def wait_for(self, text: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {timeout} s; output so far:\n{''.join(self.seen)}")


def _watch(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "grader", "watch", EXERCISE_ID, "--root", str(root)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"})


def _stopped_cleanly(process: subprocess.Popen[str]) -> None:
    """The watch ends with exit status 0, says so, and leaves no container (the warm one was removed)."""
    _, stderr = process.communicate(timeout=90)
    assert process.returncode == 0, stderr
    assert "stopped watching" in stderr and "Traceback" not in stderr
    assert leftover_containers() == []


def test_watch_regrades_after_a_save_and_stops_cleanly_on_ctrl_c(sandbox_image: str, root: Path,
                                                                 gradebook: Path) -> None:
    solution = root / "ml_basics" / "softmax" / "solution.py"
    process = _watch(root)
    try:
        output = Lines(process)
        first = output.wait_for("graded at")
        assert "not implemented (0%)" in first and "(run 1)" in first
        output.wait_for("save it to regrade")
        solution.write_text(REFERENCE, encoding="utf-8")  # the candidate saves a correct solution
        second = output.wait_for("graded at")
        assert "passed (100%)" in second and "(run 2)" in second
        output.wait_for("save it to regrade")
        process.send_signal(signal.SIGINT)
        _stopped_cleanly(process)
    finally:
        if process.poll() is None:
            process.kill()
    assert [r[0] for r in rows(gradebook, "SELECT verdict FROM attempts ORDER BY id")] == ["not implemented", "passed"]


@pytest.mark.parametrize("gap", [0.05, 0.3], ids=["at-once", "during-clean-up"])
def test_two_quick_ctrl_cs_still_exit_0_and_clean_up(sandbox_image: str, root: Path, gap: float) -> None:
    process = _watch(root)
    try:
        Lines(process).wait_for("save it to regrade")
        process.send_signal(signal.SIGINT)
        time.sleep(gap)
        process.send_signal(signal.SIGINT)  # impatient: a second Ctrl-C while the watch is stopping
        _stopped_cleanly(process)
    finally:
        if process.poll() is None:
            process.kill()
