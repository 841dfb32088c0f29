SELECT store,
       CASE WHEN quarter = 'Q1' THEN COALESCE(SUM(amount), 0) ELSE 0 END AS q1,
       CASE WHEN quarter = 'Q2' THEN COALESCE(SUM(amount), 0) ELSE 0 END AS q2,
       CASE WHEN quarter = 'Q3' THEN COALESCE(SUM(amount), 0) ELSE 0 END AS q3,
       CASE WHEN quarter = 'Q4' THEN COALESCE(SUM(amount), 0) ELSE 0 END AS q4,
       COALESCE(SUM(amount), 0) AS total
FROM Sales
GROUP BY store, quarter
ORDER BY store, quarter;
