WITH counts AS (
    SELECT c.campaign_id,
           SUM(CASE WHEN e.action = 'click' THEN 1 ELSE 0 END) AS clicks,
           SUM(CASE WHEN e.action = 'impression' THEN 1 ELSE 0 END) AS impressions
    FROM Campaign AS c
    LEFT JOIN Event AS e ON e.campaign_id = c.campaign_id
    GROUP BY c.campaign_id
)
SELECT campaign_id,
       CASE WHEN impressions = 0 THEN 0.0 ELSE 1.0 * clicks / impressions END AS ctr
FROM counts;
