-- DuckDB: the interchange CSV files into typed tables. Amounts in thousandths of the currency unit
-- (exact integers: every currency has at most 3 minor digits), rates in millionths (the files
-- have at most 6 decimals), dates as days since 1970-01-01. {dir} is the CSV folder.
CREATE TABLE cust AS SELECT customer_id, customer_group, segment, region
  FROM read_csv('{dir}/customers.csv', all_varchar = true, header = true);
CREATE TABLE inv AS SELECT invoice_id, entity_id, customer_id,
    CASE WHEN type = 'credit_note' THEN 1 ELSE 0 END AS is_cn,
    CAST(issue_date AS DATE) - DATE '1970-01-01' AS issue,
    CAST(COALESCE(due_date, issue_date) AS DATE) - DATE '1970-01-01' AS due,
    CAST(CAST(amount AS DECIMAL(18, 3)) * 1000 AS BIGINT) AS amt, currency
  FROM read_csv('{dir}/invoices.csv', all_varchar = true, header = true);
CREATE TABLE pay AS SELECT customer_id, invoice_id, entity_id,
    CAST(payment_date AS DATE) - DATE '1970-01-01' AS pday,
    CAST(CAST(amount AS DECIMAL(18, 3)) * 1000 AS BIGINT) AS amt, currency
  FROM read_csv('{dir}/payments.csv', all_varchar = true, header = true);
CREATE TABLE wo AS SELECT invoice_id, CAST(write_off_date AS DATE) - DATE '1970-01-01' AS wday,
    CAST(CAST(amount AS DECIMAL(18, 3)) * 1000 AS BIGINT) AS amt
  FROM read_csv('{dir}/write_offs.csv', all_varchar = true, header = true);
CREATE TABLE disp AS SELECT invoice_id, CAST(opened_date AS DATE) - DATE '1970-01-01' AS opened,
    CAST(resolved_date AS DATE) - DATE '1970-01-01' AS resolved,
    CAST(CAST(amount AS DECIMAL(18, 3)) * 1000 AS BIGINT) AS amt, reason, ROW_NUMBER() OVER () AS seq
  FROM read_csv('{dir}/disputes.csv', all_varchar = true, header = true);
CREATE TABLE fx AS SELECT CAST(date AS DATE) - DATE '1970-01-01' AS day, currency,
    CAST(CAST(rate AS DECIMAL(18, 6)) * 1000000 AS BIGINT) AS rate, ROW_NUMBER() OVER () AS seq
  FROM read_csv('{dir}/fx_rates.csv', all_varchar = true, header = true);
-- Loaded too because ARLens' import reads them (promises for promise_kept_rate, dunning for the REPL).
CREATE TABLE promises AS SELECT promise_id, customer_id, invoice_id,
    CAST(made_date AS DATE) - DATE '1970-01-01' AS made, CAST(promised_date AS DATE) - DATE '1970-01-01' AS promised,
    CAST(CAST(amount AS DECIMAL(18, 3)) * 1000 AS BIGINT) AS amt, currency
  FROM read_csv('{dir}/promises.csv', all_varchar = true, header = true);
CREATE TABLE dunning AS SELECT action_id, customer_id, invoice_id,
    CAST(action_date AS DATE) - DATE '1970-01-01' AS day, CAST(level AS INTEGER) AS level, channel
  FROM read_csv('{dir}/dunning.csv', all_varchar = true, header = true);
CREATE TABLE entities AS SELECT * FROM read_csv('{dir}/entities.csv', all_varchar = true, header = true);
