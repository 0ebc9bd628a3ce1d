-- 1: aging by customer_group (as of the snapshot's as-of)
SELECT c.customer_group,
       SUM(CASE WHEN dpd <= 0 THEN eur ELSE 0 END), SUM(CASE WHEN dpd BETWEEN 1 AND 30 THEN eur ELSE 0 END),
       SUM(CASE WHEN dpd BETWEEN 31 AND 60 THEN eur ELSE 0 END), SUM(CASE WHEN dpd BETWEEN 61 AND 90 THEN eur ELSE 0 END),
       SUM(CASE WHEN dpd BETWEEN 91 AND 120 THEN eur ELSE 0 END), SUM(CASE WHEN dpd > 120 THEN eur ELSE 0 END)
FROM open_items o LEFT JOIN cust c ON c.customer_id = o.customer_id
GROUP BY c.customer_group ORDER BY c.customer_group
