-- 5: overdue_rate by entity monthly from 2025-10-31 to 2026-09-30 (and the 24-month series)
SELECT d, entity_id, CAST(SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END) AS DOUBLE) / SUM(eur)
FROM open_items GROUP BY d, entity_id ORDER BY d, entity_id
