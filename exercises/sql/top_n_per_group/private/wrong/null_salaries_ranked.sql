WITH ranked AS (
    SELECT name, salary, departmentId,
           DENSE_RANK() OVER (PARTITION BY departmentId ORDER BY salary DESC) AS salary_rank
    FROM Employee
)
SELECT d.name AS Department, r.name AS Employee, r.salary AS Salary
FROM ranked AS r
JOIN Department AS d ON d.id = r.departmentId
WHERE r.salary_rank <= 3
ORDER BY Department, Salary DESC, Employee;
