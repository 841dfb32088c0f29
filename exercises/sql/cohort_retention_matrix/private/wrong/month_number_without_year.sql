WITH RECURSIVE dated AS (
    SELECT DISTINCT user_id,
           CAST(strftime('%Y', activity_date) AS INTEGER) * 12 + CAST(strftime('%m', activity_date) AS INTEGER) - 1
               AS month_index
    FROM Activity
    WHERE activity_date IS NOT NULL
),
cohorts AS (
    SELECT user_id, MIN(month_index) AS cohort
    FROM dated
    GROUP BY user_id
),
sizes AS (
    SELECT cohort, COUNT(*) AS cohort_size
    FROM cohorts
    GROUP BY cohort
),
grid(cohort, month_offset) AS (
    SELECT cohort, 0 FROM sizes
    UNION ALL
    SELECT cohort, month_offset + 1 FROM grid
    WHERE cohort + month_offset < (SELECT MAX(month_index) FROM dated)
),
active AS (
    SELECT c.cohort, d.month_index % 12 - c.cohort % 12 AS month_offset, COUNT(*) AS active_users
    FROM cohorts AS c
    JOIN dated AS d ON d.user_id = c.user_id
    GROUP BY c.cohort, d.month_index
)
SELECT printf('%04d-%02d', g.cohort / 12, g.cohort % 12 + 1) AS cohort_month,
       g.month_offset,
       COALESCE(a.active_users, 0) AS active_users,
       1.0 * COALESCE(a.active_users, 0) / s.cohort_size AS retention_rate
FROM grid AS g
JOIN sizes AS s ON s.cohort = g.cohort
LEFT JOIN active AS a ON a.cohort = g.cohort AND a.month_offset = g.month_offset
ORDER BY cohort_month, g.month_offset;
