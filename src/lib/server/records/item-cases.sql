-- The visible diversion cases one item belongs to.
-- Parameters:
--   :item_id integer  item id
-- Columns:
--   id, title, mechanism, iso3, synthetic  CaseRef (src/lib/api/records.ts)
SELECT c.id, c.title, c.mechanism::text AS mechanism, c.country_iso3 AS iso3, c.synthetic
FROM atlas.case_items ci
JOIN atlas.diversion_cases c ON c.id = ci.case_id
WHERE ci.item_id = :item_id
ORDER BY c.id
