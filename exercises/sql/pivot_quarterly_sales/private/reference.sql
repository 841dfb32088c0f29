SELECT store,
       COALESCE(SUM(CASE WHEN quarter = 'Q1' THEN amount END), 0) AS q1,
       COALESCE(SUM(CASE WHEN quarter = 'Q2' THEN amount END), 0) AS q2,
       COALESCE(SUM(CASE WHEN quarter = 'Q3' THEN amount END), 0) AS q3,
       COALESCE(SUM(CASE WHEN quarter = 'Q4' THEN amount END), 0) AS q4,
       COALESCE(SUM(amount), 0) AS total
FROM Sales
GROUP BY store
ORDER BY store;
