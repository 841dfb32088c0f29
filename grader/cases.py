"""Test cases: the dataclass that case generators return, and seeded, deterministic generation."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from sandbox.runner import wire

from .errors import CaseError


@dataclass
class Case:
    """One call of the candidate's entrypoint. Hidden cases never show inputs or expected values."""

    name: str
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    hidden: bool = False
    time_limit: float | None = None
    note: str = ""
    diagnose: bool = True  # False for large performance cases: wrong variants run unsandboxed, untimed
    inputs_sha256: str | None = field(default=None, repr=False, compare=False)  # memo of expected.sent_digest
    line: bytes | None = field(default=None, repr=False, compare=False)  # memo of message()

    def as_wire(self) -> dict[str, Any]:
        message: dict[str, Any] = {"type": "case", "name": self.name, "args": wire.encode_value(self.args),
                                   "kwargs": wire.encode_value(self.kwargs)}
        if self.time_limit is not None:
            message["time_limit"] = self.time_limit
        return message

    def message(self) -> bytes:
        """The case as the protocol line sent into the sandbox, encoded once: a batch sends the same cases
        to every candidate."""
        if self.line is None:
            self.line = wire.dumps(self.as_wire())
        return self.line


def load_module(path: Path, name: str) -> ModuleType:
    """Import a trusted bank file (cases, reference, checker) under a private module name."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CaseError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_cases(cases_file: Path, seed: int) -> list[Case]:
    """Visible cases first, then hidden ones; each generator gets its own seeded Generator."""
    module = load_module(cases_file, f"_mlgrade_cases_{abs(hash(cases_file))}")
    cases: list[Case] = []
    for index, (function, hidden) in enumerate((("visible", False), ("hidden", True))):
        generator = getattr(module, function, None)
        if generator is None:
            raise CaseError(f"{cases_file}: defines no `{function}(rng)` function")
        produced = generator(np.random.default_rng([seed, index]))
        if not isinstance(produced, list) or not all(isinstance(c, Case) for c in produced):
            raise CaseError(f"{cases_file}: `{function}` must return a list of Case")
        for case in produced:
            case.hidden = hidden
        cases.extend(produced)
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise CaseError(f"{cases_file}: case names must be unique, got {names}")
    return cases


def fingerprint(cases: list[Case]) -> str:
    """A hash of the case inputs, to check determinism (same seed → same inputs)."""
    payload = json.dumps([c.as_wire() | {"hidden": c.hidden} for c in cases], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()
