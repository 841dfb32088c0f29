WITH clicks AS (
    SELECT campaign_id, COUNT(*) AS clicks
    FROM Event
    WHERE action = 'click'
    GROUP BY campaign_id
),
impressions AS (
    SELECT campaign_id, COUNT(*) AS impressions
    FROM Event
    WHERE action = 'impression'
    GROUP BY campaign_id
)
SELECT c.campaign_id,
       CASE WHEN COALESCE(i.impressions, 0) = 0 THEN 0.0
            ELSE ROUND(1.0 * k.clicks / i.impressions, 2) END AS ctr
FROM Campaign AS c
JOIN clicks AS k ON k.campaign_id = c.campaign_id
LEFT JOIN impressions AS i ON i.campaign_id = c.campaign_id;
