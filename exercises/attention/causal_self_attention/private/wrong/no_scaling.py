"""Wrong: no 1/sqrt(d_head) scaling."""

import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    def __init__(self, d_model: int, num_heads: int) -> None:
        super().__init__()
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)
        self.num_heads = num_heads

    def _split(self, y: torch.Tensor) -> torch.Tensor:
        batch, length, d_model = y.shape
        return y.view(batch, length, self.num_heads, d_model // self.num_heads).transpose(1, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, d_model = x.shape
        q, k, v = self._split(self.q_proj(x)), self._split(self.k_proj(x)), self._split(self.v_proj(x))
        scores = q @ k.transpose(-1, -2)
        future = torch.ones(length, length, dtype=torch.bool).triu(diagonal=1)
        weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
        merged = (weights @ v).transpose(1, 2).reshape(batch, length, d_model)
        return self.o_proj(merged)
