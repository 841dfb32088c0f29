SELECT sensor, id, MAX(read_at) AS read_at, value
FROM Reading
GROUP BY sensor;
