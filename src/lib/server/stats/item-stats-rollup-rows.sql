-- Slot :matching of item-stats-charts.sql from atlas.dimension_rollup (db/migrations/018),
-- when src/lib/server/rollup-sql.ts says the rollups answer the Filter. Every item has
-- exactly one type, so the `type` rows are the totals (:total_dimension 'type').
-- Parameters: :filter (Filter condition over a rollup f).
SELECT f.dimension, f.value, extract(year FROM f.documented_on)::int AS year, f.category::text AS category,
  f.items, f.units, f.weapons_aged, f.over10, f.over20, f.over30
FROM atlas.dimension_rollup f
WHERE f.dimension IN ('type', 'made_in', 'decade', 'group') AND :filter
