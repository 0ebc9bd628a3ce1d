-- 3: dso, dso(method: countback), bpdso, add by region at the snapshot date. Standard DSO, best
-- possible DSO and ADD over the 90 days to it: AR, current AR and overdue AR over net sales × 90.
-- Count-back DSO walks back calendar months (the month rows peers.py writes) taking each month's
-- sales off AR: it stops at the first month whose sales are not positive (adding nothing) or
-- exceed what is left (adding that fraction of the month); 24 months at most.
, {fx_spans},
issue_rates AS (  -- the rate of each issue day of the 24 months (EUR: exactly 1)
  SELECT n.currency, n.issue, CASE WHEN n.currency = 'EUR' THEN 1000000 ELSE s.rate END AS rate
  FROM (SELECT DISTINCT currency, issue FROM inv WHERE issue > {as_of-24m} AND issue <= {as_of}) AS n
  LEFT JOIN fx_spans s ON s.currency = n.currency AND s.valid_from <= n.issue AND (s.valid_to IS NULL OR n.issue < s.valid_to)),
scaled_sales AS (  -- credit notes negative
  SELECT i.customer_id, i.issue, CASE WHEN i.is_cn = 1 THEN -i.amt ELSE i.amt END * r.rate AS x
  FROM inv i JOIN issue_rates r ON r.currency = i.currency AND r.issue = i.issue),
sales AS (  -- net sales in EUR cents, rounded half away from zero per document
  SELECT c.region, s.issue, CASE WHEN x < 0 THEN -((5000000 - x) {idiv} 10000000) ELSE (x + 5000000) {idiv} 10000000 END AS eur
  FROM scaled_sales s LEFT JOIN cust c ON c.customer_id = s.customer_id),
daily AS (SELECT region, issue, SUM(eur) AS eur FROM sales GROUP BY region, issue),
balances AS (
  SELECT c.region, SUM(o.eur) AS ar, SUM(CASE WHEN o.dpd <= 0 THEN o.eur ELSE 0 END) AS cur
  FROM open_items o LEFT JOIN cust c ON c.customer_id = o.customer_id GROUP BY c.region),
months(m, lo, hi) AS (VALUES {countback}),
monthly AS (
  SELECT s.region, m.m, SUM(s.eur) AS s FROM daily s JOIN months m ON s.issue > m.lo AND s.issue <= m.hi
  GROUP BY s.region, m.m),
regions AS (SELECT region FROM balances UNION SELECT region FROM daily),
walk AS (  -- each month with its sales, the sales up to it, and AR
  SELECT g.region, m.m, m.hi - m.lo AS len, COALESCE(ms.s, 0) AS s, COALESCE(b.ar, 0) AS ar,
         SUM(COALESCE(ms.s, 0)) OVER (PARTITION BY g.region ORDER BY m.m) AS upto
  FROM regions g CROSS JOIN months m
  LEFT JOIN monthly ms ON ms.region IS NOT DISTINCT FROM g.region AND ms.m = m.m
  LEFT JOIN balances b ON b.region IS NOT DISTINCT FROM g.region),
stops AS (  -- the month where the walk stops (none: it covered 24 months)
  SELECT walk.*, MIN(CASE WHEN s <= 0 OR ar < upto THEN m END) OVER (PARTITION BY region) AS stop FROM walk),
countback AS (
  SELECT region, SUM(CASE WHEN m < COALESCE(stop, 25) THEN len ELSE 0 END)
                 + SUM(CASE WHEN m = stop AND s > 0 THEN CAST(ar - upto + s AS DOUBLE) * len / s ELSE 0 END) AS days
  FROM stops GROUP BY region),
recent AS (SELECT region, SUM(eur) AS s FROM daily WHERE issue > {as_of-90d} GROUP BY region)
SELECT g.region, CAST(b.ar AS DOUBLE) / NULLIF(r.s, 0) * 90, cb.days, CAST(b.cur AS DOUBLE) / NULLIF(r.s, 0) * 90,
       CAST(b.ar - b.cur AS DOUBLE) / NULLIF(r.s, 0) * 90
FROM regions g
LEFT JOIN balances b ON b.region IS NOT DISTINCT FROM g.region
LEFT JOIN recent r ON r.region IS NOT DISTINCT FROM g.region
LEFT JOIN countback cb ON cb.region IS NOT DISTINCT FROM g.region
ORDER BY g.region
