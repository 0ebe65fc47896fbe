-- Layer `routes`, slot :matches from atlas.consignment_site_dimension_rollup (db/migrations/031),
-- when rollup-sql.ts's dimensionChoice says it answers the Filter: the same question as
-- route-matches.sql for a Filter on one item dimension and the 018 rollup keys.
-- Parameters: :dimension (the rollup's dimension name), :values (text[], the Filter's values
--             of that key), :filter (the rest of the Filter, over a rollup f).
SELECT 1 FROM atlas.consignment_site_dimension_rollup f
WHERE f.dimension = :dimension
  AND f.value = ANY(:values::text[])
  AND f.consignment_id = r.consignment_id
  AND f.site_id = r.site_id
  AND :filter
