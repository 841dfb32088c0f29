SELECT store,
       COUNT(CASE WHEN quarter = 'Q1' THEN amount END) AS q1,
       COUNT(CASE WHEN quarter = 'Q2' THEN amount END) AS q2,
       COUNT(CASE WHEN quarter = 'Q3' THEN amount END) AS q3,
       COUNT(CASE WHEN quarter = 'Q4' THEN amount END) AS q4,
       COALESCE(SUM(amount), 0) AS total
FROM Sales
GROUP BY store
ORDER BY store;
