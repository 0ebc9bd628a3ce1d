-- series baseline: overdue_rate by entity as of one day
SELECT d, entity_id, CAST(SUM(CASE WHEN dpd > 0 THEN eur ELSE 0 END) AS DOUBLE) / SUM(eur)
FROM open_items GROUP BY d, entity_id ORDER BY d, entity_id
