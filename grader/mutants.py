"""Mutants of a reference: small, plausible bugs that the cases must catch (docs/mutation.md).

Python references are mutated on their syntax tree (stdlib `ast`), SQL references on their tokens.
Each mutant has a stable id, "L<line>:<column> <what>→<into>", so that an exercise can list the ones
that are equivalent to the reference (`[[mutants.equivalent]]` in exercise.toml) with a reason.

Operators: arithmetic (+ − × ÷ // % ** @, also in augmented assignments), comparison (< ≤ > ≥ == ≠,
is, in), boolean (and/or, not), unary minus, constants (numbers ±1, True/False), `axis=`/`keepdims=`
dropped, slice bounds ±1, reductions swapped (max/min, argmax/argmin, sum/mean, floor/ceil); for SQL:
ordering (ASC/DESC, NULLS FIRST/LAST), joins (LEFT JOIN → JOIN), DISTINCT dropped, ranking
(DENSE_RANK/RANK/ROW_NUMBER), aggregates (MAX/MIN, SUM/AVG, COUNT(*)), PARTITION BY dropped,
COALESCE(x, y) → x, WHERE negated, window frames (PRECEDING/FOLLOWING), comparisons, AND/OR,
IS [NOT] NULL, UNION ALL → UNION, integer literals ±1 and real literals made integers (SQLite's
integer division).
"""

from __future__ import annotations

import ast
import copy
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    """One mutated copy of a reference."""

    id: str
    source: str


BINARY: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.MatMult: ast.Mult,
}
COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
BOOLEAN: dict[type[ast.boolop], type[ast.boolop]] = {ast.And: ast.Or, ast.Or: ast.And}
SWAPPED_NAMES = {"max": "min", "min": "max", "amax": "amin", "amin": "amax", "argmax": "argmin", "argmin": "argmax",
                 "maximum": "minimum", "minimum": "maximum", "sum": "mean", "mean": "sum", "floor": "ceil",
                 "ceil": "floor", "nanmax": "nanmin", "nanmin": "nanmax"}
DROPPED_KEYWORDS = ("axis", "keepdims", "ddof", "dim", "keepdim")
SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**",
          ast.MatMult: "@", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
          ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.And: "and", ast.Or: "or"}

Edit = Callable[[ast.AST], None]  # changes a node (found again by position in a fresh copy of the tree)


def mutants(source: str, sql: bool) -> list[Mutant]:
    """Every mutant of SOURCE, in source order, ids unique."""
    found = list(_sql_mutants(source) if sql else _python_mutants(source))
    seen: dict[str, int] = {}
    unique = []
    for mutant in found:
        count = seen.get(mutant.id, 0)
        seen[mutant.id] = count + 1
        unique.append(Mutant(f"{mutant.id} #{count + 1}" if count else mutant.id, mutant.source))
    return unique


def capped(found: list[Mutant], limit: int | None) -> list[Mutant]:
    """At most LIMIT mutants, chosen by a hash of their ids (deterministic, spread over the file)."""
    if limit is None or len(found) <= limit:
        return found
    chosen = sorted(found, key=lambda m: hashlib.sha256(m.id.encode()).hexdigest())[:limit]
    order = {m.id: i for i, m in enumerate(found)}
    return sorted(chosen, key=lambda m: order[m.id])


# ---- Python ---------------------------------------------------------------------------------------


def _python_mutants(source: str) -> Iterator[Mutant]:
    tree = ast.parse(source)
    skipped = _skipped_nodes(tree)
    nodes = [node for node in ast.walk(tree)]
    for index, node in enumerate(nodes):
        if id(node) in skipped:
            continue
        for label, edit in _edits(node):
            mutated = copy.deepcopy(tree)
            target = list(ast.walk(mutated))[index]
            edit(target)
            ast.fix_missing_locations(mutated)
            text = ast.unparse(mutated)
            if text != ast.unparse(tree):
                yield Mutant(f"L{getattr(node, 'lineno', 0)}:{getattr(node, 'col_offset', 0)} {label}", text)


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Docstrings, annotations and imports: mutating them changes nothing a case can see."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skip(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            skip(node.returns)
            for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs, node.args.vararg,
                        node.args.kwarg]:
                if arg is not None:
                    skip(arg.annotation)
        elif isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                skip(first)
    return skipped


def _edits(node: ast.AST) -> Iterator[tuple[str, Edit]]:
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in BINARY:
        new = BINARY[type(node.op)]
        yield f"{SYMBOL[type(node.op)]}→{SYMBOL[new]}", lambda n: setattr(n, "op", new())
    elif isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            if type(op) in COMPARE:
                yield f"{SYMBOL[type(op)]}→{SYMBOL[COMPARE[type(op)]]}", _set_compare(position, COMPARE[type(op)])
    elif isinstance(node, ast.BoolOp):
        new_bool = BOOLEAN[type(node.op)]
        yield f"{SYMBOL[type(node.op)]}→{SYMBOL[new_bool]}", lambda n: setattr(n, "op", new_bool())
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        if isinstance(node.op, ast.USub):
            yield "-x→x", lambda n: setattr(n, "op", ast.UAdd())
        else:
            yield "not x→x", _replace_not
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        flipped = not node.value
        yield f"{node.value}→{flipped}", lambda n: setattr(n, "value", flipped)
    elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        number = node.value
        for delta in (1, -1):
            yield f"{number!r}→{number + delta!r}", _set_constant(number + delta)
    elif isinstance(node, ast.Call):
        for position, keyword in enumerate(node.keywords):
            if keyword.arg in DROPPED_KEYWORDS:
                yield f"{keyword.arg}= dropped", _drop_keyword(position)
        name = _called_name(node.func)
        if name in SWAPPED_NAMES:
            yield f"{name}→{SWAPPED_NAMES[name]}", _rename_call(SWAPPED_NAMES[name])
    elif isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is not None and not isinstance(value, ast.Constant) and not _is_negated_constant(value):
                for delta, symbol in ((1, "+1"), (-1, "-1")):
                    yield f"slice {bound}{symbol}", _shift_bound(bound, delta)


def _set_compare(position: int, new: type[ast.cmpop]) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Compare)
        node.ops[position] = new()
    return edit


def _replace_not(node: ast.AST) -> None:
    assert isinstance(node, ast.UnaryOp)
    node.op = ast.UAdd()  # unparsed as "+x"; made a plain truth test below
    node.operand = ast.Call(ast.Name("bool", ast.Load()), [node.operand], [])


def _set_constant(value: float) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Constant)
        node.value = value
    return edit


def _drop_keyword(position: int) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Call)
        del node.keywords[position]
    return edit


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _rename_call(new: str) -> Edit:
    def edit(node: ast.AST) -> None:
        assert isinstance(node, ast.Call)
        if isinstance(node.func, ast.Name):
            node.func.id = new
        elif isinstance(node.func, ast.Attribute):
            node.func.attr = new
    return edit


def _is_negated_constant(value: ast.expr) -> bool:
    return isinstance(value, ast.UnaryOp) and isinstance(value.operand, ast.Constant)


def _shift_bound(bound: str, delta: int) -> Edit:
    def edit(node: ast.AST) -> None:
        value = getattr(node, bound)
        setattr(node, bound, ast.BinOp(value, ast.Add() if delta > 0 else ast.Sub(), ast.Constant(1)))
    return edit


# ---- SQL ------------------------------------------------------------------------------------------

SQL_SWAPS: list[tuple[str, str, str]] = [  # (pattern, replacement, label); patterns match whole words
    (r"\bDESC\b", "ASC", "DESC→ASC"), (r"\bASC\b", "DESC", "ASC→DESC"),
    (r"\bNULLS\s+LAST\b", "NULLS FIRST", "NULLS LAST→NULLS FIRST"),
    (r"\bNULLS\s+FIRST\b", "NULLS LAST", "NULLS FIRST→NULLS LAST"),
    (r"\bLEFT\s+(?:OUTER\s+)?JOIN\b", "JOIN", "LEFT JOIN→JOIN"),
    (r"\bSELECT\s+DISTINCT\b", "SELECT", "SELECT DISTINCT→SELECT"),
    (r"\(\s*DISTINCT\b", "(", "(DISTINCT x)→(x)"),
    (r"\bDENSE_RANK\b", "RANK", "DENSE_RANK→RANK"), (r"\bDENSE_RANK\b", "ROW_NUMBER", "DENSE_RANK→ROW_NUMBER"),
    (r"\bROW_NUMBER\b", "RANK", "ROW_NUMBER→RANK"), (r"(?<!DENSE_)\bRANK\b", "DENSE_RANK", "RANK→DENSE_RANK"),
    (r"\bMAX\b", "MIN", "MAX→MIN"), (r"\bMIN\b", "MAX", "MIN→MAX"),
    (r"\bSUM\b", "AVG", "SUM→AVG"), (r"\bAVG\b", "SUM", "AVG→SUM"),
    (r"\bCOUNT\s*\(\s*\*\s*\)", "COUNT(NULL)", "COUNT(*)→COUNT(NULL)"),
    (r"\bAND\b", "OR", "AND→OR"), (r"\bOR\b", "AND", "OR→AND"),
    (r"\bIS\s+NOT\s+NULL\b", "IS NULL", "IS NOT NULL→IS NULL"), (r"\bIS\s+NULL\b", "IS NOT NULL", "IS NULL→IS NOT NULL"),
    (r"\bUNION\s+ALL\b", "UNION", "UNION ALL→UNION"),
    (r"\bPRECEDING\b", "FOLLOWING", "PRECEDING→FOLLOWING"),
    (r"\bPARTITION\s+BY\s+[^()]+?(?=\bORDER\b|\))", "", "PARTITION BY dropped"),
    (r"\bCOALESCE\s*\(\s*([^(),]+?)\s*,[^()]+\)", r"(\1)", "COALESCE(x, y)→x"),
    (r"\bWHERE\b", "WHERE NOT", "WHERE→WHERE NOT"),
    (r"<=", "<", "<=→<"), (r">=", ">", ">=→>"), (r"(?<![<>!])<(?![=>])", "<=", "<→<="),
    (r"(?<![<>!-])>(?!=)", ">=", ">→>="), (r"(?<![<>!=])=(?!=)", "<>", "=→<>"), (r"<>|!=", "=", "<>→="),
]
_BETWEEN = re.compile(r"\bBETWEEN\b(?:(?!\bAND\b).)*$", flags=re.IGNORECASE | re.DOTALL)
_STRING = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*")
_INTEGER = re.compile(r"(?<![\w.])(\d+)(?![\w.])")
_REAL = re.compile(r"(?<![\w.])(\d+)\.(\d+)(?![\w.])")


def _sql_mutants(source: str) -> Iterator[Mutant]:
    shielded = _STRING.sub(lambda m: " " * len(m.group(0)), source)  # no matches inside strings or comments
    for pattern, replacement, label in SQL_SWAPS:
        for match in re.finditer(pattern, shielded, flags=re.IGNORECASE):
            if label == "AND→OR" and _BETWEEN.search(shielded[:match.start()]):
                continue  # the AND of BETWEEN … AND …: no boolean to mutate
            yield _sql_edit(source, match.start(), match.end(), match.expand(replacement), label)
    for match in _INTEGER.finditer(shielded):
        value = int(match.group(1))
        for delta in (1, -1):
            if value + delta >= 0:
                yield _sql_edit(source, match.start(), match.end(), str(value + delta), f"{value}→{value + delta}")
    for match in _REAL.finditer(shielded):
        if int(match.group(2)) == 0:
            yield _sql_edit(source, match.start(), match.end(), match.group(1), f"{match.group(0)}→{match.group(1)}")


def _sql_edit(source: str, start: int, end: int, replacement: str, label: str) -> Mutant:
    line = source.count("\n", 0, start) + 1
    column = start - (source.rfind("\n", 0, start) + 1)
    return Mutant(f"L{line}:{column} {label}", source[:start] + replacement + source[end:])
