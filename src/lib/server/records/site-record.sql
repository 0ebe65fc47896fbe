-- One recovery site as the viewer sees it. No row = unknown or hidden.
-- Parameters:
--   :site_id integer  site id
-- Columns:
--   site  json  SiteDetail['site'] (src/lib/api/records.ts)
SELECT json_build_object(
  'id', s.id, 'name', s.name, 'iso3', s.country_iso3, 'lon', ST_X(s.geom), 'lat', ST_Y(s.geom),
  'precision', s.precision, 'country', json_build_object('iso3', c.iso3, 'name', c.name), 'synthetic', s.synthetic
) AS site
FROM atlas.sites s
JOIN atlas.countries c ON c.iso3 = s.country_iso3
WHERE s.id = :site_id
