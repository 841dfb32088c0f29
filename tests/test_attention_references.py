"""The references of the attention exercises added by the bank issue agree with an independent
implementation (torch where it has one, an explicit per-position loop otherwise) on random inputs."""

from __future__ import annotations

import functools
import math
import tracemalloc
from collections.abc import Callable

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from support import bank_reference

reference = functools.partial(bank_reference, "attention")


def sdpa(q: np.ndarray, k: np.ndarray, v: np.ndarray, **kwargs: object) -> np.ndarray:
    """torch's scaled_dot_product_attention in float64 (math backend on the CPU)."""
    query, key, value = (torch.from_numpy(np.ascontiguousarray(x)) for x in (q, k, v))
    extra = {name: torch.from_numpy(x) if isinstance(x, np.ndarray) else x for name, x in kwargs.items()}
    return F.scaled_dot_product_attention(query, key, value, **extra).numpy()  # type: ignore[arg-type]


@pytest.mark.parametrize("num_q, num_kv", [(8, 2), (6, 3), (4, 1), (3, 3)])
@pytest.mark.parametrize("seed", range(3))
def test_grouped_query_matches_torch_enable_gqa(num_q: int, num_kv: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    batch, length, source, d = 2, 5, 7, 8
    q = rng.normal(size=(batch, num_q, length, d)) * 3
    k = rng.normal(size=(batch, num_kv, source, d)) * 3
    v = rng.normal(size=(batch, num_kv, source, 4))
    mask = rng.random((batch, 1, length, source)) < 0.6
    mask[..., 0] = True  # every row keeps a key: torch's answer for an empty row is not the statement's
    gqa = reference("grouped_query").grouped_query_attention
    for kwargs in ({}, {"attn_mask": mask}, {"is_causal": True}):
        ours = gqa(q, k, v, mask=kwargs.get("attn_mask"), is_causal=bool(kwargs.get("is_causal", False)))
        np.testing.assert_allclose(ours, sdpa(q, k, v, enable_gqa=True, **kwargs), rtol=1e-10, atol=1e-12)


def test_grouped_query_fully_masked_row_is_zero() -> None:
    rng = np.random.default_rng(0)
    q, k, v = rng.normal(size=(1, 4, 3, 8)), rng.normal(size=(1, 2, 5, 8)), rng.normal(size=(1, 2, 5, 3))
    mask = np.ones((1, 1, 3, 5), dtype=bool)
    mask[..., 1, :] = False
    out = reference("grouped_query").grouped_query_attention(q, k, v, mask=mask)
    assert np.array_equal(out[:, :, 1], np.zeros((1, 4, 3)))
    assert np.isfinite(out).all()


def rope_by_complex_numbers(x: np.ndarray, positions: np.ndarray, base: float, interleaved: bool) -> np.ndarray:
    """RoPE as Meta's Llama code writes it: feature pairs as complex numbers times e^{i·p·θ} (torch)."""
    tensor = torch.from_numpy(x)
    d = x.shape[-1]
    theta = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float64) / d)
    rotation = torch.polar(torch.ones(len(positions), d // 2, dtype=torch.float64),
                           torch.outer(torch.from_numpy(positions).double(), theta))
    if interleaved:
        pairs = torch.view_as_complex(tensor.reshape(*x.shape[:-1], d // 2, 2).contiguous())
        return torch.view_as_real(pairs * rotation).reshape(x.shape).numpy()
    pairs = torch.complex(tensor[..., : d // 2], tensor[..., d // 2:])
    rotated = pairs * rotation
    return torch.cat([rotated.real, rotated.imag], dim=-1).numpy()


@pytest.mark.parametrize("interleaved", [False, True])
@pytest.mark.parametrize("seed", range(3))
def test_rotary_matches_complex_multiplication(interleaved: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    d = int(rng.choice([2, 8, 64]))
    q, k = rng.normal(size=(2, 4, 6, d)), rng.normal(size=(2, 2, 6, d))
    positions = np.sort(rng.choice(200_000, size=6, replace=False))
    base = float(rng.choice([100.0, 10000.0, 500000.0]))
    q_rot, k_rot = reference("rotary_embedding").rotary_embedding(q, k, positions, base=base, interleaved=interleaved)
    np.testing.assert_allclose(q_rot, rope_by_complex_numbers(q, positions, base, interleaved), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(k_rot, rope_by_complex_numbers(k, positions, base, interleaved), rtol=1e-9, atol=1e-9)


def test_rotary_scores_depend_only_on_relative_position() -> None:
    rng = np.random.default_rng(5)
    q, k = rng.normal(size=(1, 16)), rng.normal(size=(1, 16))
    rope = reference("rotary_embedding").rotary_embedding
    near = [rope(q, k, np.array([p]))[0] @ rope(q, k, np.array([p - 3]))[1].T for p in (3, 50, 1000)]
    np.testing.assert_allclose(near, [near[0]] * 3, rtol=1e-9)


@pytest.mark.parametrize("chunks", [[1] * 7, [4, 1, 1, 1], [3, 2, 2], [7]])
def test_kv_cache_steps_equal_one_causal_pass(chunks: list[int]) -> None:
    rng = np.random.default_rng(len(chunks))
    q, k, v = (rng.normal(size=(2, 3, 7, 8)) * 2 for _ in range(3))
    step = reference("kv_cache_decoding").attend_with_kv_cache
    cache_k, cache_v = np.zeros((2, 3, 0, 8)), np.zeros((2, 3, 0, 8))
    rows, start = [], 0
    for size in chunks:
        window = slice(start, start + size)
        out, cache_k, cache_v = step(q[:, :, window], k[:, :, window], v[:, :, window], cache_k, cache_v)
        rows.append(out)
        start += size
    np.testing.assert_allclose(np.concatenate(rows, axis=2), sdpa(q, k, v, is_causal=True), rtol=1e-10, atol=1e-12)
    assert np.array_equal(cache_k, k) and np.array_equal(cache_v, v)


@pytest.mark.parametrize("window", [1, 2, 5, 9, 20])
def test_sliding_window_matches_torch_with_a_band_mask(window: int) -> None:
    rng = np.random.default_rng(window)
    q, k, v = (rng.normal(size=(2, 3, 9, 8)) * 3 for _ in range(3))
    ours = reference("sliding_window").sliding_window_attention(q, k, v, window)
    band = torch.ones(9, 9, dtype=torch.bool).tril().triu(-(window - 1)).numpy()
    np.testing.assert_allclose(ours, sdpa(q, k, v, attn_mask=band), rtol=1e-10, atol=1e-12)
    if window >= 9:
        np.testing.assert_allclose(ours, sdpa(q, k, v, is_causal=True), rtol=1e-10, atol=1e-12)
    if window == 1:
        np.testing.assert_allclose(ours, v, rtol=1e-12)


def paper_slopes(heads: int) -> list[float]:
    """The slopes as the ALiBi paper's reference code computes them (start·ratio^i, recursive for other H)."""
    if math.log2(heads).is_integer():
        start = 2 ** (-(2 ** -(math.log2(heads) - 3)))
        return [start * start**i for i in range(heads)]
    closest = 2 ** math.floor(math.log2(heads))
    return paper_slopes(closest) + paper_slopes(2 * closest)[0::2][: heads - closest]


@pytest.mark.parametrize("heads", [1, 3, 6, 8, 12, 16])
def test_alibi_matches_torch_with_an_additive_bias(heads: int) -> None:
    rng = np.random.default_rng(heads)
    q, k, v = (rng.normal(size=(2, heads, 7, 8)) * 2 for _ in range(3))
    alibi = reference("alibi")
    np.testing.assert_allclose(alibi.alibi_slopes(heads), paper_slopes(heads), rtol=1e-14)
    position = torch.arange(7, dtype=torch.float64)
    distance = position[:, None] - position[None, :]
    bias = -torch.tensor(paper_slopes(heads), dtype=torch.float64)[:, None, None] * distance
    causal_bias = bias.masked_fill(distance < 0, float("-inf")).numpy()
    np.testing.assert_allclose(alibi.alibi_attention(q, k, v), sdpa(q, k, v, attn_mask=causal_bias), rtol=1e-10,
                               atol=1e-12)


@pytest.mark.parametrize("options", [{}, {"is_causal": True}, {"mask": True}, {"mask": True, "is_causal": True}])
@pytest.mark.parametrize("seed", range(2))
def test_sdpa_backward_matches_torch_autograd(options: dict[str, bool], seed: int) -> None:
    rng = np.random.default_rng(seed)
    q, k = rng.normal(size=(2, 3, 6, 8)) * 3, rng.normal(size=(2, 3, 9, 8)) * 3
    v, grad_out = rng.normal(size=(2, 3, 9, 4)), rng.normal(size=(2, 3, 6, 4))
    mask = rng.random((2, 1, 6, 9)) < 0.6 if options.get("mask") else None
    if mask is not None:
        mask[..., 0] = True  # every row keeps a key: torch's gradient of an empty row is NaN
    causal = bool(options.get("is_causal"))
    torch_mask = mask if not causal else np.tril(np.ones((6, 9), dtype=bool)) & (True if mask is None else mask)
    tensors = [torch.from_numpy(x).requires_grad_() for x in (q, k, v)]
    # torch refuses a mask together with is_causal: the causal triangle goes into the mask instead
    out = F.scaled_dot_product_attention(tensors[0], tensors[1], tensors[2],
                                         attn_mask=None if torch_mask is None else torch.from_numpy(torch_mask))
    out.backward(torch.from_numpy(grad_out))
    ours = reference("sdpa_backward").sdpa_backward(q, k, v, grad_out, mask=mask, is_causal=causal)
    for mine, tensor in zip(ours, tensors, strict=True):
        assert tensor.grad is not None
        np.testing.assert_allclose(mine, tensor.grad.numpy(), rtol=1e-9, atol=1e-11)


def test_sdpa_backward_of_an_empty_row_is_zero() -> None:
    rng = np.random.default_rng(1)
    q, k, v, grad_out = rng.normal(size=(3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 2)), rng.normal(size=(3, 2))
    mask = np.ones((3, 5), dtype=bool)
    mask[1] = False
    dq, dk, dv = reference("sdpa_backward").sdpa_backward(q, k, v, grad_out, mask=mask)
    kept = reference("sdpa_backward").sdpa_backward(q[[0, 2]], k, v, grad_out[[0, 2]])
    assert np.array_equal(dq[1], np.zeros(4))
    np.testing.assert_allclose(dq[[0, 2]], kept[0], rtol=1e-12)
    np.testing.assert_allclose(dk, kept[1], rtol=1e-12)
    np.testing.assert_allclose(dv, kept[2], rtol=1e-12)


@pytest.mark.parametrize("num_heads", [1, 2, 4])
@pytest.mark.parametrize("padded", [False, True])
def test_cross_attention_matches_torch_multihead_attention(num_heads: int, padded: bool) -> None:
    rng = np.random.default_rng(num_heads)
    d_model, length, source = 8, 3, 6
    x, memory = rng.normal(size=(2, length, d_model)) * 2, rng.normal(size=(2, source, d_model)) * 2
    w_q, w_k, w_v, w_o = (rng.normal(size=(d_model, d_model)) for _ in range(4))
    padding = np.arange(source)[None, :] >= np.array([6, 2])[:, None] if padded else None
    module = torch.nn.MultiheadAttention(d_model, num_heads, batch_first=True, dtype=torch.float64)
    with torch.no_grad():  # torch projects with x @ Wᵀ + b: load the transposes and zero biases
        module.in_proj_weight.copy_(torch.from_numpy(np.concatenate([w_q.T, w_k.T, w_v.T])))
        module.in_proj_bias.zero_()
        module.out_proj.weight.copy_(torch.from_numpy(w_o.T))
        module.out_proj.bias.zero_()
        expected, _ = module(torch.from_numpy(x), torch.from_numpy(memory), torch.from_numpy(memory),
                             key_padding_mask=None if padding is None else torch.from_numpy(padding))
    ours = reference("cross_attention").cross_attention(x, memory, w_q, w_k, w_v, w_o, num_heads, key_padding_mask=padding)
    np.testing.assert_allclose(ours, expected.numpy(), rtol=1e-10, atol=1e-10)


def warped_torch(logits: np.ndarray, u: np.ndarray, temperature: float, top_k: int | None,
                 top_p: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Hugging Face's warper order written with torch: temperature, top-k by torch.topk's k-th value,
    top-p by removing the low end of an ascending sort whose mass is ≤ 1 − p, then torch.searchsorted."""
    scores = torch.from_numpy(logits) / temperature
    if top_k is not None:
        kth = torch.topk(scores, min(top_k, scores.shape[-1])).values[..., -1, None]
        scores = scores.masked_fill(scores < kth, float("-inf"))
    if top_p is not None:
        ascending, indices = torch.sort(scores, descending=False)
        remove = ascending.softmax(dim=-1).cumsum(dim=-1) <= 1 - top_p
        remove[..., -1] = False
        scores = scores.masked_fill(remove.scatter(1, indices, remove), float("-inf"))
    probs = scores.softmax(dim=-1)
    tokens = torch.searchsorted(probs.cumsum(dim=-1), torch.from_numpy(u)[:, None], right=True)[:, 0]
    return probs.numpy(), tokens.numpy()


@pytest.mark.parametrize("temperature, top_k, top_p", [(1.0, None, None), (0.7, None, 0.9), (1.3, 5, None),
                                                       (1.5, 4, 0.8), (0.5, 50, 0.3), (2.0, 1, 0.99)])
@pytest.mark.parametrize("seed", range(3))
def test_sampling_matches_the_warpers_written_in_torch(temperature: float, top_k: int | None, top_p: float | None,
                                                       seed: int) -> None:
    rng = np.random.default_rng(seed)
    logits, u = rng.normal(size=(16, 20)) * 2, rng.random(16)  # continuous: no ties, no boundary within 1e-9
    probs, tokens = reference("top_p_sampling").sample_token(logits, u, temperature=temperature, top_k=top_k,
                                                             top_p=top_p)
    expected_probs, expected_tokens = warped_torch(logits, u, temperature, top_k, top_p)
    np.testing.assert_allclose(probs, expected_probs, rtol=1e-10, atol=1e-14)
    assert np.array_equal(tokens, expected_tokens)


def test_greedy_sampling_is_the_first_argmax() -> None:
    logits = np.array([[0.3, 2.0, -1.0, 2.0], [5.0, 1.0, 5.0, 0.0]])
    probs, tokens = reference("top_p_sampling").sample_token(logits, np.array([0.99, 0.5]), temperature=0.0, top_p=0.1)
    assert tokens.tolist() == [1, 0] and np.array_equal(probs, np.eye(4)[[1, 0]])


@pytest.mark.parametrize("d_model", [1, 2, 7, 16, 64])
def test_sinusoidal_encoding_matches_the_papers_formula(d_model: int) -> None:
    positions = np.array([0, 1, 5, 40, 2, 131_072])
    ours = reference("sinusoidal_encoding").sinusoidal_encoding(positions, d_model)
    for t, position in enumerate(positions.tolist()):
        for column in range(d_model):
            angle = position / 10000.0 ** (2 * (column // 2) / d_model)
            expected = math.sin(angle) if column % 2 == 0 else math.cos(angle)
            assert ours[t, column] == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_sinusoidal_encoding_matches_the_pytorch_tutorial_buffer() -> None:
    d_model, length = 32, 50
    position = torch.arange(length, dtype=torch.float64)[:, None]
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model))
    buffer = torch.zeros(length, d_model, dtype=torch.float64)
    buffer[:, 0::2] = torch.sin(position * div_term)
    buffer[:, 1::2] = torch.cos(position * div_term)
    ours = reference("sinusoidal_encoding").sinusoidal_encoding(np.arange(length), d_model)
    np.testing.assert_allclose(ours, buffer.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("block_size", [1, 3, 16, 64])
@pytest.mark.parametrize("is_causal", [False, True])
def test_online_softmax_matches_torch_sdpa(block_size: int, is_causal: bool) -> None:
    rng = np.random.default_rng(block_size)
    q, k, v = rng.normal(size=(2, 3, 20, 8)) * 10, rng.normal(size=(2, 3, 37, 8)) * 10, rng.normal(size=(2, 3, 37, 4))
    ours = reference("online_softmax").online_softmax_attention(q, k, v, block_size, is_causal=is_causal)
    np.testing.assert_allclose(ours, sdpa(q, k, v, is_causal=is_causal), rtol=1e-9, atol=1e-11)


def peak_bytes(attention: Callable[[], object]) -> int:
    """The peak of traced allocations (NumPy reports its buffers to tracemalloc) while ATTENTION runs."""
    tracemalloc.start()
    try:
        attention()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_online_softmax_reference_never_holds_the_score_matrix() -> None:
    rng = np.random.default_rng(0)
    size, block = 2048, 128
    q, k, v = (rng.normal(size=(size, 8)) for _ in range(3))
    matrix = size * size * 8  # the (L, S) float64 scores: 33.5 MB; a tile of (L, block) is 2 MB
    tiled = peak_bytes(lambda: reference("online_softmax").online_softmax_attention(q, k, v, block, is_causal=True))
    full = peak_bytes(lambda: np.exp(q @ k.T) @ v)  # what materialising the scores costs
    assert tiled < matrix / 2 < full


@pytest.mark.parametrize("num_heads, is_causal", [(1, False), (2, True), (4, False), (4, True)])
def test_pre_ln_block_matches_torch_transformer_encoder_layer(num_heads: int, is_causal: bool) -> None:
    rng = np.random.default_rng(num_heads)
    width, hidden, length = 8, 24, 5
    x = rng.normal(size=(2, length, width)) * 3 + 1
    params = {f"w_{n}": rng.normal(size=(width, width)) for n in "qkvo"} | {
        f"b_{n}": rng.normal(size=width) for n in "qkvo"} | {
        "ln1_weight": rng.normal(size=width), "ln1_bias": rng.normal(size=width),
        "ln2_weight": rng.normal(size=width), "ln2_bias": rng.normal(size=width),
        "w_1": rng.normal(size=(width, hidden)), "b_1": rng.normal(size=hidden),
        "w_2": rng.normal(size=(hidden, width)), "b_2": rng.normal(size=width)}
    layer = torch.nn.TransformerEncoderLayer(width, num_heads, hidden, dropout=0.0, activation="gelu", batch_first=True,
                                             norm_first=True, dtype=torch.float64).eval()
    loads = {"self_attn.in_proj_weight": np.concatenate([params["w_q"].T, params["w_k"].T, params["w_v"].T]),
             "self_attn.in_proj_bias": np.concatenate([params["b_q"], params["b_k"], params["b_v"]]),
             "self_attn.out_proj.weight": params["w_o"].T, "self_attn.out_proj.bias": params["b_o"],
             "linear1.weight": params["w_1"].T, "linear1.bias": params["b_1"],
             "linear2.weight": params["w_2"].T, "linear2.bias": params["b_2"],
             "norm1.weight": params["ln1_weight"], "norm1.bias": params["ln1_bias"],
             "norm2.weight": params["ln2_weight"], "norm2.bias": params["ln2_bias"]}
    layer.load_state_dict({name: torch.from_numpy(np.ascontiguousarray(value)) for name, value in loads.items()})
    mask = torch.nn.Transformer.generate_square_subsequent_mask(length, dtype=torch.float64) if is_causal else None
    with torch.no_grad():
        expected = layer(torch.from_numpy(x), src_mask=mask, is_causal=is_causal).numpy()
    ours = reference("pre_ln_block").pre_ln_block(x, params, num_heads, is_causal=is_causal)
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-9)
