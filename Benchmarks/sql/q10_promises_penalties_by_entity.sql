-- 10: promise_kept_rate(period: 6 months), penalties by entity in EUR at the snapshot date d.
-- Promises with promised date in (d - 6 months, d] (grace 0, so none pending): kept when the
-- payment rows dated from the made date to the promised date reach the amount in the promise's
-- currency (its own, else the customer's most frequent document currency, ties the smallest
-- code) — the rows of the named invoice, or with none every row of the customer except those
-- allocated to credit notes (its entity then unknown); rows in another currency converted at
-- their date's cross rate, rounded half away from zero to the promise currency's minor unit.
-- Penalties (EU rules): each invoice with a positive open amount and dpd > 0, on its EUR open
-- amount, 10.15 % (2.15 + 8) × dpd / 365 rounded half away from zero, plus 40 EUR.
, {fx_spans},
customer_currencies AS (  -- rn 1: the customer's most frequent document currency
  SELECT customer_id, currency, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY COUNT(*) DESC, currency) AS rn
  FROM inv GROUP BY customer_id, currency),
due_promises AS (
  SELECT p.promise_id, p.customer_id, p.invoice_id, p.made, p.promised, p.amt, i.entity_id,
         COALESCE(p.currency, cc.currency, 'EUR') AS currency
  FROM promises p LEFT JOIN customer_currencies cc ON cc.customer_id = p.customer_id AND cc.rn = 1
  LEFT JOIN inv i ON i.invoice_id = p.invoice_id
  WHERE p.promised > {as_of-6m} AND p.promised <= {as_of}),
window_rows AS (  -- the payment rows of each promise's window; unit: the promise currency's minor unit
  SELECT dp.promise_id, dp.currency AS target, y.currency, y.pday, y.amt
  FROM due_promises dp JOIN pay y ON y.invoice_id = dp.invoice_id
  WHERE dp.invoice_id IS NOT NULL AND y.pday >= dp.made AND y.pday <= dp.promised
  UNION ALL
  SELECT dp.promise_id, dp.currency, y.currency, y.pday, y.amt
  FROM due_promises dp JOIN pay y ON y.customer_id = dp.customer_id LEFT JOIN inv i ON i.invoice_id = y.invoice_id
  WHERE dp.invoice_id IS NULL AND y.pday >= dp.made AND y.pday <= dp.promised AND COALESCE(i.is_cn, 0) = 0),
cross_days AS (SELECT currency, pday FROM window_rows WHERE currency <> target
               UNION SELECT target, pday FROM window_rows WHERE currency <> target),
day_rates AS (  -- EUR: exactly 1
  SELECT n.currency, n.pday, CASE WHEN n.currency = 'EUR' THEN 1000000 ELSE s.rate END AS rate
  FROM cross_days n
  LEFT JOIN fx_spans s ON s.currency = n.currency AND s.valid_from <= n.pday AND (s.valid_to IS NULL OR n.pday < s.valid_to)),
crossed AS (  -- thousandths x source rate x target unit / (1000 x target rate): target minor units, rounded
              -- half away from zero by adding half the denominator (den = 1000 x rate is even)
  SELECT w.promise_id, w.amt * rs.rate * t.unit AS n, 1000 * rt.rate AS den, t.unit
  FROM window_rows w
  JOIN day_rates rs ON rs.currency = w.currency AND rs.pday = w.pday
  JOIN day_rates rt ON rt.currency = w.target AND rt.pday = w.pday
  JOIN (SELECT DISTINCT target, CASE WHEN target IN ('JPY', 'KRW', 'CLP', 'ISK', 'VND') THEN 1
                                     WHEN target IN ('BHD', 'JOD', 'KWD', 'OMR', 'TND') THEN 1000 ELSE 100 END AS unit
        FROM window_rows) AS t ON t.target = w.target
  WHERE w.currency <> w.target),
promise_paid AS (  -- in thousandths of the promise currency
  SELECT promise_id, amt FROM window_rows WHERE currency = target
  UNION ALL
  SELECT promise_id, CASE WHEN n < 0 THEN -((den {idiv} 2 - n) {idiv} den) ELSE (n + den {idiv} 2) {idiv} den END * (1000 {idiv} unit)
  FROM crossed),
kept AS (
  SELECT dp.entity_id, CASE WHEN COALESCE(SUM(pd.amt), 0) >= dp.amt THEN 1 ELSE 0 END AS kept
  FROM due_promises dp LEFT JOIN promise_paid pd ON pd.promise_id = dp.promise_id
  GROUP BY dp.promise_id, dp.entity_id, dp.amt),
parts AS (
  SELECT entity_id, kept, 1 AS counted, 0 AS penalty FROM kept
  UNION ALL
  SELECT o.entity_id, 0, 0, (o.eur * 1015 * o.dpd + 1825000) {idiv} 3650000 + 4000
  FROM open_items o JOIN inv i ON i.invoice_id = o.invoice_id
  WHERE i.is_cn = 0 AND o.open > 0 AND o.dpd > 0)
SELECT entity_id, CAST(SUM(kept) AS DOUBLE) / NULLIF(SUM(counted), 0), SUM(penalty)
FROM parts GROUP BY entity_id ORDER BY entity_id
