-- The filter panel's counts of facet-counts.sql from the rollups (when
-- src/lib/server/rollup-sql.ts says they answer the Filter): country and category are
-- columns of atlas.site_rollup, the other facets are rows of atlas.dimension_rollup named by
-- their Filter key (an item counts once in each value it holds, as choosing it selects).
-- Parameters: :site_rollup (atlas.site_rollup, or atlas.site_total_rollup for a Filter without time: rollup-sql.ts),
--             :filter (Filter condition over a rollup f; used twice),
--             :facets (text[]: the facets to count), :country_facets (text[]: those labelled with country names).
-- Columns: facet, value, label (country name for country facets), count.
SELECT g.facet, g.value, c.name AS label, g.count
FROM (
  SELECT CASE WHEN grouping(f.country_iso3) = 0 THEN 'country' ELSE 'category' END AS facet,
    coalesce(f.country_iso3::text, f.category::text) AS value, sum(f.items)::int AS count
  FROM :site_rollup f
  WHERE :facets::text[] && ARRAY['country', 'category'] AND :filter
  GROUP BY GROUPING SETS ((f.country_iso3), (f.category))
  UNION ALL
  SELECT f.dimension, f.value, sum(f.items)::int
  FROM atlas.dimension_rollup f
  WHERE f.dimension = ANY(:facets::text[]) AND :filter
  GROUP BY f.dimension, f.value
) AS g
LEFT JOIN atlas.countries c ON g.facet = ANY(:country_facets::text[]) AND c.iso3 = g.value
WHERE g.facet = ANY(:facets::text[])
ORDER BY g.facet, g.count DESC, g.value
