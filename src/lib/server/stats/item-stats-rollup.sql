-- The chart aggregates of item-stats.sql from the rollups (when src/lib/server/rollup-sql.ts
-- says they answer the Filter). Every item has exactly one type, so the `type` rows of
-- atlas.dimension_rollup also give the total, the years and the categories.
-- Parameters: :site_rollup (atlas.site_rollup, or atlas.site_total_rollup for a Filter without time: rollup-sql.ts),
--             :filter (Filter condition over a rollup f; used three times).
-- Columns: as item-stats.sql: dimension, value, label, items, units, weapons_aged, over10, over20, over30,
--          sites and cases (total only).
WITH matching AS (
  SELECT f.dimension, f.value, extract(year FROM f.documented_on)::int AS year, f.category::text AS category,
    f.items, f.units, f.weapons_aged, f.over10, f.over20, f.over30
  FROM atlas.dimension_rollup f
  WHERE f.dimension IN ('type', 'made_in', 'decade', 'group') AND :filter
),
grouped AS (
  SELECT CASE WHEN grouping(year) = 0 THEN 'year' WHEN grouping(category) = 0 THEN 'category' ELSE 'total' END AS dimension,
    coalesce(year::text, category) AS value,
    -- Zeros, not nulls, for the total of nothing (units stays null, as sum() over no items).
    coalesce(sum(items), 0)::int AS items, sum(units)::float8 AS units, coalesce(sum(weapons_aged), 0)::int AS weapons_aged,
    coalesce(sum(over10), 0)::int AS over10, coalesce(sum(over20), 0)::int AS over20, coalesce(sum(over30), 0)::int AS over30
  FROM matching WHERE dimension = 'type'
  GROUP BY GROUPING SETS ((), (year), (category))
  UNION ALL
  SELECT dimension, value, sum(items)::int, sum(units)::float8, sum(weapons_aged)::int,
    sum(over10)::int, sum(over20)::int, sum(over30)::int
  FROM matching
  GROUP BY dimension, value
)
SELECT g.dimension, g.value, coalesce(c.name, p.name) AS label,
  g.items, g.units, g.weapons_aged, g.over10, g.over20, g.over30,
  CASE WHEN g.dimension = 'total' THEN (SELECT count(*)::int FROM (SELECT DISTINCT f.site_id FROM :site_rollup f WHERE :filter) AS s) END AS sites,
  -- Cases as summary-rollup.sql counts them (per signature, db/migrations/022_aggregate_paths.sql).
  CASE WHEN g.dimension = 'total' THEN (SELECT coalesce(sum(s.cases), 0)::int FROM atlas.case_signature_rollup s
    WHERE EXISTS (SELECT 1 FROM atlas.case_signature_keys f WHERE f.signature = s.signature AND :filter)) END AS cases
FROM grouped g
LEFT JOIN atlas.countries c ON g.dimension = 'made_in' AND c.iso3 = g.value
-- Only a group's value is a number.
LEFT JOIN atlas.parties p ON g.dimension = 'group' AND p.id = CASE WHEN g.dimension = 'group' THEN g.value::int END
-- The total of nothing is still a row (as GROUP BY GROUPING SETS (()) gives on item rows).
WHERE (g.dimension = 'total' OR g.value IS NOT NULL)
  -- A holding party hidden from the viewer is not named, not even by its id.
  AND (g.dimension <> 'group' OR p.id IS NOT NULL)
ORDER BY g.dimension, g.items DESC, g.value
