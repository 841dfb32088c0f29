"""How one case calls a submission, for every entrypoint kind.

Shared by the in-container runner (candidate code) and the trusted side (reference and
known-wrong variants), so both are called the same way. Imports only the standard library and
numpy at module level; torch is imported on demand by the kind that needs it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

KINDS = ("function", "method", "ops", "torch_module", "sql")


class BadOutput(Exception):
    """The submission returned something that does not fit the declared outputs."""


def load_target(kind: str, path: Path, module_name: str) -> ModuleType | str:
    """Load a submission: a Python module for code kinds, the query text for ``sql``."""
    if kind == "sql":
        return path.read_text(encoding="utf-8")
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def invoke(target: ModuleType | str, entry: dict[str, Any], args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Run one case and return the named outputs as plain values (tensors become arrays)."""
    kind = entry["kind"]
    if kind == "sql":
        assert isinstance(target, str)
        return name_outputs(_run_sql(target, **kwargs), list(entry["outputs"]))
    assert isinstance(target, ModuleType)
    if kind == "torch_module":
        return invoke_torch_module(getattr(target, entry["name"]), **kwargs)
    if kind == "function":
        returned = getattr(target, entry["name"])(*args, **kwargs)
    elif kind == "method":
        instance = getattr(target, entry.get("class", "Solution"))()
        returned = getattr(instance, entry["name"])(*args, **kwargs)
    elif kind == "ops":
        returned = _replay_ops(getattr(target, entry["name"]), kwargs["ops"], kwargs["args"])
    else:
        raise ValueError(f"unknown entrypoint kind {kind!r}")
    outputs = name_outputs(returned, list(entry["outputs"]))
    if entry.get("check_inputs"):
        outputs[INPUTS_DIGEST] = inputs_digest(args, kwargs)
    return outputs


INPUTS_DIGEST = "$inputs_sha256"  # extra output: the inputs as they are after the call (in-place rule)


def inputs_digest(args: list[Any], kwargs: dict[str, Any]) -> str:
    """sha256 of the case inputs: arrays by dtype, shape and bytes, other values as JSON. The trusted side
    compares it with the digest of what it sent, to catch a submission that modified an input in place."""
    digest = hashlib.sha256()

    def feed(value: Any) -> None:
        if isinstance(value, np.generic):
            value = np.asarray(value)
        if isinstance(value, np.ndarray):
            digest.update(f"array:{value.dtype.str}:{value.shape}:".encode())
            digest.update(np.ascontiguousarray(value).tobytes())
        elif isinstance(value, (list, tuple)):
            digest.update(b"[")
            for item in value:
                feed(item)
            digest.update(b"]")
        elif isinstance(value, dict):
            digest.update(b"{")
            for key in sorted(value):
                digest.update(json.dumps(key).encode() + b":")
                feed(value[key])
            digest.update(b"}")
        else:
            digest.update(f"{type(value).__name__}:{value!r};".encode())

    feed(list(args))
    feed(kwargs)
    return digest.hexdigest()


def name_outputs(returned: Any, names: list[str]) -> dict[str, Any]:
    """Map a return value onto the declared output names (a tuple when there are several)."""
    if len(names) == 1:
        return {names[0]: to_plain(returned)}
    if not isinstance(returned, (tuple, list)) or len(returned) != len(names):
        raise BadOutput(f"expected a tuple of {len(names)} values ({', '.join(names)}), got {describe(returned)}")
    return {name: to_plain(value) for name, value in zip(names, returned, strict=True)}


def to_plain(value: Any) -> Any:
    """Tensors → numpy arrays, tuples → lists; everything else unchanged."""
    if type(value).__name__ == "Tensor" and type(value).__module__.startswith("torch"):
        return value.detach().cpu().numpy()
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    return value


def describe(value: Any) -> str:
    """A short, safe description of a value's type and shape for error messages."""
    if isinstance(value, np.ndarray):
        return f"ndarray shape={value.shape} dtype={value.dtype}"
    if isinstance(value, (tuple, list)):
        return f"{type(value).__name__} of length {len(value)}"
    return type(value).__name__


def _replay_ops(cls: type, ops: list[str], op_args: list[list[Any]]) -> list[Any]:
    """LeetCode design problems: ops[0] constructs, later ops are method calls; None for void."""
    instance = cls(*op_args[0])
    results: list[Any] = [None]
    for op, call_args in zip(ops[1:], op_args[1:], strict=True):
        results.append(to_plain(getattr(instance, op)(*call_args)))
    return results


def invoke_torch_module(cls: type, init: dict[str, Any], state: dict[str, np.ndarray], inputs: dict[str, np.ndarray],
                      grad_output: np.ndarray) -> dict[str, Any]:
    """Build the module, load the given weights, run forward and backward in float64."""
    import torch

    torch.manual_seed(0)
    module = cls(**init).double()
    module.load_state_dict({name: torch.from_numpy(np.array(value)) for name, value in state.items()})
    tensors = {name: torch.from_numpy(np.array(value)).requires_grad_(True) for name, value in inputs.items()}
    output = module(*tensors.values())
    if not isinstance(output, torch.Tensor):
        raise BadOutput(f"forward returned {describe(output)}, expected a Tensor")
    output.backward(torch.from_numpy(np.array(grad_output)))
    outputs: dict[str, Any] = {"output": output.detach().numpy()}
    for name, tensor in tensors.items():
        outputs[f"grad_{name}"] = None if tensor.grad is None else tensor.grad.numpy()
    for name, param in module.named_parameters():
        outputs[f"grad.{name}"] = None if param.grad is None else param.grad.numpy()
    return outputs


def _run_sql(query: str, setup: str) -> dict[str, Any]:
    """Run the query on a fresh in-memory SQLite database built by ``setup``, read-only."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(setup)
        connection.execute("PRAGMA query_only = ON")
        # A Python callback every 10k VM steps lets the case timer's signal handler run
        # (SQLite aborts the query with "interrupted"; the runner knows its timer fired).
        connection.set_progress_handler(lambda: 0, 10_000)
        cursor = connection.execute(query)
        if cursor.description is None:
            raise NotImplementedError("the query file holds no SELECT statement")
        columns = [d[0] for d in cursor.description]
        rows = [list(row) for row in cursor.fetchmany(10_001)]
    finally:
        connection.close()
    return {"columns": columns, "rows": rows}
