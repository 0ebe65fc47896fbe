-- Adds an import's new recovery sites, as drafts.
-- :rows  JSON array of { source, id, name, country, lat, lon, precision }.
-- Output: added.
WITH added AS (
  INSERT INTO atlas.sites (external_source_id, external_id, name, country_iso3, precision, geom, visibility)
  SELECT s.id, r.id, r.name, r.country, r.precision::atlas.location_precision,
    ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 'draft'
  FROM json_to_recordset(:rows::text::json)
    AS r(source text, id text, name text, country text, lat double precision, lon double precision, precision text)
  JOIN atlas.sources s ON s.external_id = r.source
  ON CONFLICT (external_source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS added FROM added
