WITH firsts AS (
    SELECT user_id,
           MIN(CASE WHEN event = 'view' THEN event_time END) AS first_view,
           MIN(CASE WHEN event = 'cart' THEN event_time END) AS first_cart,
           MIN(CASE WHEN event = 'purchase' THEN event_time END) AS first_purchase
    FROM Event
    WHERE event_time IS NOT NULL
    GROUP BY user_id
),
counts AS (
    SELECT 1 AS step_no, 'view' AS step, COUNT(first_view) AS users FROM firsts
    UNION ALL
    SELECT 2, 'cart', COUNT(*) FROM firsts WHERE first_cart >= first_view
    UNION ALL
    SELECT 3, 'purchase', COUNT(*) FROM firsts WHERE first_cart >= first_view AND first_purchase >= first_cart
)
SELECT step_no, step, users, 1.0 * users / LAG(users) OVER (ORDER BY step_no) AS conversion_rate
FROM counts
ORDER BY step_no;
