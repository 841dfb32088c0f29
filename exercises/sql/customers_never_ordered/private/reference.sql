SELECT c.name AS Customers
FROM Customers AS c
WHERE NOT EXISTS (SELECT * FROM Orders AS o WHERE o.customerId = c.id);
