-- The filter panel's counts of facet-counts.sql from atlas.dimension_pair_rollup
-- (db/migrations/031, when src/lib/server/rollup-sql.ts's dimensionChoice says it answers the
-- Filter): for a Filter on one item dimension, its rows of the filtered (by_dimension,
-- by_value) give every other facet's values, and those whose dimension is the filtered one
-- give the countries and categories. The filtered key's own facet is counted without it
-- (explorer-counts.ts), so never here.
-- Parameters: :dimension (the rollup's dimension name), :values (text[], the Filter's values of that key),
--             :filter (the rest of the Filter, over a rollup f; used twice),
--             :facets (text[]: the facets to count), :country_facets (text[]: those labelled with country names).
-- Columns: facet, value, label (country name for country facets), count.
SELECT g.facet, g.value, c.name AS label, g.count
FROM (
  SELECT CASE WHEN grouping(f.country_iso3) = 0 THEN 'country' ELSE 'category' END AS facet,
    coalesce(f.country_iso3::text, f.category::text) AS value, sum(f.items)::int AS count
  FROM atlas.dimension_pair_rollup f
  WHERE :facets::text[] && ARRAY['country', 'category']
    AND f.by_dimension = :dimension AND f.by_value = ANY(:values::text[]) AND f.dimension = :dimension AND :filter
  GROUP BY GROUPING SETS ((f.country_iso3), (f.category))
  UNION ALL
  SELECT f.dimension, f.value, sum(f.items)::int
  FROM atlas.dimension_pair_rollup f
  WHERE f.by_dimension = :dimension AND f.by_value = ANY(:values::text[]) AND f.dimension = ANY(:facets::text[])
    AND f.dimension <> :dimension AND :filter
  GROUP BY f.dimension, f.value
) AS g
LEFT JOIN atlas.countries c ON g.facet = ANY(:country_facets::text[]) AND c.iso3 = g.value
WHERE g.facet = ANY(:facets::text[])
ORDER BY g.facet, g.count DESC, g.value
