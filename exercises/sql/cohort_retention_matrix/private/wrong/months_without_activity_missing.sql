WITH dated AS (
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
)
SELECT printf('%04d-%02d', c.cohort / 12, c.cohort % 12 + 1) AS cohort_month,
       d.month_index - c.cohort AS month_offset,
       COUNT(*) AS active_users,
       1.0 * COUNT(*) / s.cohort_size AS retention_rate
FROM cohorts AS c
JOIN dated AS d ON d.user_id = c.user_id
JOIN sizes AS s ON s.cohort = c.cohort
GROUP BY c.cohort, d.month_index
ORDER BY cohort_month, month_offset;
