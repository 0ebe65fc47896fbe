-- The response-factor table: for each response class, how many responses show each factor
-- (and how many prompted a secondary request), among responses to requests the Filter selects.
-- Parameters: :request_filter (Filter condition over trace_requests r).
-- Columns: factor, kind ('limiting' | 'supporting' | 'follow_up'), position, class, responses, with_factor.
WITH selected AS (
  SELECT p.id, p.class, p.prompted_secondary
  FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
  WHERE :request_filter
),
classes AS (SELECT unnest(enum_range(NULL::atlas.trace_response_class)) AS class)
SELECT f.code AS factor, f.kind::text AS kind, f.position, cl.class::text AS class,
  count(s.id)::int AS responses, count(x.response_id)::int AS with_factor
FROM atlas.trace_factors f CROSS JOIN classes cl
LEFT JOIN selected s ON s.class = cl.class
LEFT JOIN atlas.trace_response_factors x ON x.response_id = s.id AND x.factor_code = f.code
GROUP BY f.code, f.kind, f.position, cl.class
UNION ALL
SELECT 'prompted_secondary', 'follow_up', 99, cl.class::text, count(s.id)::int, count(*) FILTER (WHERE s.prompted_secondary)::int
FROM classes cl LEFT JOIN selected s ON s.class = cl.class
GROUP BY cl.class
ORDER BY 3, 4
