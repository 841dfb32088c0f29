SELECT region, product,
       SUM(COALESCE(amount, 0)) AS revenue,
       ROUND(100.0 * SUM(COALESCE(amount, 0)) / SUM(SUM(amount)) OVER (), 2) AS pct_of_region
FROM Sales
GROUP BY region, product;
