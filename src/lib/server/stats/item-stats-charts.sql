-- The chart aggregates of item-stats.sql from rollup rows, whichever rollups answer the
-- Filter (src/lib/server/rollup-sql.ts): the rows of one dimension give the total, the years
-- and the categories (every item holds exactly one value of it), and each chart dimension's
-- rows its bars; the total's sites and cases come from the source's own rollups.
-- Parameters: :matching (rows dimension, value, year, category, items, units, weapons_aged,
--               over10, over20, over30: item-stats-rollup-rows.sql or item-stats-dimension-rows.sql),
--             :total_dimension (the dimension whose rows are the totals),
--             :totals (one row: sites, cases; item-stats-rollup-totals.sql or item-stats-dimension-totals.sql).
-- Columns: as item-stats.sql: dimension, value, label, items, units, weapons_aged, over10, over20, over30,
--          sites and cases (total only).
WITH matching AS (:matching),
grouped AS (
  SELECT CASE WHEN grouping(year) = 0 THEN 'year' WHEN grouping(category) = 0 THEN 'category' ELSE 'total' END AS dimension,
    coalesce(year::text, category) AS value,
    -- Zeros, not nulls, for the total of nothing (units stays null, as sum() over no items).
    coalesce(sum(items), 0)::int AS items, sum(units)::float8 AS units, coalesce(sum(weapons_aged), 0)::int AS weapons_aged,
    coalesce(sum(over10), 0)::int AS over10, coalesce(sum(over20), 0)::int AS over20, coalesce(sum(over30), 0)::int AS over30
  FROM matching WHERE dimension = :total_dimension
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
  CASE WHEN g.dimension = 'total' THEN t.sites END AS sites,
  CASE WHEN g.dimension = 'total' THEN t.cases END AS cases
FROM grouped g
CROSS JOIN (:totals) AS t
LEFT JOIN atlas.countries c ON g.dimension = 'made_in' AND c.iso3 = g.value
-- Only a group's value is a number.
LEFT JOIN atlas.parties p ON g.dimension = 'group' AND p.id = CASE WHEN g.dimension = 'group' THEN g.value::int END
-- The total of nothing is still a row (as GROUP BY GROUPING SETS (()) gives on item rows).
WHERE (g.dimension = 'total' OR g.value IS NOT NULL)
  -- A holding party hidden from the viewer is not named, not even by its id.
  AND (g.dimension <> 'group' OR p.id IS NOT NULL)
ORDER BY g.dimension, g.items DESC, g.value
