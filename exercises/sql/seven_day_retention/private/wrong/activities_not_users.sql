WITH first_day AS (
    SELECT user_id, MIN(activity_date) AS cohort_date
    FROM Activity
    WHERE activity_date IS NOT NULL
    GROUP BY user_id
)
SELECT f.cohort_date,
       COUNT(DISTINCT f.user_id) AS cohort_size,
       1.0 * COUNT(a.user_id) / COUNT(DISTINCT f.user_id) AS retention_rate
FROM first_day AS f
LEFT JOIN Activity AS a
    ON a.user_id = f.user_id
   AND julianday(a.activity_date) - julianday(f.cohort_date) BETWEEN 1 AND 7
GROUP BY f.cohort_date;
