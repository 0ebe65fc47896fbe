-- The chart aggregates of item-stats.sql from the dimension rollups (db/migrations/028 and
-- 031, when src/lib/server/rollup-sql.ts's dimensionChoice says they answer the Filter): for a
-- Filter on one item dimension, atlas.dimension_pair_rollup's rows of the filtered
-- (by_dimension, by_value) give each chart dimension, and those whose dimension is the
-- filtered one itself give the total, the years and the categories.
-- Parameters: :dimension (the rollups' dimension name), :values (text[], the Filter's values of that key),
--             :filter (the rest of the Filter, over a rollup f; used three times),
--             :site_dimension_rollup (the per-site dimension rollup for the Filter's time: rollup-sql.ts).
-- Columns: as item-stats.sql: dimension, value, label, items, units, weapons_aged, over10, over20, over30,
--          sites and cases (total only).
WITH matching AS (
  SELECT f.dimension, f.value, extract(year FROM f.documented_on)::int AS year, f.category::text AS category,
    f.items, f.units, f.weapons_aged, f.over10, f.over20, f.over30
  FROM atlas.dimension_pair_rollup f
  WHERE f.by_dimension = :dimension AND f.by_value = ANY(:values::text[])
    AND (f.dimension = :dimension OR f.dimension IN ('type', 'made_in', 'decade', 'group')) AND :filter
),
grouped AS (
  SELECT CASE WHEN grouping(year) = 0 THEN 'year' WHEN grouping(category) = 0 THEN 'category' ELSE 'total' END AS dimension,
    coalesce(year::text, category) AS value,
    -- Zeros, not nulls, for the total of nothing (units stays null, as sum() over no items).
    coalesce(sum(items), 0)::int AS items, sum(units)::float8 AS units, coalesce(sum(weapons_aged), 0)::int AS weapons_aged,
    coalesce(sum(over10), 0)::int AS over10, coalesce(sum(over20), 0)::int AS over20, coalesce(sum(over30), 0)::int AS over30
  FROM matching WHERE dimension = :dimension
  GROUP BY GROUPING SETS ((), (year), (category))
  UNION ALL
  SELECT dimension, value, sum(items)::int, sum(units)::float8, sum(weapons_aged)::int,
    sum(over10)::int, sum(over20)::int, sum(over30)::int
  FROM matching
  WHERE dimension IN ('type', 'made_in', 'decade', 'group')
  GROUP BY dimension, value
)
SELECT g.dimension, g.value, coalesce(c.name, p.name) AS label,
  g.items, g.units, g.weapons_aged, g.over10, g.over20, g.over30,
  CASE WHEN g.dimension = 'total' THEN (SELECT count(*)::int FROM (SELECT DISTINCT f.site_id FROM :site_dimension_rollup f
    WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter) AS s) END AS sites,
  -- The rows carry the case's own visibility: no join with the cases.
  CASE WHEN g.dimension = 'total' THEN (SELECT count(*)::int FROM (SELECT DISTINCT f.case_id FROM atlas.case_dimension_rollup f
    WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter) AS k) END AS cases
FROM grouped g
LEFT JOIN atlas.countries c ON g.dimension = 'made_in' AND c.iso3 = g.value
-- Only a group's value is a number.
LEFT JOIN atlas.parties p ON g.dimension = 'group' AND p.id = CASE WHEN g.dimension = 'group' THEN g.value::int END
-- The total of nothing is still a row (as GROUP BY GROUPING SETS (()) gives on item rows).
WHERE (g.dimension = 'total' OR g.value IS NOT NULL)
  -- A holding party hidden from the viewer is not named, not even by its id.
  AND (g.dimension <> 'group' OR p.id IS NOT NULL)
ORDER BY g.dimension, g.items DESC, g.value
