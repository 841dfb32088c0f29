SELECT user_id, paid_on, payment_id,
       SUM(COALESCE(amount, 0)) OVER (ORDER BY paid_on, payment_id) AS running_total
FROM Payment
ORDER BY user_id, paid_on, payment_id;
