WITH RECURSIVE calendar(day) AS (
    SELECT MIN(sale_date) FROM DailySales HAVING COUNT(*) > 0
    UNION ALL
    SELECT date(day, '+1 day') FROM calendar
    WHERE day < (SELECT MAX(sale_date) FROM DailySales)
),
daily AS (
    SELECT sale_date, SUM(amount) AS revenue
    FROM DailySales
    GROUP BY sale_date
)
SELECT c.day, COALESCE(d.revenue, 0) AS revenue,
       AVG(COALESCE(d.revenue, 0)) OVER (ORDER BY c.day ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) AS avg_7d
FROM calendar AS c
LEFT JOIN daily AS d ON d.sale_date = c.day
ORDER BY c.day;
