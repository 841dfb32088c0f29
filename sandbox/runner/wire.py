"""The data format on both directions of the sandbox channel: one JSON object per line.

Values are JSON plus tagged arrays: ``{"$nd": {"dtype": "<f8", "shape": [2, 3], "b64": "..."}}``.
Nothing here can execute code on decode (no pickle, no object dtype, no subclasses), and
``decode`` is strict: it is what the trusted side uses on everything a container sends.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import fcntl
import json
import math
from typing import Any

import numpy as np

ARRAY_TAG = "$nd"
ALLOWED_DTYPES = frozenset(
    ["|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8"]
)
MAX_NDIM = 8
MAX_DEPTH = 32
# Containers and separators ([ { , :) the host accepts in one message from a container, counted in the
# raw bytes before parsing: 8 MiB of "[{},{},…]" would otherwise become 2.8 million dicts (~500 MB).
# The bank's largest answers have about 215 000 (leetcode/merge_intervals, n = 100 000).
MAX_ITEMS = 600_000


class WireError(ValueError):
    """A value that cannot cross the sandbox boundary (bad type, dtype, shape or size)."""


def encode_value(value: Any, depth: int = 0) -> Any:
    """Turn a Python/numpy value into plain JSON data, rejecting anything that is not data."""
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if value is None or type(value) in (bool, int, str):
        return value
    if type(value) is float:
        return value if math.isfinite(value) else {"$float": repr(value)}
    if type(value) in (list, tuple):
        return [encode_value(v, depth + 1) for v in value]
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise WireError("dict keys must be str")
        return {k: encode_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, np.generic) and type(value).__module__ == "numpy":
        return encode_value(np.asarray(value), depth)
    if type(value) is np.ndarray:
        dtype = value.dtype.newbyteorder("<") if value.dtype.byteorder == ">" else value.dtype
        if dtype.str not in ALLOWED_DTYPES:
            raise WireError(f"array dtype {value.dtype} is not allowed (numeric or bool only)")
        data = np.ascontiguousarray(value, dtype=dtype).tobytes()
        return {
            ARRAY_TAG: {
                "dtype": dtype.str,
                "shape": list(value.shape),
                "b64": base64.b64encode(data).decode("ascii"),
            }
        }
    raise WireError(f"cannot send a value of type {type(value).__module__}.{type(value).__qualname__}")


def decode_value(data: Any, max_bytes: int, depth: int = 0) -> Any:
    """Rebuild a value from JSON data, accepting only the shapes ``encode_value`` produces."""
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if data is None or type(data) in (bool, int, str):
        return data
    if type(data) is float:
        if not math.isfinite(data):
            raise WireError("bare non-finite float")
        return data
    if type(data) is list:
        return [decode_value(v, max_bytes, depth + 1) for v in data]
    if type(data) is dict:
        if set(data) == {ARRAY_TAG}:
            return _decode_array(data[ARRAY_TAG], max_bytes)
        if set(data) == {"$float"}:
            text = data["$float"]
            if text not in ("nan", "inf", "-inf"):
                raise WireError(f"bad float tag {text!r}")
            return float(text)
        return {k: decode_value(v, max_bytes, depth + 1) for k, v in data.items()}
    raise WireError(f"unexpected JSON value of type {type(data).__name__}")


def _decode_array(spec: Any, max_bytes: int) -> np.ndarray:
    if type(spec) is not dict or set(spec) != {"dtype", "shape", "b64"}:
        raise WireError("array tag must have exactly dtype, shape and b64")
    dtype_str, shape, b64 = spec["dtype"], spec["shape"], spec["b64"]
    if type(dtype_str) is not str or dtype_str not in ALLOWED_DTYPES:
        raise WireError(f"array dtype {dtype_str!r} is not allowed")
    if type(shape) is not list or len(shape) > MAX_NDIM:
        raise WireError("array shape must be a list of at most 8 sizes")
    if not all(type(n) is int and n >= 0 for n in shape):
        raise WireError("array sizes must be non-negative integers")
    dtype = np.dtype(dtype_str)
    nbytes = math.prod(shape) * dtype.itemsize
    if nbytes > max_bytes:
        raise WireError(f"array of {nbytes} bytes exceeds the {max_bytes}-byte cap")
    if type(b64) is not str or len(b64) > 4 * (nbytes // 3 + 1):
        raise WireError("array payload does not match its shape")
    try:
        raw = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise WireError(f"array payload is not base64: {exc}") from None
    if len(raw) != nbytes:
        raise WireError(f"array payload has {len(raw)} bytes, shape and dtype say {nbytes}")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def dumps(message: dict[str, Any]) -> bytes:
    """One protocol message as a JSON line (values must already be encoded)."""
    return json.dumps(message, separators=(",", ":"), allow_nan=False).encode() + b"\n"


def loads(line: bytes, max_bytes: int, max_items: int | None = None) -> dict[str, Any]:
    """Parse one protocol line strictly: size cap first, then (with MAX_ITEMS) a count of the JSON
    containers and separators in the raw bytes, then JSON, then an object at the top."""
    if len(line) > max_bytes:
        raise WireError(f"message of {len(line)} bytes exceeds the {max_bytes}-byte cap")
    if max_items is not None:
        items = sum(line.count(mark) for mark in (b"[", b"{", b",", b":"))
        if items > max_items:
            raise WireError(f"message has {items} JSON containers and separators, more than the {max_items} allowed")
    try:
        message = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise WireError(f"message is not valid JSON: {str(exc)[:200]}") from None
    if type(message) is not dict or type(message.get("type")) is not str:
        raise WireError("message must be a JSON object with a string 'type'")
    return message


def _reject_constant(name: str) -> Any:
    raise ValueError(f"bare {name} is not allowed")


PIPE_BYTES = 1 << 20  # the pipes of the protocol: a large case or answer crosses in a few reads, not hundreds


def widen(fd: int) -> None:
    """Give the pipe behind FD a PIPE_BYTES buffer where the system allows it (else it keeps its own): each
    64 KiB hop of a large message otherwise waits for its reader to be scheduled, and on a busy host the
    exercise process would wait for its input, or to finish writing its answer, on the clock."""
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
