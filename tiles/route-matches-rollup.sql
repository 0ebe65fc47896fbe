-- Layer `routes`, slot :matches from atlas.consignment_site_rollup (when rollup-sql.ts says
-- the rollups answer the Filter): the same question as route-matches.sql, asked of the
-- (consignment, site) rollup rows, which carry the Filter's keys.
-- Parameters: :filter (Filter condition over a rollup f).
SELECT 1 FROM atlas.consignment_site_rollup f
WHERE f.consignment_id = r.consignment_id
  AND f.site_id = r.site_id
  AND :filter
