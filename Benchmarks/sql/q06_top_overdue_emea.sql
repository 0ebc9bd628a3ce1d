-- 6: aging(buckets: [30, 60, 90]) by customer where region = "EMEA" having overdue > 10000
--    order by overdue desc limit 10
SELECT o.customer_id,
       SUM(CASE WHEN dpd <= 0 THEN eur ELSE 0 END), SUM(CASE WHEN dpd BETWEEN 1 AND 30 THEN eur ELSE 0 END),
       SUM(CASE WHEN dpd BETWEEN 31 AND 60 THEN eur ELSE 0 END), SUM(CASE WHEN dpd BETWEEN 61 AND 90 THEN eur ELSE 0 END),
       SUM(CASE WHEN dpd > 90 THEN eur ELSE 0 END)
FROM open_items o JOIN cust c ON c.customer_id = o.customer_id
WHERE c.region = 'EMEA'
GROUP BY o.customer_id
HAVING SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END) > 1000000
ORDER BY SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END) DESC, o.customer_id LIMIT 10
