"""Reading results documents (docs/results-schema.json) from files, strictly."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).parent / "results-schema.json"  # a link to docs/results-schema.json


class DocumentError(ValueError):
    """A file that is not a valid results document."""


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate_document(document: Any, source: str = "the document") -> dict[str, Any]:
    """The document itself when it matches the results schema; else DocumentError naming the first problem."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise DocumentError(f"{source} is not a valid mlgrade results document: at {where}: {error.message[:300]}")
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (results documents write non-finite numbers as text)")


def load_document(path: Path) -> dict[str, Any]:
    """Read and validate one results JSON file (as written by `grade PATH --json FILE`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path} cannot be read: {exc}") from None
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:  # json.JSONDecodeError, or NaN / Infinity
        raise DocumentError(f"{path} is not JSON: {exc}") from None
    return validate_document(document, str(path))
