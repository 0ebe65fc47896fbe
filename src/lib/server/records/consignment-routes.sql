-- The visible routes drawn for a consignment, one per recovery site.
-- Parameters:
--   :consignment_id integer  consignment id
-- Columns:
--   id, status, site_id, case_id, synthetic
SELECT r.id, r.status::text AS status, r.site_id, r.case_id, r.synthetic
FROM atlas.routes r
-- A route to a hidden site would reveal the site's position.
JOIN atlas.sites s ON s.id = r.site_id
WHERE r.consignment_id = :consignment_id
ORDER BY r.id
