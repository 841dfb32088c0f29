WITH days AS (
    SELECT DISTINCT user_id, login_date
    FROM Login
    WHERE login_date IS NOT NULL
),
islands AS (
    SELECT user_id, login_date,
           CAST(strftime('%d', login_date) AS INTEGER)
               - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY login_date) AS island
    FROM days
)
SELECT user_id,
       MIN(login_date) AS streak_start,
       MAX(login_date) AS streak_end,
       COUNT(*) AS streak_length
FROM islands
GROUP BY user_id, island
ORDER BY user_id, streak_start;
