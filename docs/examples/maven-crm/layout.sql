-- The Maven CRM export as SalesKpi tables, for `saleskpi report --engine duckdb` (README.md, "Inside DuckDB").
-- Views over the CSV files, read where they are: run from the repository root (the paths are relative to it), as
--   duckdb maven.duckdb < docs/examples/maven-crm/layout.sql
-- The same decisions as mapping.json: the manager is the team, engage_date is when an opportunity was created, a won
-- row is also a new-business deal, Prospecting rows (no engage_date) are left out, amounts are in USD. A date is the
-- first instant of its day in UTC, so the numbers are those of the memory engine with --zone UTC (the default).

CREATE OR REPLACE VIEW reps AS
SELECT sales_agent AS id, sales_agent AS name, manager AS team
FROM read_csv('../shared/datasets/maven-crm/sales_teams.csv', header = true, all_varchar = true);

CREATE OR REPLACE VIEW pipeline AS
SELECT * FROM read_csv('../shared/datasets/maven-crm/sales_pipeline.csv', header = true, all_varchar = true);

CREATE OR REPLACE VIEW opportunities AS
SELECT
    opportunity_id AS id,
    coalesce(account, '(no account)') AS account,
    sales_agent AS owner,
    CAST(engage_date AS DATE)::TIMESTAMP AT TIME ZONE 'UTC' AS created_at,
    CAST(close_date AS DATE)::TIMESTAMP AT TIME ZONE 'UTC' AS closed_at,
    CAST(coalesce(close_value, '0') AS DECIMAL(38, 10)) AS amount,
    'USD' AS currency,
    CASE deal_stage WHEN 'Engaging' THEN 'open' WHEN 'Won' THEN 'won' WHEN 'Lost' THEN 'lost' ELSE deal_stage END AS status
FROM pipeline
WHERE deal_stage <> 'Prospecting';

CREATE OR REPLACE VIEW deals AS
SELECT
    opportunity_id AS id,
    opportunity_id,
    account,
    sales_agent AS owner,
    CAST(close_date AS DATE)::TIMESTAMP AT TIME ZONE 'UTC' AS closed_at,
    CAST(close_value AS DECIMAL(38, 10)) AS amount,
    'USD' AS currency,
    'new-business' AS kind
FROM pipeline
WHERE deal_stage = 'Won';
