-- What the Filter selects, from the rollups (when src/lib/server/rollup-sql.ts says they
-- answer it): the same figures as summary.sql without reading item rows.
-- Parameters: :site_rollup (atlas.site_rollup, or atlas.site_total_rollup for a Filter without time: rollup-sql.ts),
--             :filter (Filter condition over a rollup f, whose columns carry the facts' names; used three times).
-- Columns: items, units, sites, cases, routes.
WITH per_site AS (
  SELECT f.site_id, sum(f.items) AS items, sum(f.units) AS units
  FROM :site_rollup f
  WHERE :filter
  GROUP BY f.site_id
)
SELECT coalesce((SELECT sum(items) FROM per_site), 0)::int AS items,
  coalesce((SELECT sum(units) FROM per_site), 0)::float8 AS units,
  (SELECT count(*) FROM per_site)::int AS sites,
  -- Cases the viewer may see with a matching key they may see, summed per signature
  -- (db/migrations/022_aggregate_paths.sql): no DISTINCT over every case.
  (SELECT coalesce(sum(s.cases), 0) FROM atlas.case_signature_rollup s
   WHERE EXISTS (SELECT 1 FROM atlas.case_signature_keys f WHERE f.signature = s.signature AND :filter))::int AS cases,
  -- A route shows when an item of its consignment matches at its recovery site.
  (SELECT count(*) FROM atlas.routes r
   WHERE EXISTS (SELECT 1 FROM atlas.consignment_site_rollup f
     WHERE f.consignment_id = r.consignment_id AND f.site_id = r.site_id AND :filter))::int AS routes
