SELECT r.sensor, r.id, r.read_at, r.value
FROM Reading AS r
JOIN (
    SELECT sensor, MAX(read_at) AS latest
    FROM Reading
    GROUP BY sensor
) AS m ON m.sensor = r.sensor AND m.latest = r.read_at;
