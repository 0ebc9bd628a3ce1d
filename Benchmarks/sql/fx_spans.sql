-- Each rate row with the days it is valid: from its date until the next row of its currency. Of
-- two rows for one date the later in the file wins: the earlier one's span is empty. Flows are
-- converted at their own date's rate through it; peers.py puts it where a query names it in braces.
fx_spans AS (
  SELECT currency, day AS valid_from, rate,
         LEAD(day) OVER (PARTITION BY currency ORDER BY day, seq) AS valid_to
  FROM fx)
