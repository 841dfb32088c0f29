WITH monthly AS (
    SELECT strftime('%Y-%m', order_date) AS month, SUM(COALESCE(amount, 0)) AS revenue
    FROM Orders
    GROUP BY month
),
lagged AS (
    SELECT month, revenue,
           LAG(month) OVER (ORDER BY month) AS previous_month,
           LAG(revenue) OVER (ORDER BY month) AS previous
    FROM monthly
)
SELECT month, revenue,
       CASE WHEN previous_month = strftime('%Y-%m', month || '-01', '-1 month')
            THEN ROUND(100 * (revenue - previous) / previous, 2)
       END AS growth_pct
FROM lagged
ORDER BY month;
