-- 8: days_to_pay, days_late by customer_group over last 12 months. Invoices (not credit notes)
-- cleared in the period: on the first day their allocations, summed day by day, reach the amount.
-- Weighted by the amount at the issue date's rate in EUR cents; exact sums, divided last.
WITH {fx_spans},
running AS (  -- each invoice's allocations to date, one row per payment day
  SELECT invoice_id, pday, SUM(SUM(amt)) OVER (PARTITION BY invoice_id ORDER BY pday) AS paid
  FROM pay WHERE invoice_id IS NOT NULL GROUP BY invoice_id, pday),
cleared AS (
  SELECT r.invoice_id, MIN(r.pday) AS cleared
  FROM running r JOIN inv i ON i.invoice_id = r.invoice_id
  WHERE i.is_cn = 0 AND r.paid >= i.amt GROUP BY r.invoice_id),
in_period AS (
  SELECT i.customer_id, i.issue, i.due, i.amt, i.currency, c.cleared
  FROM cleared c JOIN inv i ON i.invoice_id = c.invoice_id WHERE c.cleared > {as_of-12m} AND c.cleared <= {as_of}),
issue_rates AS (  -- the rate of each issue day a weight needs (EUR: exactly 1)
  SELECT n.currency, n.issue, CASE WHEN n.currency = 'EUR' THEN 1000000 ELSE s.rate END AS rate
  FROM (SELECT DISTINCT currency, issue FROM in_period) AS n
  LEFT JOIN fx_spans s ON s.currency = n.currency AND s.valid_from <= n.issue AND (s.valid_to IS NULL OR n.issue < s.valid_to)),
scaled AS (
  SELECT c.*, c.amt * r.rate AS x
  FROM in_period c JOIN issue_rates r ON r.currency = c.currency AND r.issue = c.issue),
weighted AS (  -- thousandths x millionths to cents, rounded half away from zero
  SELECT s.customer_id, s.cleared - s.issue AS to_pay, CASE WHEN s.cleared > s.due THEN s.cleared - s.due ELSE 0 END AS late,
         CASE WHEN x < 0 THEN -((5000000 - x) {idiv} 10000000) ELSE (x + 5000000) {idiv} 10000000 END AS w
  FROM scaled s)
SELECT c.customer_group, CAST(SUM(w * to_pay) AS DOUBLE) / NULLIF(SUM(w), 0),
       CAST(SUM(w * late) AS DOUBLE) / NULLIF(SUM(w), 0)
FROM weighted LEFT JOIN cust c ON c.customer_id = weighted.customer_id
GROUP BY c.customer_group ORDER BY c.customer_group
