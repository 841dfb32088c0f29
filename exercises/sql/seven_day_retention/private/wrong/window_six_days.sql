WITH dated AS (
    SELECT DISTINCT user_id, activity_date
    FROM Activity
    WHERE activity_date IS NOT NULL
),
first_day AS (
    SELECT user_id, MIN(activity_date) AS cohort_date
    FROM dated
    GROUP BY user_id
),
retained AS (
    SELECT DISTINCT f.user_id
    FROM first_day AS f
    JOIN dated AS a ON a.user_id = f.user_id
    WHERE a.activity_date > f.cohort_date
      AND a.activity_date < date(f.cohort_date, '+7 days')
)
SELECT f.cohort_date,
       COUNT(*) AS cohort_size,
       1.0 * COUNT(r.user_id) / COUNT(*) AS retention_rate
FROM first_day AS f
LEFT JOIN retained AS r ON r.user_id = f.user_id
GROUP BY f.cohort_date;
