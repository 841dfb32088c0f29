SELECT e.session_id, e.event_id, e.event_time, e.event_type
FROM Event AS e
JOIN (
    SELECT session_id, MIN(event_time) AS first_time
    FROM Event
    GROUP BY session_id
) AS f ON f.session_id = e.session_id AND f.first_time = e.event_time;
