"""Exercise ids and the bank folders they name, checked before CI mode reads anything by id.

An id comes from an `exercise.toml`, so in CI it is text someone committed: `../evil/x` would make
`<bank>/<id>` a folder outside the bank (the candidate's checkout), whose `cases.py` the trusted side
would run. Ids are therefore `family/name` in lowercase `[a-z0-9_]`, and every path of an exercise's bank
folder must resolve inside the bank (no link out of it).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..bank import discover
from ..errors import BankFault, UsageError
from ..spec import ExerciseSpec, load_spec

EXERCISE_ID = re.compile(r"[a-z0-9_]+/[a-z0-9_]+")


def check_id(ident: str, where: str) -> str:
    """IDENT when it is `family/name` in lowercase [a-z0-9_]; else BankFault naming WHERE it came from."""
    if not EXERCISE_ID.fullmatch(ident):
        from ..scrub import shown

        raise BankFault(f"{where}: exercise id {shown(ident)!r} is not `family/name` in lowercase letters, digits "
                        "and underscores")
    return ident


def bank_folder(bank: Path, ident: str) -> Path:
    """`<bank>/<id>` for a checked id, refused when it resolves outside the bank."""
    folder = bank / check_id(ident, f"the bank {bank}")
    if not folder.resolve().is_relative_to(bank.resolve()):
        raise BankFault(f"the bank folder of {ident} ({folder}) resolves outside the bank {bank}")
    return folder


def check_inside(bank: Path, folder: Path) -> None:
    """BankFault unless FOLDER and every path under it resolve inside BANK."""
    top = bank.resolve()
    for path in (folder, *folder.rglob("*")):
        if not path.resolve().is_relative_to(top):
            raise BankFault(f"{path} resolves outside the bank {bank}: a bank holds its own files, not links out")


def exercises_under(source: Path) -> list[ExerciseSpec]:
    """The specs of the exercises at or under SOURCE, each id checked and used once (UsageError otherwise)."""
    specs = [load_spec(directory) for directory in discover(source)]
    seen: dict[str, Path] = {}
    for spec in specs:
        check_id(spec.id, str(spec.directory / "exercise.toml"))
        if spec.id in seen:
            raise UsageError(f"exercise id {spec.id} is used by both {seen[spec.id]} and {spec.directory}")
        seen[spec.id] = spec.directory
    return specs
