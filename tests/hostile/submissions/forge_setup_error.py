"""Claim an infrastructure fault: while the module is imported, write straight into the runner's real
stdout (found through /proc/self/fd) a forged "loaded" line carrying a setup error, and a forged
"written" line saying /tmp is full, with a clear-screen, an OSC 8 link and an OSC 52 clipboard write
in the text. The host reads a fault of the sandbox only from the reply to the files, which comes
before the host lets the module load; everything after is the candidate's: a runtime error, exit 1,
never "ungradable" (which would exclude the candidate from standings and re-grade them forever).

verdict: runtime error
"""
import json
import os

ESCAPES = "\x1b[2J\x1b[H\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07\x1b]52;c;cm0gLXJmIH4K\x07"


def _channel_fds():
    fds = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                fds.append(int(name))
        except OSError:
            pass
    return fds


_forged = [{"type": "loaded", "ok": False, "setup_error": "OSError: [Errno 28] No space left on device" + ESCAPES},
           {"type": "written", "ok": False, "problem": "OSError: [Errno 28] No space left on device" + ESCAPES}]
for _fd in _channel_fds():
    os.write(_fd, b"".join(json.dumps(message).encode() + b"\n" for message in _forged))


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    raise AssertionError("never called: the forged lines made the load fail")
