WITH islands AS (
    SELECT user_id, login_date,
           julianday(login_date) - DENSE_RANK() OVER (PARTITION BY user_id ORDER BY login_date) AS island
    FROM Login
)
SELECT user_id,
       MIN(login_date) AS streak_start,
       MAX(login_date) AS streak_end,
       COUNT(DISTINCT login_date) AS streak_length
FROM islands
GROUP BY user_id, island
ORDER BY user_id, streak_start;
