-- The response-factor table: for each response class, how many responses show each factor
-- (and how many prompted a secondary request), among responses to requests the Filter selects.
-- Parameters: :request_ids (the selected requests: selected-requests.sql).
-- Columns: factor, kind ('limiting' | 'supporting' | 'follow_up'), position, class, responses, with_factor.
-- Counted first, then joined to the (small) factor × class grid: joining the grid to every
-- response row first made PGlite loop over factors × responses.
WITH selected AS MATERIALIZED (
  SELECT p.id, p.class, p.prompted_secondary
  FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
  WHERE r.id = ANY(:request_ids::int[])
),
per_class AS (
  SELECT class, count(*)::int AS responses, (count(*) FILTER (WHERE prompted_secondary))::int AS prompted
  FROM selected GROUP BY class
),
per_factor AS (
  SELECT s.class, x.factor_code, count(*)::int AS with_factor
  FROM selected s JOIN atlas.trace_response_factors x ON x.response_id = s.id
  GROUP BY s.class, x.factor_code
),
classes AS (SELECT unnest(enum_range(NULL::atlas.trace_response_class)) AS class)
SELECT f.code AS factor, f.kind::text AS kind, f.position, cl.class::text AS class,
  coalesce(pc.responses, 0) AS responses, coalesce(pf.with_factor, 0) AS with_factor
FROM atlas.trace_factors f CROSS JOIN classes cl
LEFT JOIN per_class pc ON pc.class = cl.class
LEFT JOIN per_factor pf ON pf.class = cl.class AND pf.factor_code = f.code
UNION ALL
SELECT 'prompted_secondary', 'follow_up', 99, cl.class::text, coalesce(pc.responses, 0), coalesce(pc.prompted, 0)
FROM classes cl LEFT JOIN per_class pc ON pc.class = cl.class
ORDER BY 3, 4
