SELECT d.name AS Department, e.name AS Employee, e.salary AS Salary
FROM Employee AS e
JOIN Department AS d ON d.id = e.departmentId
WHERE e.salary IN (
    SELECT DISTINCT salary
    FROM Employee
    WHERE salary IS NOT NULL
    ORDER BY salary DESC
    LIMIT 3
)
ORDER BY Department, Salary DESC, Employee;
