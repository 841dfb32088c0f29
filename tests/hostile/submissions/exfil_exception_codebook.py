"""Measure the hidden-case side channel at its widest field: encode 6 bits of each hidden input (the
low 6 bits of q's first byte) as the choice among 64 of Python's own exception classes, which a hidden
case's runtime error keeps. tests/hostile/test_hostile_channel.py decodes the results document and
checks that it recovers exactly these 6 bits per case, and nothing through time, line, file, message
or exit status (the bound in docs/security.md).

verdict: runtime error
"""
import builtins

NAMES = """ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError
BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
DeprecationWarning EOFError Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit
ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt
LookupError ModuleNotFoundError NameError NotADirectoryError OSError OverflowError PendingDeprecationWarning
PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning
StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError
UnboundLocalError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError EncodingWarning UnicodeError
UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup""".split()
SPECIAL = {
    "UnicodeDecodeError": lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
    "UnicodeEncodeError": lambda: UnicodeEncodeError("ascii", "\xff", 0, 1, "bad"),
    "UnicodeTranslateError": lambda: UnicodeTranslateError("\xff", 0, 1, "bad"),
    "ExceptionGroup": lambda: ExceptionGroup("group", [ValueError("x")]),
}


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    name = NAMES[q.tobytes()[0] & 63]
    raise SPECIAL[name]() if name in SPECIAL else getattr(builtins, name)("x")
