"""Helpers of the hostile suite: the attack files and their declared outcome, the exercise copies
they are graded against, what counts as hidden data, and the containers this process owns."""

from __future__ import annotations

import builtins
import json
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from grader.bank import load_exercise
from grader.cases import generate_cases
from grader.expected import expected_outputs
from grader.results import Verdict

HERE = Path(__file__).resolve().parent
SUBMISSIONS = HERE / "submissions"
ROOT = HERE.parents[1]
SDPA = ROOT / "exercises" / "attention" / "scaled_dot_product"
SCHEMA = json.loads((ROOT / "docs" / "results-schema.json").read_text())

# The suite runs fast: 1 s per case (the exercise says 2 s), the exercise's memory limit otherwise.
DEFAULT_LIMITS = {"time_per_case": 1.0}
DEFAULT_BUDGET = 15.0  # seconds for one graded run (~1 s per container start on a loaded host); more: says so

SECRET_ENV = "MLGRADE_HOSTILE_SECRET"
SECRET = "hostile-secret-7f3a9c1e5b2d"  # planted in the grader's environment; must never leak
PICKLE_MARKER = Path("/tmp/mlgrade-hostile-pickle-executed")

# Exception class names a hidden case may report: Python's own (not candidate-made ones).
BUILTIN_EXCEPTIONS = {name for name, value in vars(builtins).items()
                      if isinstance(value, type) and issubclass(value, BaseException)}


@dataclass(frozen=True)
class Attack:
    """One hostile submission and what grading it must produce (from its docstring header)."""

    path: Path
    verdict: Verdict
    summary: str
    budget: float = DEFAULT_BUDGET
    limits: dict[str, float] = field(default_factory=dict)
    before: Path | None = None
    may_pass: bool = False
    leaks_visible: bool = False
    load_timeout: float | None = None

    @property
    def name(self) -> str:
        return self.path.stem


def load_attacks() -> list[Attack]:
    """Every submissions/*.py with a `verdict:` line, except those only run `before:` another."""
    attacks = [parse_attack(path) for path in sorted(SUBMISSIONS.glob("*.py"))]
    return attacks


def parse_attack(path: Path) -> Attack:
    text = path.read_text(encoding="utf-8")
    docstring = text.split('"""')[1]
    fields = dict(re.findall(r"^([a-z-]+): (.+)$", docstring, flags=re.MULTILINE))
    limits = {key: float(value) for key, value in (item.split("=") for item in fields.get("limits", "").split())}
    return Attack(
        path=path,
        verdict=Verdict(fields["verdict"].strip()),
        summary=docstring.strip().splitlines()[0],
        budget=float(fields.get("budget", DEFAULT_BUDGET)),
        limits=limits,
        before=SUBMISSIONS / fields["before"].strip() if "before" in fields else None,
        may_pass=fields.get("may-pass", "no").strip() == "yes",
        leaks_visible=fields.get("leaks-visible", "no").strip() == "yes",
        load_timeout=float(fields["load-timeout"]) if "load-timeout" in fields else None,
    )


def make_exercise(target: Path, limits: dict[str, float]) -> Path:
    """A copy of the scaled dot-product exercise (public and private parts, trusted side only) whose
    [limits] table says LIMITS; exercises/ itself is never touched."""
    shutil.copytree(SDPA, target)
    spec = target / "exercise.toml"
    text = spec.read_text(encoding="utf-8")
    for key, value in {**DEFAULT_LIMITS, **limits}.items():
        rendered = str(int(value)) if key == "memory_mb" else repr(float(value))
        text, count = re.subn(rf"^{key} = .*$", f"{key} = {rendered}", text, flags=re.MULTILINE)
        if count == 0:
            text = text.replace("[limits]\n", f"[limits]\n{key} = {rendered}\n")
    spec.write_text(text, encoding="utf-8")
    return target


@dataclass(frozen=True)
class HiddenData:
    """Strings that must never appear in a results document: the reference's and the case
    generators' source lines, fingerprints of hidden inputs and hidden expected outputs, the
    planted secret. Visible fingerprints are the same encodings for visible cases (public)."""

    forbidden: dict[str, str]
    visible: set[str]


def hidden_data() -> HiddenData:
    exercise = load_exercise(SDPA)
    cases = generate_cases(exercise.cases_file, exercise.spec.seed)
    expected = expected_outputs(exercise, cases)
    public_lines = {line.strip() for path in [*SUBMISSIONS.glob("*.py"), SDPA / "solution.py", SDPA / "README.md"]
                    for line in path.read_text(encoding="utf-8").splitlines()}
    forbidden: dict[str, str] = {SECRET: "the planted secret"}
    for source in (exercise.reference_file, exercise.cases_file):
        for line in source.read_text(encoding="utf-8").splitlines():
            if len(line.strip()) >= 20 and line.strip() not in public_lines:
                forbidden[line.strip()] = f"a line of {source.name}"
    visible: set[str] = set()
    for case in cases:
        arrays = [a for a in [*case.args, *case.kwargs.values()] if isinstance(a, np.ndarray)]
        arrays += [np.asarray(value) for value in expected[case.name].values()]
        prints = set()
        for array in arrays:
            prints.add(array.tobytes()[:8].hex())
            if array.dtype.kind == "f":
                for value in (float(array.flat[0]), float(np.abs(array).max()), float(array.flat[0]) * 1e6):
                    if value != 0.0:
                        prints.update({repr(value), f"{value:.8g}"})
        if case.hidden:
            forbidden.update({p: f"a fingerprint of hidden case {case.name!r}" for p in prints})
        else:
            visible |= prints
    return HiddenData(forbidden=forbidden, visible=visible)


def strings_in(value: Any) -> list[str]:
    """Every string and number in a JSON document, as text (numbers by repr)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (str(key), *strings_in(item))]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    if isinstance(value, float):
        return [repr(value), f"{value:.8g}"]
    return [str(value)]


def own_containers(owner: str | None = None) -> list[str]:
    """Sandbox containers started by OWNER ("<host>:<pid>", default: this process), running or not, by the
    engine or by crun (their cgroups, which live as long as they do).
    (Other engineers' graders share the Docker engine; their containers are not ours to judge.)"""
    from sandbox import oci
    from sandbox.launcher import OWNER, OWNER_LABEL, janitor

    if owner is None:
        janitor.wait()  # removals this process handed to the background (verdicts were already decided)
    listed = subprocess.run(["docker", "ps", "-a", "--filter", "label=mlgrade.sandbox", "--filter",
                             f"label={OWNER_LABEL}={owner or OWNER}", "--format", "{{.Names}}"],
                            capture_output=True, text=True, check=True)
    return listed.stdout.split() + [name for name in oci.started() if oci.owner(name) == (owner or OWNER)]


def owner_of(pid: int) -> str:
    return f"{socket.gethostname()}:{pid}"


def outside(action: str, name: str) -> list[str]:
    """The command that kills ("kill") or removes ("remove") container NAME from outside mlgrade: with crun for
    a container crun started directly (named mlgrade-<grader pid>-<random>), else with docker."""
    from sandbox import oci

    if re.fullmatch(rf"{oci.PREFIX}\d+-[0-9a-z]+", name):
        return ["crun", "--root", oci.STATE_ROOT, *(["kill", name, "KILL"] if action == "kill"
                                                  else ["delete", "--force", name])]
    return ["docker", *(["kill", name] if action == "kill" else ["rm", "-f", name])]
