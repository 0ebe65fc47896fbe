-- Slot :totals of item-stats-charts.sql from the dimension rollups: the matching sites and cases.
-- Parameters: :dimension, :values (as item-stats-dimension-rows.sql), :filter (the rest of the
--             Filter, over a rollup f; used twice), :site_dimension_rollup (the per-site
--             dimension rollup for the Filter's time: rollup-sql.ts).
SELECT (SELECT count(*)::int FROM (SELECT DISTINCT f.site_id FROM :site_dimension_rollup f
    WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter) AS s) AS sites,
  -- The rows carry the case's own visibility: no join with the cases.
  (SELECT count(*)::int FROM (SELECT DISTINCT f.case_id FROM atlas.case_dimension_rollup f
    WHERE f.dimension = :dimension AND f.value = ANY(:values::text[]) AND :filter) AS k) AS cases
