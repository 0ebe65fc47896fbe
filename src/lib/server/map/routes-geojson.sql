-- Routes (manufacture -> waypoints -> recovery site) whose consignment has an item matching
-- the Filter recovered at that site, one page.
-- Parameters: :filter (over item_facts f), :bbox (condition on r.geom_3857),
--             :feature (one route, on r.id, or TRUE), :limit, :offset.
-- Columns: id, consignment, site, siteName, status, case, originIso3, synthetic,
--          geometry (GeoJSON text, 5 decimals), matched.
WITH matched_pairs AS (
  SELECT DISTINCT f.consignment_id, f.site_id FROM atlas.item_facts f
  WHERE f.consignment_id IS NOT NULL AND :filter
)
SELECT r.id, r.consignment_id AS consignment, r.site_id AS site, s.name AS "siteName", r.status::text AS status,
  r.case_id AS "case", c.origin_iso3::text AS "originIso3", r.synthetic, ST_AsGeoJSON(r.geom, 5) AS geometry,
  (count(*) OVER ())::int AS matched
FROM atlas.routes r
JOIN matched_pairs m ON m.consignment_id = r.consignment_id AND m.site_id = r.site_id
JOIN atlas.sites s ON s.id = r.site_id
LEFT JOIN atlas.consignments c ON c.id = r.consignment_id
WHERE :bbox AND :feature
ORDER BY r.id
LIMIT :limit OFFSET :offset
