-- Trace requests selected by the Filter (issue date in the time range, about items matching
-- the rest) and their responses, grouped for the trace charts.
-- Parameters: :request_ids (the selected requests: selected-requests.sql).
-- Columns: dimension ('total' | 'year' | 'year_recipient_kind' | 'recipient_kind' | 'region' | 'class'),
--          year, recipient ('state' | 'company'), kind ('primary' | 'secondary'), region, class,
--          requests, responses.
WITH selected AS (
  SELECT r.id, r.kind::text AS kind, extract(year FROM r.issued_on)::int AS year,
    CASE WHEN q.kind = 'state' THEN 'state' ELSE 'company' END AS recipient,
    CASE WHEN q.kind = 'state' THEN c.digest_region END AS region,
    p.class::text AS class, p.id AS response_id
  FROM atlas.trace_requests r
  JOIN atlas.parties q ON q.id = r.recipient_id
  LEFT JOIN atlas.countries c ON c.iso3 = q.country_iso3
  LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  WHERE r.id = ANY(:request_ids::int[])
)
-- Each grouping set is named by the columns it groups by (grouping(col) = 0 is "grouped by
-- col"), most specific first, not by a bitmask of all five: a new set adds one WHEN and
-- renames none of the others.
SELECT CASE WHEN grouping(class) = 0 THEN 'class' WHEN grouping(region) = 0 THEN 'region'
         WHEN grouping(year) = 0 AND grouping(kind) = 0 THEN 'year_recipient_kind'
         WHEN grouping(year) = 0 THEN 'year' WHEN grouping(kind) = 0 THEN 'recipient_kind'
         ELSE 'total' END AS dimension,
  year, recipient, kind, region, class, count(*)::int AS requests, count(response_id)::int AS responses
FROM selected
GROUP BY GROUPING SETS ((), (year), (year, recipient, kind), (recipient, kind), (recipient, region), (class))
-- Regions are those of governments: the (recipient, region) set keeps its state rows only.
HAVING grouping(region) = 1 OR recipient = 'state'
ORDER BY 1, year, recipient, kind, region, class
