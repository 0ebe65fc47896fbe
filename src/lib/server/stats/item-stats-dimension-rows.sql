-- Slot :matching of item-stats-charts.sql from atlas.dimension_pair_rollup (db/migrations/031),
-- when src/lib/server/rollup-sql.ts's dimensionChoice says it answers the Filter: the rows of
-- the filtered (by_dimension, by_value) under each chart dimension, and those of the filtered
-- dimension itself (only at its own value), which are the totals (:total_dimension :dimension).
-- Parameters: :dimension (the rollups' dimension name), :values (text[], the Filter's values of that key),
--             :filter (the rest of the Filter, over a rollup f).
SELECT f.dimension, f.value, extract(year FROM f.documented_on)::int AS year, f.category::text AS category,
  f.items, f.units, f.weapons_aged, f.over10, f.over20, f.over30
FROM atlas.dimension_pair_rollup f
WHERE f.by_dimension = :dimension AND f.by_value = ANY(:values::text[])
  AND (f.dimension = :dimension OR f.dimension IN ('type', 'made_in', 'decade', 'group')) AND :filter
