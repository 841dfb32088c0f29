WITH monthly AS (
    SELECT strftime('%Y-%m', order_date) AS month, SUM(COALESCE(amount, 0)) AS revenue
    FROM Orders
    GROUP BY month
)
SELECT month, revenue,
       ROUND(100.0 * (revenue - LAG(revenue) OVER (ORDER BY month)) / LAG(revenue) OVER (ORDER BY month), 2)
           AS growth_pct
FROM monthly
ORDER BY month;
