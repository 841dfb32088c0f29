"""File-descriptor exhaustion: open /dev/null, pipes and sockets until the nofile limit refuses.

verdict: runtime error
"""
import os
import socket

_held = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:  # OSError: [Errno 24] Too many open files
        _held.append(os.open("/dev/null", os.O_RDONLY))
        _held.extend(os.pipe())
        _held.append(socket.socketpair())
