SELECT DISTINCT c.name AS Customers
FROM Customers AS c
JOIN Orders AS o ON o.customerId <> c.id;
