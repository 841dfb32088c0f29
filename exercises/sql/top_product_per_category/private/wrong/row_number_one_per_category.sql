WITH totals AS (
    SELECT p.category, p.name, SUM(s.quantity) AS total_quantity
    FROM Sale AS s
    JOIN Product AS p ON p.product_id = s.product_id
    GROUP BY p.product_id, p.category, p.name
),
ranked AS (
    SELECT category, name, total_quantity,
           ROW_NUMBER() OVER (PARTITION BY category ORDER BY total_quantity DESC, name) AS position
    FROM totals
)
SELECT category, name AS product, total_quantity
FROM ranked
WHERE position = 1
ORDER BY category, product;
