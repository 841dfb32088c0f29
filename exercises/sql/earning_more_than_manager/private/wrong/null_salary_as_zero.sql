SELECT e.name AS Employee
FROM Employee AS e
JOIN Employee AS m ON m.id = e.managerId
WHERE COALESCE(e.salary, 0) > COALESCE(m.salary, 0);
