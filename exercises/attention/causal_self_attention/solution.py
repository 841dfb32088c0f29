"""Causal self-attention module — see README.md for the full statement."""

import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention with q_proj, k_proj, v_proj and o_proj."""

    def __init__(self, d_model: int, num_heads: int) -> None:
        super().__init__()
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)
        self.num_heads = num_heads

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(B, L, d_model) → (B, L, d_model); query i attends to keys j ≤ i."""
        raise NotImplementedError
