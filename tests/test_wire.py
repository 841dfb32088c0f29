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


def test_item_count_refuses_amplification_before_parsing() -> None:
    line = b'{"type":"result","outputs":{"out":[' + b",".join([b"{}"] * 400_000) + b"]}}\n"
    assert wire.loads(line, 8 << 20)["type"] == "result"  # the runner's side: no count
    with pytest.raises(wire.WireError, match="more than the 600000 allowed"):
        wire.loads(line, 8 << 20, wire.MAX_ITEMS)
    small = wire.dumps({"type": "result", "outputs": {"out": wire.encode_value(np.zeros((512, 512)))}})
    assert wire.loads(small, 8 << 20, wire.MAX_ITEMS)["type"] == "result"  # an array is a handful of items


def test_channel_searches_each_byte_for_a_newline_once() -> None:
    """A long line arriving in small pieces: every piece is searched from where the last search stopped
    (the partial line is never rescanned from its start), and the lines come out whole."""
    from sandbox.launcher import _Channel

    channel = _Channel(8 << 20, lambda: None)
    first = wire.dumps({"type": "result", "text": "x" * 200_000})
    second = wire.dumps({"type": "end"})
    data = first + second
    for start in range(0, len(data), 1000):
        channel.feed(1, data[start : start + 1000])
        assert channel._scanned == len(channel._partial)  # nothing left to rescan on the next piece
    assert channel.receive(1.0) == json.loads(first) and channel.receive(1.0) == {"type": "end"}
