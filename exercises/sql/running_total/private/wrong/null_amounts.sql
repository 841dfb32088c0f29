SELECT user_id, paid_on, payment_id,
       SUM(amount) OVER (
           PARTITION BY user_id
           ORDER BY paid_on, payment_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
       ) AS running_total
FROM Payment
ORDER BY user_id, paid_on, payment_id;
