"""Cases for the latest reading per sensor: ties on the latest timestamp (inserted out of id
order, so a bare GROUP BY column, the lowest id and the highest id differ), ids that are not
chronological, NULL timestamps and values, an empty table and random logs."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

Reading = tuple[int, str, str | None, float | None]  # id, sensor, read_at, value

READING = Table("Reading", {"id": "INTEGER", "sensor": "TEXT", "read_at": "TEXT", "value": "REAL"})


def _case(name: str, readings: list[Reading], note: str = "") -> Case:
    """Rows are inserted in the given order."""
    return Case(name, kwargs={"setup": sql_setup((READING, readings))}, note=note)


def _random(rng: np.random.Generator, sensors: int, n: int, null_share: float = 0.0) -> list[Reading]:
    """N readings with shuffled ids; few distinct timestamps, so ties are common."""
    ids = (rng.permutation(n) + 1).tolist()
    readings: list[Reading] = []
    for reading_id in ids:
        day, hour = int(rng.integers(1, 4)), int(rng.integers(8, 11))
        stamp = None if rng.random() < null_share else f"2024-07-{day:02d} {hour:02d}:00:00"
        value = None if rng.random() < null_share else round(float(rng.normal(20, 5)), 2)
        readings.append((reading_id, f"s{int(rng.integers(1, sensors + 1))}", stamp, value))
    return readings


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("tie on the latest timestamp",
              [(4, "a", "2024-05-01 10:00:00", 1.5), (2, "a", "2024-05-01 12:00:00", 2.5),
               (7, "a", "2024-05-01 12:00:00", 3.5), (1, "b", "2024-05-02 08:00:00", 9.0)],
              note="sensor a: ids 2 and 7 share 12:00 → id 7; sensor b → id 1"),
        _case("ids not chronological",
              [(9, "x", "2024-01-01 00:00:00", 0.0), (3, "x", "2024-02-01 00:00:00", 1.0),
               (8, "y", "2023-12-31 23:59:59", 5.0), (5, "y", "2024-01-01 00:00:00", None)],
              note="sensor x → id 3 (February); sensor y → id 5 (value NULL)"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("three-way tie inserted out of order",
              [(5, "t", "2024-03-03 03:03:03", 5.0), (3, "t", "2024-03-03 03:03:03", 3.0),
               (9, "t", "2024-03-03 03:03:03", 9.0), (1, "t", "2024-03-02 00:00:00", 1.0)]),
        _case("NULL timestamps", [(1, "n", None, 1.0), (6, "n", None, 6.0), (2, "m", None, 2.0),
                                  (4, "m", "2024-04-04 04:04:04", 4.0), (8, "m", None, 8.0)]),
        _case("one reading per sensor", [(3, "p", "2024-01-01 00:00:00", 1.0), (1, "q", None, None)]),
        _case("random log", _random(rng, 3, 15)),
        _case("random log with NULLs", _random(rng, 5, 40, null_share=0.15)),
        _case("random large log", _random(rng, 30, 600)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'ties-highest-id': ['tie on the latest timestamp', 'three-way tie inserted out of order'],
    'null-oldest': ['NULL timestamps'],
    'value-as-is': ['ids not chronological'],
    'column-names': ['tie on the latest timestamp'],
}
