SELECT store, q1, q2, q3, q4, q1 + q2 + q3 + q4 AS total
FROM (
    SELECT store,
           SUM(CASE WHEN quarter = 'Q1' THEN amount ELSE 0 END) AS q1,
           SUM(CASE WHEN quarter = 'Q2' THEN amount ELSE 0 END) AS q2,
           SUM(CASE WHEN quarter = 'Q3' THEN amount ELSE 0 END) AS q3,
           SUM(CASE WHEN quarter = 'Q4' THEN amount ELSE 0 END) AS q4
    FROM Sales
    GROUP BY store
)
ORDER BY store;
