-- 9: disputed, open_disputes, dispute_days(period: 12 months) by dispute_reason at the snapshot date.
-- Disputed AR: per document with a positive open amount, its open disputes' amounts summed and
-- capped at the open amount (the whole open amount when one has no amount), at the date's rate,
-- under the reason of its first open dispute (by opened date, then file order). Open disputes
-- are counted one by one and resolution days averaged over disputes resolved in the 12 months,
-- each under its own reason.
, open_disputes AS (  -- open at the date, on documents issued by then
  SELECT x.invoice_id, x.opened, x.seq, x.amt, x.reason
  FROM disp x JOIN inv i ON i.invoice_id = x.invoice_id
  WHERE i.issue <= {as_of} AND x.opened <= {as_of} AND (x.resolved IS NULL OR x.resolved > {as_of})),
per_document AS (
  SELECT invoice_id, reason, whole, total FROM (
    SELECT invoice_id, reason,
           MAX(CASE WHEN amt IS NULL THEN 1 ELSE 0 END) OVER (PARTITION BY invoice_id) AS whole,
           SUM(amt) OVER (PARTITION BY invoice_id) AS total,
           ROW_NUMBER() OVER (PARTITION BY invoice_id ORDER BY opened, seq) AS rn
    FROM open_disputes) AS ranked
  WHERE rn = 1),
disputed_x AS (
  SELECT p.reason, CASE WHEN p.whole = 1 OR p.total >= o.open THEN o.open ELSE p.total END
                   * CASE WHEN o.currency = 'EUR' THEN 1000000 ELSE r.rate END AS x
  FROM open_items o JOIN per_document p ON p.invoice_id = o.invoice_id
  LEFT JOIN rates r ON r.d = o.d AND r.currency = o.currency
  WHERE o.open > 0),
parts AS (  -- disputed cents, open disputes, resolution days and disputes resolved
  SELECT reason, CASE WHEN x < 0 THEN -((5000000 - x) {idiv} 10000000) ELSE (x + 5000000) {idiv} 10000000 END AS eur,
         0 AS n_open, 0 AS days, 0 AS n_resolved
  FROM disputed_x
  UNION ALL
  SELECT reason, 0, 1, 0, 0 FROM open_disputes
  UNION ALL
  SELECT x.reason, 0, 0, x.resolved - x.opened, 1
  FROM disp x JOIN inv i ON i.invoice_id = x.invoice_id
  WHERE i.issue <= {as_of} AND x.resolved > {as_of-12m} AND x.resolved <= {as_of})
SELECT reason, SUM(eur), SUM(n_open), CAST(SUM(days) AS DOUBLE) / NULLIF(SUM(n_resolved), 0)
FROM parts GROUP BY reason ORDER BY reason
