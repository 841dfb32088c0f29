WITH daily AS (
    SELECT sale_date AS day, SUM(COALESCE(amount, 0)) AS revenue
    FROM DailySales
    GROUP BY sale_date
)
SELECT day, revenue,
       AVG(revenue) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_7d
FROM daily
ORDER BY day;
