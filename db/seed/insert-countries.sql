-- Inserts countries from a JSON array ($1): rows of atlas.countries plus `geojson`, the
-- Natural Earth shape as GeoJSON (null for former states).
INSERT INTO atlas.countries (iso3, iso2, m49, name, region, subregion, eu_member, conflict_affected,
  dissolved_on, successor_iso3, geom, label_point)
SELECT c.iso3, c.iso2, c.m49, c.name, c.region, c.subregion, c.eu_member, c.conflict_affected,
  c.dissolved_on, c.successor_iso3, g.geom, ST_PointOnSurface(g.geom)
FROM json_to_recordset($1::text::json) AS c(
  iso3 text, iso2 text, m49 text, name text, region text, subregion text, eu_member boolean,
  conflict_affected boolean, dissolved_on date, successor_iso3 text, geojson text)
CROSS JOIN LATERAL (
  SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(c.geojson), 4326)), 3)) AS geom
) AS g
ORDER BY c.dissolved_on NULLS FIRST
ON CONFLICT (iso3) DO NOTHING;
