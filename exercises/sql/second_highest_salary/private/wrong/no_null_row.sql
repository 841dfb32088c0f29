SELECT DISTINCT salary AS SecondHighestSalary
FROM Employee
WHERE salary IS NOT NULL
ORDER BY salary DESC
LIMIT 1 OFFSET 1;
