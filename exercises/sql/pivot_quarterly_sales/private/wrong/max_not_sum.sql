SELECT store,
       MAX(CASE WHEN quarter = 'Q1' THEN COALESCE(amount, 0) ELSE 0 END) AS q1,
       MAX(CASE WHEN quarter = 'Q2' THEN COALESCE(amount, 0) ELSE 0 END) AS q2,
       MAX(CASE WHEN quarter = 'Q3' THEN COALESCE(amount, 0) ELSE 0 END) AS q3,
       MAX(CASE WHEN quarter = 'Q4' THEN COALESCE(amount, 0) ELSE 0 END) AS q4,
       COALESCE(SUM(amount), 0) AS total
FROM Sales
GROUP BY store
ORDER BY store;
