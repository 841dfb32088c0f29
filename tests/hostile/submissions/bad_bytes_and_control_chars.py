"""Non-UTF-8 bytes, NUL, ANSI escape sequences (clear screen, fake green "passed", OSC title,
hyperlinks), carriage returns, rich markup and lone surrogates in everything the candidate
controls: printed output, the exception message, the exception type's name, and (through the
real stdout) a forged result whose strings are lone surrogates.

verdict: runtime error
"""
import json
import os
import sys

NASTY = "\x1b[2J\x1b[H\x1b[32m\u2714 all passed\x1b[0m\r\x00\x07\x1b]0;pwned\x07\x9b31m[bold green]passed[/]\u202e"


def _channel_fds():
    fds = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                fds.append(int(name))
        except OSError:
            pass
    return fds


_calls = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    _calls.append(1)
    os.write(1, b"\xff\xfe\xc3\x28 invalid UTF-8 \xed\xa0\x80 (an encoded surrogate) " + NASTY.encode() + b"\n")
    sys.stdout.write(NASTY + "\n")
    if len(_calls) == 7:
        forged = '{"type":"result","case":"large logits with a mask","status":"error",' \
                 '"error":{"type":"\\ud800\\x1b","message":"\\udfff\\u0000","frames":[{"file":"\\ud800",' \
                 '"line":"\\udc00","function":"\\ud83d","code":"\\ud800"}]},"output":{"text":"\\ud800","bytes":1}}'
        for fd in _channel_fds():
            os.write(fd, forged.encode() + b"\n")
        json.loads(forged)
    raise type("Evil\x1b[31mError\x00", (Exception,), {})(NASTY + "\ud800")
