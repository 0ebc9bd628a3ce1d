-- 11: ar by entity where entity = $entity (FR01)
SELECT entity_id, SUM(eur) FROM open_items WHERE entity_id = 'FR01' GROUP BY entity_id
