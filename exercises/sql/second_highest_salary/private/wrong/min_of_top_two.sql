SELECT MIN(salary) AS SecondHighestSalary
FROM (
    SELECT DISTINCT salary
    FROM Employee
    WHERE salary IS NOT NULL
    ORDER BY salary DESC
    LIMIT 2
);
