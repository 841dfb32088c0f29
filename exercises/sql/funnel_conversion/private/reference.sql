WITH timed AS (
    SELECT user_id, event, event_time
    FROM Event
    WHERE event_time IS NOT NULL
),
viewed AS (
    SELECT user_id, MIN(event_time) AS reached_at
    FROM timed
    WHERE event = 'view'
    GROUP BY user_id
),
carted AS (
    SELECT v.user_id, MIN(t.event_time) AS reached_at
    FROM viewed AS v
    JOIN timed AS t ON t.user_id = v.user_id AND t.event = 'cart' AND t.event_time >= v.reached_at
    GROUP BY v.user_id
),
purchased AS (
    SELECT c.user_id
    FROM carted AS c
    WHERE EXISTS (SELECT * FROM timed AS t
                  WHERE t.user_id = c.user_id AND t.event = 'purchase' AND t.event_time >= c.reached_at)
),
counts AS (
    SELECT 1 AS step_no, 'view' AS step, COUNT(*) AS users FROM viewed
    UNION ALL
    SELECT 2, 'cart', COUNT(*) FROM carted
    UNION ALL
    SELECT 3, 'purchase', COUNT(*) FROM purchased
)
SELECT step_no, step, users, 1.0 * users / LAG(users) OVER (ORDER BY step_no) AS conversion_rate
FROM counts
ORDER BY step_no;
