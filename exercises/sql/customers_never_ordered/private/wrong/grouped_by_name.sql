SELECT c.name AS Customers
FROM Customers AS c
LEFT JOIN Orders AS o ON o.customerId = c.id
GROUP BY c.name
HAVING COUNT(o.id) = 0;
