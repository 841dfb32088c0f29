SELECT sensor, id, read_at, value
FROM Reading
WHERE id IN (SELECT MAX(id) FROM Reading GROUP BY sensor);
