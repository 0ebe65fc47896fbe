-- What the Filter selects, from the dimension rollups (db/migrations/028 and 031, when
-- src/lib/server/rollup-sql.ts's dimensionChoice says they answer it): the same figures as
-- summary.sql for a Filter on one item dimension and the 018 rollup keys.
-- Parameters: :dimension (the rollups' dimension name), :values (text[], the Filter's values of
--             that key), :filter (the rest of the Filter, over a rollup f; used three times),
--             :site_dimension_rollup (atlas.site_dimension_rollup, or the yearless
--             atlas.site_dimension_total_rollup for a Filter without time: rollup-sql.ts).
-- Columns: items, units, sites, cases, routes.
WITH per_site AS (
  SELECT f.site_id, sum(f.items) AS items, sum(f.units) AS units
  FROM :site_dimension_rollup f
  WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter
  GROUP BY f.site_id
)
SELECT coalesce((SELECT sum(items) FROM per_site), 0)::int AS items,
  coalesce((SELECT sum(units) FROM per_site), 0)::float8 AS units,
  (SELECT count(*) FROM per_site)::int AS sites,
  -- The rows carry the case's own visibility: no join with the cases.
  (SELECT count(*) FROM (SELECT DISTINCT f.case_id FROM atlas.case_dimension_rollup f
   WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter) AS c)::int AS cases,
  -- A route shows when an item of its consignment matches at its recovery site.
  (SELECT count(*) FROM atlas.routes r
   WHERE EXISTS (SELECT 1 FROM atlas.consignment_site_dimension_rollup f
     WHERE f.dimension = :dimension AND f.value = ANY(:values::text[])
       AND f.consignment_id = r.consignment_id AND f.site_id = r.site_id AND :filter))::int AS routes
