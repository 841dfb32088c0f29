SELECT s.step_no, s.step, COUNT(DISTINCT e.user_id) AS users,
       1.0 * COUNT(DISTINCT e.user_id) / LAG(COUNT(DISTINCT e.user_id)) OVER (ORDER BY s.step_no) AS conversion_rate
FROM (SELECT 1 AS step_no, 'view' AS step UNION ALL SELECT 2, 'cart' UNION ALL SELECT 3, 'purchase') AS s
LEFT JOIN Event AS e ON e.event = s.step AND e.event_time IS NOT NULL
GROUP BY s.step_no, s.step
ORDER BY s.step_no;
