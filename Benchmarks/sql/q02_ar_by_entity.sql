-- 2: ar, current, overdue, overdue_rate by entity as of 2026-09-30 (rate compared to 6 decimals)
SELECT entity_id, SUM(eur), SUM(CASE WHEN dpd <= 0 THEN eur ELSE 0 END), SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END),
       CAST(SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END) AS DOUBLE) / SUM(eur)
FROM open_items GROUP BY entity_id ORDER BY entity_id
