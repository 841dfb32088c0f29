"""The one scrubber for text that a candidate or a submission branch controls (error messages, printed
output, file names, refs, SQL column names) on its way to the terminal, the results document, reports and
logs. Control characters (escape sequences, carriage returns, NUL), bidirectional overrides and lone
surrogates never pass; lengths are capped. Format-specific escaping (rich markup, HTML, XML, Markdown)
is the renderer's job, on top of this."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and C1 controls, bidi embeddings/overrides/isolates and marks,
# lone surrogates, and the two non-characters XML cannot carry.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                    "\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile("[\t\n]")
ELLIPSIS = "…"


def scrub(value: object, limit: int | None = None) -> str:
    """Free text (a message, printed output) made inert: each unsafe character becomes U+FFFD; tabs and
    newlines stay; cut to LIMIT characters (with an ellipsis) when given."""
    text = UNSAFE.sub("\N{REPLACEMENT CHARACTER}", str(value))
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + ELLIPSIS
    return text


def shown(value: object, limit: int | None = 500) -> str:
    """A name (a path, a ref, an exercise id) for display on one line: unsafe characters, tabs and newlines
    become backslash escapes, so that two different names never look the same."""
    text = str(value)
    text = UNSAFE.sub(_escaped, text)
    text = LINE_BREAKS.sub(_escaped, text)
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + ELLIPSIS
    return text


def from_bytes(raw: bytes) -> str:
    """A name git or the file system gave as bytes: UTF-8 where it decodes, `\\xNN` escapes where it does not."""
    return raw.decode("utf-8", "backslashreplace")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}" if code >= 0xDC80 else f"\\u{code:04x}"
    return char.encode("unicode_escape").decode("ascii")
