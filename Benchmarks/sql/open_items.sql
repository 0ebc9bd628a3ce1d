-- The open items of metrics.md at each day of `dates` (days since 1970), in EUR cents. Shared by
-- the balance queries; run.py puts it in front of each of them. {dates} is a VALUES list,
-- {idiv} the engine's integer division (DuckDB `//`, SQLite `/`).
WITH dates(d) AS (VALUES {dates}),
home AS (  -- the entity of a customer's unallocated cash: most documents, ties the smallest id
  SELECT customer_id, entity_id FROM (
    SELECT customer_id, entity_id,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY COUNT(*) DESC, entity_id) AS rn
    FROM inv GROUP BY customer_id, entity_id) AS ranked
  WHERE rn = 1),
paid AS (
  SELECT dates.d, p.invoice_id, SUM(p.amt) AS amt FROM pay p JOIN dates ON p.pday <= dates.d
  WHERE p.invoice_id IS NOT NULL GROUP BY dates.d, p.invoice_id),
written AS (
  SELECT dates.d, w.invoice_id, SUM(w.amt) AS amt FROM wo w JOIN dates ON w.wday <= dates.d
  GROUP BY dates.d, w.invoice_id),
docs AS (
  SELECT dates.d, i.invoice_id, i.entity_id, i.customer_id, i.currency, i.due,
         CASE WHEN i.is_cn = 1 THEN COALESCE(p.amt, 0) - i.amt
              ELSE i.amt - COALESCE(p.amt, 0) - COALESCE(w.amt, 0) END AS open
  FROM inv i JOIN dates ON i.issue <= dates.d
  LEFT JOIN paid p ON p.d = dates.d AND p.invoice_id = i.invoice_id
  LEFT JOIN written w ON w.d = dates.d AND w.invoice_id = i.invoice_id),
cash AS (
  SELECT dates.d, NULL AS invoice_id, COALESCE(p.entity_id, h.entity_id) AS entity_id, p.customer_id,
         p.currency, p.pday AS due, -p.amt AS open
  FROM pay p JOIN dates ON p.pday <= dates.d LEFT JOIN home h ON h.customer_id = p.customer_id
  WHERE p.invoice_id IS NULL),
items AS (SELECT * FROM docs WHERE open <> 0 UNION ALL SELECT * FROM cash),
rates AS (
  SELECT d, currency, rate FROM (
    SELECT dates.d, f.currency, f.rate,
           ROW_NUMBER() OVER (PARTITION BY dates.d, f.currency ORDER BY f.day DESC, f.seq DESC) AS rn
    FROM dates JOIN fx f ON f.day <= dates.d) AS latest
  WHERE rn = 1),
scaled AS (
  SELECT items.*, items.d - items.due AS dpd,
         items.open * CASE WHEN items.currency = 'EUR' THEN 1000000 ELSE r.rate END AS x
  FROM items LEFT JOIN rates r ON r.d = items.d AND r.currency = items.currency),
open_items AS (  -- thousandths x millionths to cents, rounded half away from zero
  SELECT scaled.*, CASE WHEN x < 0 THEN -((5000000 - x) {idiv} 10000000)
                        ELSE (x + 5000000) {idiv} 10000000 END AS eur
  FROM scaled)
