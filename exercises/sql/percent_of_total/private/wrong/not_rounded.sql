SELECT region, product,
       SUM(COALESCE(amount, 0)) AS revenue,
       100.0 * SUM(COALESCE(amount, 0)) / SUM(SUM(amount)) OVER (PARTITION BY region) AS pct_of_region
FROM Sales
GROUP BY region, product;
