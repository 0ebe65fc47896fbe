-- Layer `sites`, slot :counts from atlas.site_rollup (when rollup-sql.ts says it answers the
-- Filter): the same per site and category counts as site-counts.sql. The box is tested on the
-- site itself: a rollup row has no geometry, and a fact's geometry is its site's.
-- Parameters: :site_rollup (atlas.site_rollup, or atlas.site_total_rollup for a Filter without time: rollup-sql.ts),
--             :filter (Filter condition over a rollup f).
-- Columns: site_id, category (text), items, units.
SELECT f.site_id, f.category::text AS category, sum(f.items) AS items, sum(f.units) AS units
FROM atlas.sites s, bounds b, :site_rollup f
WHERE s.geom_3857 && b.search
  AND f.site_id = s.id
  AND :filter
GROUP BY f.site_id, f.category
