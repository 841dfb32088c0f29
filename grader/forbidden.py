"""Static scan of a candidate's Python source for forbidden APIs (the sandbox guard is the second net).

Resolves import aliases (`import torch.nn.functional as F`, `from scipy import special as sp`,
`from torch.nn.functional import scaled_dot_product_attention as f`) and attribute chains, and
flags string literals that spell a forbidden API in full (`importlib.import_module` and
`getattr(F, "scaled_dot_" + ...)` tricks are caught at run time instead).
"""

from __future__ import annotations

import ast
import threading
from dataclasses import dataclass

_PARSE_LOCK = threading.Lock()


class Unscannable(Exception):
    """The candidate's source defeats the host's parser (nested beyond its stack, pathological size):
    the candidate's problem, reported as a runtime error, never a crash of the grader."""


@dataclass(frozen=True)
class ForbiddenUse:
    """One use of a forbidden API in the candidate's source."""

    api: str
    line: int
    code: str


def scan(source: str, forbidden: tuple[str, ...]) -> list[ForbiddenUse]:
    """Uses of forbidden APIs in SOURCE; a syntax error yields none (the runner reports it). Raises
    Unscannable when the host's parser cannot handle the source at all."""
    if not forbidden:
        return []
    tree = _parse(source)
    if tree is None:
        return []
    lines = source.splitlines()
    aliases = _aliases(tree)
    found: dict[tuple[str, int], ForbiddenUse] = {}
    for node in ast.walk(tree):
        dotted = _resolve(node, aliases)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [_imported_name(node, alias) for alias in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value]
        else:
            names = [dotted] if dotted else []
        for name in names:
            for api in forbidden:
                if name == api or name.startswith(api + "."):
                    line = getattr(node, "lineno", 0)
                    found.setdefault((api, line), ForbiddenUse(api, line, lines[line - 1].strip() if line else ""))
    return sorted(found.values(), key=lambda use: (use.line, use.api))


def _parse(source: str) -> ast.Module | None:
    """ast.parse under a lock: CPython 3.11's parser is not thread-safe ("AST constructor recursion
    depth mismatch"), and exercises are graded in threads. None for a syntax error; Unscannable for
    anything else the parser raises on hostile source (100 000 unary minus signs overflow its stack:
    MemoryError; a 300 000-long attribute chain: RecursionError)."""
    with _PARSE_LOCK:
        try:
            return ast.parse(source)
        except (SyntaxError, ValueError):
            return None
        except Exception as exc:  # noqa: BLE001 - MemoryError, RecursionError and whatever else the parser raises
            raise Unscannable(f"the source cannot be checked for forbidden APIs ({type(exc).__name__}: "
                              "nested or chained too deeply for Python's parser)") from None


def _imported_name(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> str:
    if isinstance(node, ast.ImportFrom):
        return f"{node.module}.{alias.name}" if node.module else alias.name
    return alias.name


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Local name → the dotted path it stands for, from every import in the module."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    root = alias.name.split(".")[0]
                    aliases[root] = root
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _resolve(node: ast.AST, aliases: dict[str, str]) -> str | None:
    """`F.scaled_dot_product_attention` → `torch.nn.functional.scaled_dot_product_attention`."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])


def imports_module(source: str, module: str) -> bool:
    """True when SOURCE imports MODULE or one of its submodules (False if it does not parse)."""
    try:
        tree = _parse(source)
    except Unscannable:
        return False
    if tree is None:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == module for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == module:
            return True
    return False
