WITH ranked AS (
    SELECT session_id, event_id, event_time, event_type,
           ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY event_id) AS position
    FROM Event
    WHERE event_time IS NOT NULL
)
SELECT session_id, event_id, event_time, event_type
FROM ranked
WHERE position = 1;
