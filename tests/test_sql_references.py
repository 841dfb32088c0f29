"""The references of the SQL exercises added by bank issue 16 agree with a second, differently
written query (correlated subqueries or joins where the reference uses window functions, and the
other way round), both run with Python's sqlite3 on the exercise's own cases and on the same
generators under other seeds; and the check can fail: it tells each wrong variant apart."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from grader.cases import generate_cases
from grader.compare import ROW_TOLERANCE, compare_rows

SQL = Path(__file__).resolve().parent.parent / "exercises" / "sql"
SEEDS = range(4)  # extra seeds of the case generators, beside each exercise's own [cases].seed

# A second formulation of each reference query, written without looking at the reference's shape.
ALTERNATIVES: dict[str, str] = {
    # Streak starts are days without a login the day before, ends days without one the day after;
    # a streak runs from a start to the first end on or after it.
    "login_streaks": """
        WITH days AS (
            SELECT DISTINCT user_id, login_date AS day FROM Login WHERE login_date IS NOT NULL
        ),
        starts AS (
            SELECT a.user_id, a.day FROM days AS a
            WHERE NOT EXISTS (SELECT 1 FROM days AS b
                              WHERE b.user_id = a.user_id AND b.day = date(a.day, '-1 day'))
        ),
        ends AS (
            SELECT a.user_id, a.day FROM days AS a
            WHERE NOT EXISTS (SELECT 1 FROM days AS b
                              WHERE b.user_id = a.user_id AND b.day = date(a.day, '+1 day'))
        ),
        streaks AS (
            SELECT s.user_id, s.day AS streak_start,
                   (SELECT MIN(e.day) FROM ends AS e WHERE e.user_id = s.user_id AND e.day >= s.day) AS streak_end
            FROM starts AS s
        )
        SELECT user_id, streak_start, streak_end,
               CAST(julianday(streak_end) - julianday(streak_start) + 1 AS INTEGER) AS streak_length
        FROM streaks
        ORDER BY user_id, streak_start
    """,
    # A self join on the month before (the day before the 1st), real sums, NULLIF for a zero month.
    "month_over_month_growth": """
        WITH monthly AS (
            SELECT substr(order_date, 1, 7) AS month, TOTAL(amount) AS revenue
            FROM Orders GROUP BY substr(order_date, 1, 7)
        )
        SELECT cur.month, CAST(cur.revenue AS INTEGER) AS revenue,
               ROUND((cur.revenue - prev.revenue) * 100.0 / NULLIF(prev.revenue, 0), 2) AS growth_pct
        FROM monthly AS cur
        LEFT JOIN monthly AS prev ON prev.month = substr(date(cur.month || '-01', '-1 day'), 1, 7)
        ORDER BY cur.month
    """,
    # No window: a distinct salary is a middle value when at least half the salaries are ≤ it and
    # at least half are ≥ it; the median is the average of the (one or two) middle values.
    "median_per_group": """
        WITH vals AS (SELECT DISTINCT department, salary FROM Salary WHERE salary IS NOT NULL),
        middle AS (
            SELECT v.department, v.salary FROM vals AS v
            WHERE 2 * (SELECT COUNT(*) FROM Salary AS a WHERE a.department = v.department AND a.salary <= v.salary)
                  >= (SELECT COUNT(salary) FROM Salary AS b WHERE b.department = v.department)
              AND 2 * (SELECT COUNT(*) FROM Salary AS a WHERE a.department = v.department AND a.salary >= v.salary)
                  >= (SELECT COUNT(salary) FROM Salary AS b WHERE b.department = v.department)
        )
        SELECT d.department,
               (SELECT AVG(m.salary) FROM middle AS m WHERE m.department = d.department) AS median_salary
        FROM (SELECT DISTINCT department FROM Salary) AS d
    """,
    # No window: an event no other timed event of its session precedes, in (time, id) order; DISTINCT
    # folds an event logged twice.
    "first_event_per_session": """
        SELECT DISTINCT e.session_id, e.event_id, e.event_time, e.event_type
        FROM Event AS e
        WHERE e.event_time IS NOT NULL
          AND NOT EXISTS (
              SELECT 1 FROM Event AS o
              WHERE o.session_id = e.session_id AND o.event_time IS NOT NULL
                AND (o.event_time < e.event_time OR (o.event_time = e.event_time AND o.event_id < e.event_id))
          )
    """,
    # Existence of a whole in-order chain of events (a three-way self join), no greedy earliest
    # times, and rates from the counts without LAG.
    "funnel_conversion": """
        WITH t AS (SELECT * FROM Event WHERE event_time IS NOT NULL),
        s1 AS (SELECT DISTINCT user_id FROM t WHERE event = 'view'),
        s2 AS (
            SELECT DISTINCT v.user_id FROM t AS v
            JOIN t AS c ON c.user_id = v.user_id AND c.event = 'cart' AND c.event_time >= v.event_time
            WHERE v.event = 'view'
        ),
        s3 AS (
            SELECT DISTINCT v.user_id FROM t AS v
            JOIN t AS c ON c.user_id = v.user_id AND c.event = 'cart' AND c.event_time >= v.event_time
            JOIN t AS p ON p.user_id = c.user_id AND p.event = 'purchase' AND p.event_time >= c.event_time
            WHERE v.event = 'view'
        ),
        n AS (SELECT (SELECT COUNT(*) FROM s1) AS n1, (SELECT COUNT(*) FROM s2) AS n2, (SELECT COUNT(*) FROM s3) AS n3)
        SELECT 1 AS step_no, 'view' AS step, n1 AS users, NULL AS conversion_rate FROM n
        UNION ALL SELECT 2, 'cart', n2, CAST(n2 AS REAL) / NULLIF(n1, 0) FROM n
        UNION ALL SELECT 3, 'purchase', n3, CAST(n3 AS REAL) / NULLIF(n2, 0) FROM n
        ORDER BY step_no
    """,
    # The region's revenue from a correlated subquery instead of a window over the groups.
    "percent_of_total": """
        SELECT p.region, p.product, CAST(p.revenue AS INTEGER) AS revenue,
               ROUND(p.revenue * 100.0 / NULLIF((SELECT TOTAL(s.amount) FROM Sales AS s WHERE s.region = p.region), 0),
                     2) AS pct_of_region
        FROM (SELECT region, product, TOTAL(amount) AS revenue FROM Sales GROUP BY region, product) AS p
    """,
    # The manager's salary from a scalar subquery (NULL when there is no manager) instead of a join.
    "earning_more_than_manager": """
        SELECT name AS Employee FROM Employee AS e
        WHERE salary > (SELECT m.salary FROM Employee AS m WHERE m.id = e.managerId)
    """,
    # LEFT JOIN and keep the customers no order matched (a matched order's customerId is never NULL).
    "customers_never_ordered": """
        SELECT c.name AS Customers FROM Customers AS c
        LEFT JOIN Orders AS o ON o.customerId = c.id
        WHERE o.customerId IS NULL
    """,
    # No window: a sold product no product of its category outsold.
    "top_product_per_category": """
        WITH totals AS (
            SELECT p.category, p.name, SUM(s.quantity) AS total_quantity
            FROM Product AS p JOIN Sale AS s USING (product_id)
            GROUP BY p.product_id
        )
        SELECT t.category, t.name AS product, t.total_quantity FROM totals AS t
        WHERE NOT EXISTS (SELECT * FROM totals AS o
                          WHERE o.category = t.category AND o.total_quantity > t.total_quantity)
        ORDER BY 1, 2
    """,
    # Days from a recursive counter of offsets; each day's window summed by a correlated subquery
    # over the daily totals and divided by the number of days it covers (fewer than 7 at the start).
    "rolling_seven_day_average": """
        WITH RECURSIVE bounds AS MATERIALIZED (
            SELECT MIN(sale_date) AS first, MAX(sale_date) AS last FROM DailySales
        ),
        offsets(k) AS (
            SELECT 0
            UNION ALL
            SELECT k + 1 FROM offsets, bounds WHERE date(first, '+' || (k + 1) || ' days') <= last
        ),
        days AS MATERIALIZED (
            SELECT date(first, '+' || k || ' days') AS day, date(first, '+' || MAX(0, k - 6) || ' days') AS since,
                   MIN(k, 6) + 1 AS width
            FROM offsets, bounds WHERE first IS NOT NULL
        ),
        daily AS MATERIALIZED (SELECT sale_date, TOTAL(amount) AS revenue FROM DailySales GROUP BY sale_date)
        SELECT day,
               CAST(COALESCE((SELECT revenue FROM daily WHERE sale_date = day), 0) AS INTEGER) AS revenue,
               (SELECT TOTAL(revenue) FROM daily WHERE sale_date BETWEEN since AND day) / width AS avg_7d
        FROM days
        ORDER BY day
    """,
    # No recursion and no month arithmetic on numbers: offsets 0..99 from a digits table, months
    # as 'YYYY-MM' text stepped with date(…, '+k months'), counts by correlated subqueries.
    "cohort_retention_matrix": """
        WITH digits(d) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)),
        offsets AS (SELECT tens.d * 10 + ones.d AS k FROM digits AS tens, digits AS ones),
        firsts AS MATERIALIZED (
            SELECT user_id, strftime('%Y-%m', MIN(activity_date)) AS cohort_month
            FROM Activity WHERE activity_date IS NOT NULL GROUP BY user_id
        ),
        months AS MATERIALIZED (
            SELECT DISTINCT user_id, strftime('%Y-%m', activity_date) AS month
            FROM Activity WHERE activity_date IS NOT NULL
        ),
        cells AS (
            SELECT f.cohort_month, o.k AS month_offset,
                   strftime('%Y-%m', f.cohort_month || '-01', '+' || o.k || ' months') AS month
            FROM (SELECT DISTINCT cohort_month FROM firsts) AS f, offsets AS o
            WHERE strftime('%Y-%m', f.cohort_month || '-01', '+' || o.k || ' months') <= (SELECT MAX(month) FROM months)
        ),
        counted AS (
            SELECT c.cohort_month, c.month_offset,
                   (SELECT COUNT(*) FROM firsts AS f JOIN months AS m ON m.user_id = f.user_id
                    WHERE f.cohort_month = c.cohort_month AND m.month = c.month) AS active_users,
                   (SELECT COUNT(*) FROM firsts AS f WHERE f.cohort_month = c.cohort_month) AS cohort_size
            FROM cells AS c
        )
        SELECT cohort_month, month_offset, active_users, CAST(active_users AS REAL) / cohort_size AS retention_rate
        FROM counted
        ORDER BY cohort_month, month_offset
    """,
    # No conditional aggregation: one correlated TOTAL (0.0 over no row) per quarter and store.
    "pivot_quarterly_sales": """
        SELECT s.store,
               CAST((SELECT TOTAL(x.amount) FROM Sales AS x WHERE x.store = s.store AND x.quarter = 'Q1') AS INTEGER)
                   AS q1,
               CAST((SELECT TOTAL(x.amount) FROM Sales AS x WHERE x.store = s.store AND x.quarter = 'Q2') AS INTEGER)
                   AS q2,
               CAST((SELECT TOTAL(x.amount) FROM Sales AS x WHERE x.store = s.store AND x.quarter = 'Q3') AS INTEGER)
                   AS q3,
               CAST((SELECT TOTAL(x.amount) FROM Sales AS x WHERE x.store = s.store AND x.quarter = 'Q4') AS INTEGER)
                   AS q4,
               CAST((SELECT TOTAL(x.amount) FROM Sales AS x WHERE x.store = s.store) AS INTEGER) AS total
        FROM (SELECT DISTINCT store FROM Sales) AS s
        ORDER BY s.store
    """,
}

# For the exercises that round a percentage to 2 decimals: a query giving the (numerator,
# denominator) of every percentage / 100 the reference rounds, so that ties can be ruled out.
ROUNDED: dict[str, str] = {
    "month_over_month_growth": """
        WITH monthly AS (
            SELECT substr(order_date, 1, 7) AS month, SUM(COALESCE(amount, 0)) AS revenue
            FROM Orders GROUP BY 1
        )
        SELECT cur.revenue - prev.revenue, prev.revenue
        FROM monthly AS cur
        JOIN monthly AS prev ON prev.month = substr(date(cur.month || '-01', '-1 day'), 1, 7)
        WHERE prev.revenue <> 0
    """,
    "percent_of_total": """
        WITH pair AS (SELECT region, SUM(COALESCE(amount, 0)) AS revenue FROM Sales GROUP BY region, product),
        region AS (SELECT region, SUM(COALESCE(amount, 0)) AS total FROM Sales GROUP BY region)
        SELECT pair.revenue, region.total FROM pair JOIN region USING (region) WHERE region.total <> 0
    """,
}


def run(query: str, setup: str) -> dict[str, Any]:
    """The result set of QUERY on a fresh in-memory database built by SETUP, as the runner returns it."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(setup)
        cursor = connection.execute(query)
        return {"columns": [d[0] for d in cursor.description], "rows": [list(row) for row in cursor.fetchall()]}
    finally:
        connection.close()


def setups(name: str) -> Iterator[tuple[str, str]]:
    """(case label, setup script) of the exercise's graded cases (its own seed), then of the same
    generators under other seeds: new random tables."""
    for seed in (spec(name)["cases"]["seed"], *SEEDS):
        for case in generate_cases(SQL / name / "private" / "cases.py", seed):
            yield f"seed {seed}, {case.name}", case.kwargs["setup"]


def spec(name: str) -> dict[str, Any]:
    return tomllib.loads((SQL / name / "exercise.toml").read_text())


def ordered(name: str) -> bool:
    return bool(spec(name)["outputs"][0]["compare"] == "rows_ordered")


def mismatch(name: str, expected: dict[str, Any], actual: dict[str, Any]) -> str | None:
    found = compare_rows(expected, actual, ordered=ordered(name), tolerance=ROW_TOLERANCE)
    return None if found is None else found.reason


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_reference_matches_second_formulation(name: str) -> None:
    reference = (SQL / name / "private" / "reference.sql").read_text()
    checked = 0
    for label, setup in setups(name):
        assert mismatch(name, run(ALTERNATIVES[name], setup), run(reference, setup)) is None, label
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize("name", sorted(ROUNDED))
def test_no_percentage_is_a_rounding_tie(name: str) -> None:
    """The statements promise that every correct way of computing a percentage rounds the same:
    no case has a value exactly halfway between two 2-decimal numbers (where float order decides)."""
    pairs = 0
    for label, setup in setups(name):
        connection = sqlite3.connect(":memory:")
        connection.executescript(setup)
        for numerator, denominator in connection.execute(ROUNDED[name]):
            assert Fraction(10_000 * numerator, denominator) % 1 != Fraction(1, 2), (label, numerator, denominator)
            pairs += 1
        connection.close()
    assert pairs >= 50


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_second_formulation_tells_every_wrong_variant_apart(name: str) -> None:
    """The agreement above means something: on the same setups each wrong variant differs somewhere."""
    for wrong in spec(name)["wrong"]:
        query = (SQL / name / "private" / "wrong" / wrong["file"]).read_text()
        assert any(mismatch(name, run(ALTERNATIVES[name], setup), run(query, setup)) for _, setup in setups(name)), \
            wrong["file"]
