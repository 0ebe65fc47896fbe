-- Slot :totals of item-stats-charts.sql from the 018 rollups: the matching sites and cases.
-- Parameters: :site_rollup (atlas.site_rollup, or atlas.site_total_rollup for a Filter without time: rollup-sql.ts),
--             :filter (Filter condition over a rollup f; used twice).
SELECT (SELECT count(*)::int FROM (SELECT DISTINCT f.site_id FROM :site_rollup f WHERE :filter) AS s) AS sites,
  -- Cases as summary-rollup.sql counts them (per signature, db/migrations/022_aggregate_paths.sql).
  (SELECT coalesce(sum(s.cases), 0)::int FROM atlas.case_signature_rollup s
   WHERE EXISTS (SELECT 1 FROM atlas.case_signature_keys f WHERE f.signature = s.signature AND :filter)) AS cases
