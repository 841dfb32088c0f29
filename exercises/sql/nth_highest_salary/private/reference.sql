WITH ranked AS (
    SELECT departmentId, salary,
           DENSE_RANK() OVER (PARTITION BY departmentId ORDER BY salary DESC) AS salary_rank
    FROM Employee
    WHERE salary IS NOT NULL
)
SELECT d.name AS Department, MAX(r.salary) AS ThirdHighestSalary
FROM Department AS d
LEFT JOIN ranked AS r ON r.departmentId = d.id AND r.salary_rank = 3
GROUP BY d.id, d.name;
