-- Inserts routes from a JSON array ($1) of atlas.routes rows without geometry; each line is
-- derived in the database from its consignment's waypoints and its recovery site.
INSERT INTO atlas.routes (id, consignment_id, site_id, case_id, status, visibility, synthetic, geom)
SELECT r.id, r.consignment_id, r.site_id, r.case_id, r.status, r.visibility, r.synthetic,
  atlas.derive_route_geom(r.consignment_id, r.site_id)
FROM json_populate_recordset(NULL::atlas.routes, $1::text::json) AS r;
