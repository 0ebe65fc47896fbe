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
  -- case_ids holds every case (015): only those the viewer may see count.
  (SELECT count(*) FROM (SELECT DISTINCT f.case_id FROM atlas.case_rollup f WHERE :filter) AS c
   JOIN atlas.diversion_cases d ON d.id = c.case_id)::int AS cases,
  -- A route shows when an item of its consignment matches at its recovery site.
  (SELECT count(*) FROM atlas.routes r
   WHERE EXISTS (SELECT 1 FROM atlas.consignment_site_rollup f
     WHERE f.consignment_id = r.consignment_id AND f.site_id = r.site_id AND :filter))::int AS routes
