-- What the Filter selects, in the counts the explorer always shows.
-- Parameters: :filter (over item_facts f; used twice).
-- Columns: items, units, sites, cases, routes.
-- One scan: sites and (consignment, site) pairs are the groups of their own grouping sets, so
-- nothing is materialised and no DISTINCT sorts (both were slow on PGlite).
WITH grouped AS (
  SELECT grouping(f.site_id, f.consignment_id) AS g, f.site_id, f.consignment_id,
    count(*)::int AS items, sum(f.quantity)::float8 AS units
  FROM atlas.item_facts f
  WHERE :filter
  GROUP BY GROUPING SETS ((), (f.site_id), (f.consignment_id, f.site_id))
)
SELECT coalesce((SELECT items FROM grouped WHERE g = 3), 0) AS items,
  coalesce((SELECT units FROM grouped WHERE g = 3), 0) AS units,
  (SELECT count(*) FROM grouped WHERE g = 1)::int AS sites,
  -- case_ids holds every case (015): only those the viewer may see count.
  (SELECT count(*) FROM (SELECT DISTINCT unnest(f.case_ids) AS id FROM atlas.item_facts f WHERE :filter) AS c
   JOIN atlas.diversion_cases d ON d.id = c.id)::int AS cases,
  (SELECT count(*) FROM atlas.routes r
   JOIN grouped m ON m.g = 0 AND m.consignment_id = r.consignment_id AND m.site_id = r.site_id)::int AS routes
