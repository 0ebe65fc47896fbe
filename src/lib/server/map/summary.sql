-- What the Filter selects, in the counts the explorer always shows.
-- Parameters: :filter (over item_facts f).
-- Columns: items, units, sites, cases, routes.
WITH matching AS (
  SELECT f.site_id, f.quantity, f.case_ids, f.consignment_id FROM atlas.item_facts f WHERE :filter
)
SELECT (SELECT count(*) FROM matching)::int AS items,
  (SELECT coalesce(sum(quantity), 0) FROM matching)::bigint::float8 AS units,
  (SELECT count(*) FROM (SELECT DISTINCT site_id FROM matching) AS s)::int AS sites,
  (SELECT count(*) FROM (SELECT DISTINCT c FROM matching, unnest(case_ids) AS c) AS d)::int AS cases,
  (SELECT count(*) FROM atlas.routes r
   WHERE EXISTS (SELECT 1 FROM matching m WHERE m.consignment_id = r.consignment_id AND m.site_id = r.site_id))::int AS routes
