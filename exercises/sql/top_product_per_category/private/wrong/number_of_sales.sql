WITH totals AS (
    SELECT p.category, p.name, COUNT(*) AS total_quantity
    FROM Sale AS s
    JOIN Product AS p ON p.product_id = s.product_id
    GROUP BY p.product_id, p.category, p.name
),
best AS (
    SELECT category, name, total_quantity,
           MAX(total_quantity) OVER (PARTITION BY category) AS best_quantity
    FROM totals
)
SELECT category, name AS product, total_quantity
FROM best
WHERE total_quantity = best_quantity
ORDER BY category, product;
