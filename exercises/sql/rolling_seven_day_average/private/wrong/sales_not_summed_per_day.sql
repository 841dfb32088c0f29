WITH RECURSIVE calendar(day) AS (
    SELECT MIN(sale_date) FROM DailySales HAVING COUNT(*) > 0
    UNION ALL
    SELECT date(day, '+1 day') FROM calendar
    WHERE day < (SELECT MAX(sale_date) FROM DailySales)
)
SELECT c.day, COALESCE(s.amount, 0) AS revenue,
       AVG(COALESCE(s.amount, 0)) OVER (ORDER BY c.day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_7d
FROM calendar AS c
LEFT JOIN DailySales AS s ON s.sale_date = c.day
ORDER BY c.day;
