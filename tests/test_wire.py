"""The sandbox data format: round trips, and strict rejection of anything that is not plain data."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sandbox.runner import wire

CAP = 1 << 20


def roundtrip(value: object) -> object:
    line = wire.dumps({"type": "x", "value": wire.encode_value(value)})
    return wire.decode_value(wire.loads(line, CAP)["value"], CAP)


def test_roundtrip_keeps_dtype_shape_and_structure() -> None:
    array = np.arange(6, dtype=np.float32).reshape(2, 3)
    value = roundtrip({"a": [array, 1, 2.5, None, True, "s"], "nan": float("nan"), "scalar": np.int64(3)})
    assert isinstance(value, dict)
    decoded = value["a"][0]
    assert type(decoded) is np.ndarray and decoded.dtype == np.float32 and decoded.shape == (2, 3)
    assert np.array_equal(decoded, array)
    assert value["a"][1:] == [1, 2.5, None, True, "s"]
    assert np.isnan(value["nan"])
    assert value["scalar"].dtype == np.int64 and value["scalar"].shape == ()


class Sub(np.ndarray):
    pass


@pytest.mark.parametrize(
    "bad",
    [np.array([object()], dtype=object), np.zeros(2).view(Sub), {1: 2}, b"bytes", {1.5}, complex(1, 2), np.zeros(2, dtype="U3")],
)
def test_encode_rejects_non_data(bad: object) -> None:
    with pytest.raises(wire.WireError):
        wire.encode_value(bad)


def tagged(dtype: str, shape: list[int], payload: str) -> dict[str, object]:
    return {"$nd": {"dtype": dtype, "shape": shape, "b64": payload}}


@pytest.mark.parametrize(
    "data",
    [
        tagged("|O", [1], "AAAAAAAAAAA="),
        tagged("<f8", [2], "AAAAAAAAAAA="),  # 8 bytes for a shape that needs 16
        tagged("<f8", [-1], ""),
        tagged("<f8", [1 << 30, 1 << 30], ""),  # 8 EiB: rejected before decoding
        tagged("<f8", [1], "not base64!"),
        {"$nd": {"dtype": "<f8", "shape": [1]}},
        {"$float": "1e400"},
    ],
)
def test_decode_rejects_malformed_arrays(data: object) -> None:
    with pytest.raises(wire.WireError):
        wire.decode_value(data, CAP)


def test_loads_caps_size_and_rejects_non_objects() -> None:
    with pytest.raises(wire.WireError, match="exceeds"):
        wire.loads(b"{" + b" " * 100 + b"}", 50)
    for line in (b"[1, 2]", b'{"no": "type"}', b"{bad json", b'{"type": "x", "v": NaN}'):
        with pytest.raises(wire.WireError):
            wire.loads(line, CAP)
    assert wire.loads(json.dumps({"type": "ok"}).encode(), CAP) == {"type": "ok"}
