-- 7: items where dpd > 90 and not disputed order by open desc limit 20 (id and EUR open amount)
SELECT o.invoice_id, o.eur FROM open_items o
WHERE o.dpd > 90 AND NOT EXISTS (
  SELECT 1 FROM disp WHERE disp.invoice_id = o.invoice_id AND disp.opened <= o.d
                       AND (disp.resolved IS NULL OR disp.resolved > o.d))
ORDER BY o.eur DESC, o.invoice_id LIMIT 20
