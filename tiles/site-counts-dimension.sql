-- Layer `sites`, slot :counts from atlas.site_dimension_rollup (db/migrations/028, or its
-- yearless atlas.site_dimension_total_rollup of 032 for a Filter without time), when
-- rollup-sql.ts's dimensionChoice says it answers the Filter: the same per site and
-- category counts as site-counts.sql for a Filter on one item dimension (type, country of
-- manufacture, marking or one response class) and the 018 rollup keys.
-- Parameters: :dimension (the rollup's dimension name), :values (text[], the Filter's values
--             of that key), :filter (the rest of the Filter, over a rollup f),
--             :site_dimension_rollup (which of the two tables: rollup-sql.ts).
-- Columns: site_id, category (text), items, units.
SELECT f.site_id, f.category::text AS category, sum(f.items) AS items, sum(f.units) AS units
FROM atlas.sites s, bounds b, :site_dimension_rollup f
WHERE s.geom_3857 && b.search
  AND f.site_id = s.id
  AND f.dimension = :dimension
  AND f.value = ANY(:values::text[])
  AND :filter
GROUP BY f.site_id, f.category
