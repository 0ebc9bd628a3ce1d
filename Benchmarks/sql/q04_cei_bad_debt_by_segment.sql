-- 4: cei(period: 3 months), bad_debt_rate(period: 12 months) by segment at the snapshot date d.
-- CEI over (a, d], a = d - 3 months, N = 3, multiplied through by N to stay in integers:
-- (3 AR(a) + S - 3 AR(d)) / (3 AR(a) + S - 3 Current(d)) × 100, AR(a) at a's items and rates.
-- Bad-debt rate: write-offs dated in (d - 12 months, d] (at their date's rate) over net sales then.
, {fx_spans},
flows AS (  -- sales (credit notes negative) and write-offs of the 12 months, with the day of their rate
  SELECT i.customer_id, i.currency, i.issue AS day, CASE WHEN i.is_cn = 1 THEN -i.amt ELSE i.amt END AS amt, 0 AS is_wo
  FROM inv i WHERE i.issue > {as_of-12m} AND i.issue <= {as_of}
  UNION ALL
  SELECT i.customer_id, i.currency, w.wday, w.amt, 1
  FROM wo w JOIN inv i ON i.invoice_id = w.invoice_id WHERE w.wday > {as_of-12m} AND w.wday <= {as_of}),
day_rates AS (  -- the rate of each day a flow needs (EUR: exactly 1)
  SELECT n.currency, n.day, CASE WHEN n.currency = 'EUR' THEN 1000000 ELSE s.rate END AS rate
  FROM (SELECT DISTINCT currency, day FROM flows) AS n
  LEFT JOIN fx_spans s ON s.currency = n.currency AND s.valid_from <= n.day AND (s.valid_to IS NULL OR n.day < s.valid_to)),
flow_x AS (
  SELECT f.customer_id, f.day, f.is_wo, f.amt * r.rate AS x
  FROM flows f JOIN day_rates r ON r.currency = f.currency AND r.day = f.day),
flow_eur AS (  -- thousandths x millionths to cents, rounded half away from zero
  SELECT customer_id, day, is_wo, CASE WHEN x < 0 THEN -((5000000 - x) {idiv} 10000000) ELSE (x + 5000000) {idiv} 10000000 END AS eur
  FROM flow_x),
parts AS (  -- ar_a, ar_d, current_d, sales of 3 and of 12 months, write-offs
  SELECT customer_id, CASE WHEN d = {as_of-3m} THEN eur ELSE 0 END AS ar_a, CASE WHEN d = {as_of} THEN eur ELSE 0 END AS ar_d,
         CASE WHEN d = {as_of} AND dpd <= 0 THEN eur ELSE 0 END AS cur_d, 0 AS s3, 0 AS s12, 0 AS wo
  FROM open_items
  UNION ALL
  SELECT customer_id, 0, 0, 0, CASE WHEN is_wo = 0 AND day > {as_of-3m} THEN eur ELSE 0 END,
         CASE WHEN is_wo = 0 THEN eur ELSE 0 END, CASE WHEN is_wo = 1 THEN eur ELSE 0 END
  FROM flow_eur),
sums AS (
  SELECT c.segment, 3 * SUM(ar_a) + SUM(s3) AS base, SUM(ar_d) AS ar_d, SUM(cur_d) AS cur_d, SUM(s12) AS s12, SUM(wo) AS wo
  FROM parts p LEFT JOIN cust c ON c.customer_id = p.customer_id GROUP BY c.segment)
SELECT segment, CAST(base - 3 * ar_d AS DOUBLE) / NULLIF(base - 3 * cur_d, 0) * 100, CAST(wo AS DOUBLE) / NULLIF(s12, 0)
FROM sums ORDER BY segment
