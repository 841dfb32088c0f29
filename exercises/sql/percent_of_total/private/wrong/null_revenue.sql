SELECT region, product,
       SUM(amount) AS revenue,
       ROUND(100.0 * SUM(amount) / SUM(SUM(amount)) OVER (PARTITION BY region), 2) AS pct_of_region
FROM Sales
GROUP BY region, product;
