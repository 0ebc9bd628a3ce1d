-- SQLite: the raw text tables (raw_*, filled from the CSV files by run.py) into typed tables, with
-- the same units as load_duckdb.sql, and the indexes an analyst would add for the joins.
CREATE TABLE cust AS SELECT customer_id, NULLIF(customer_group, '') AS customer_group,
    NULLIF(segment, '') AS segment, NULLIF(region, '') AS region FROM raw_customers;
CREATE TABLE inv AS SELECT invoice_id, entity_id, customer_id,
    CASE WHEN type = 'credit_note' THEN 1 ELSE 0 END AS is_cn,
    CAST(julianday(issue_date) - 2440587.5 AS INTEGER) AS issue,
    CAST(julianday(COALESCE(NULLIF(due_date, ''), issue_date)) - 2440587.5 AS INTEGER) AS due,
    CAST(round(CAST(amount AS REAL) * 1000) AS INTEGER) AS amt, currency FROM raw_invoices;
CREATE TABLE pay AS SELECT customer_id, NULLIF(invoice_id, '') AS invoice_id, NULLIF(entity_id, '') AS entity_id,
    CAST(julianday(payment_date) - 2440587.5 AS INTEGER) AS pday,
    CAST(round(CAST(amount AS REAL) * 1000) AS INTEGER) AS amt, currency FROM raw_payments;
CREATE TABLE wo AS SELECT invoice_id, CAST(julianday(write_off_date) - 2440587.5 AS INTEGER) AS wday,
    CAST(round(CAST(amount AS REAL) * 1000) AS INTEGER) AS amt FROM raw_write_offs;
CREATE TABLE disp AS SELECT invoice_id, CAST(julianday(opened_date) - 2440587.5 AS INTEGER) AS opened,
    CAST(julianday(NULLIF(resolved_date, '')) - 2440587.5 AS INTEGER) AS resolved,
    CAST(round(CAST(NULLIF(amount, '') AS REAL) * 1000) AS INTEGER) AS amt, NULLIF(reason, '') AS reason,
    rowid AS seq FROM raw_disputes;
CREATE TABLE fx AS SELECT CAST(julianday(date) - 2440587.5 AS INTEGER) AS day, currency,
    CAST(round(CAST(rate AS REAL) * 1000000) AS INTEGER) AS rate, rowid AS seq FROM raw_fx_rates;
-- Loaded too because ARLens' import reads them (promises for promise_kept_rate, dunning for the REPL).
CREATE TABLE promises AS SELECT promise_id, customer_id, NULLIF(invoice_id, '') AS invoice_id,
    CAST(julianday(made_date) - 2440587.5 AS INTEGER) AS made,
    CAST(julianday(promised_date) - 2440587.5 AS INTEGER) AS promised,
    CAST(round(CAST(amount AS REAL) * 1000) AS INTEGER) AS amt, NULLIF(currency, '') AS currency FROM raw_promises;
CREATE TABLE dunning AS SELECT action_id, customer_id, NULLIF(invoice_id, '') AS invoice_id,
    CAST(julianday(action_date) - 2440587.5 AS INTEGER) AS day, CAST(level AS INTEGER) AS level,
    NULLIF(channel, '') AS channel FROM raw_dunning;
CREATE TABLE entities AS SELECT * FROM raw_entities;
CREATE INDEX inv_id ON inv(invoice_id);
CREATE INDEX pay_invoice ON pay(invoice_id);
CREATE INDEX pay_customer ON pay(customer_id);
CREATE INDEX wo_invoice ON wo(invoice_id);
CREATE INDEX disp_invoice ON disp(invoice_id);
CREATE INDEX cust_id ON cust(customer_id);
DROP TABLE raw_customers; DROP TABLE raw_invoices; DROP TABLE raw_payments;
DROP TABLE raw_write_offs; DROP TABLE raw_disputes; DROP TABLE raw_fx_rates;
DROP TABLE raw_promises; DROP TABLE raw_dunning; DROP TABLE raw_entities;
