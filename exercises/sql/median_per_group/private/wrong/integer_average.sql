WITH ranked AS (
    SELECT department, salary,
           ROW_NUMBER() OVER (PARTITION BY department ORDER BY salary) AS position,
           COUNT(*) OVER (PARTITION BY department) AS n
    FROM Salary
    WHERE salary IS NOT NULL
)
SELECT d.department, (MIN(r.salary) + MAX(r.salary)) / 2 AS median_salary
FROM (SELECT department FROM Salary GROUP BY department) AS d
LEFT JOIN ranked AS r
    ON r.department = d.department AND r.position IN ((r.n + 1) / 2, (r.n + 2) / 2)
GROUP BY d.department;
