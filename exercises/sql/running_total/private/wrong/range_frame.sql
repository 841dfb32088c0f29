SELECT user_id, paid_on, payment_id,
       SUM(COALESCE(amount, 0)) OVER (PARTITION BY user_id ORDER BY paid_on) AS running_total
FROM Payment
ORDER BY user_id, paid_on, payment_id;
