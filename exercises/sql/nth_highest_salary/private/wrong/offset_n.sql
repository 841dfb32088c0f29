SELECT d.name AS Department,
       (SELECT DISTINCT e.salary
        FROM Employee AS e
        WHERE e.departmentId = d.id AND e.salary IS NOT NULL
        ORDER BY e.salary DESC
        LIMIT 1 OFFSET 3) AS ThirdHighestSalary
FROM Department AS d;
