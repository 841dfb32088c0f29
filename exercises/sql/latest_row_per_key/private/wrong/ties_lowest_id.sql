WITH ranked AS (
    SELECT sensor, id, read_at, value,
           ROW_NUMBER() OVER (PARTITION BY sensor ORDER BY read_at DESC NULLS LAST, id) AS position
    FROM Reading
)
SELECT sensor, id, read_at, value
FROM ranked
WHERE position = 1;
