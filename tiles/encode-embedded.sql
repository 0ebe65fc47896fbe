-- The rows of a layer as GeoJSON geometry plus properties, for encoding in JavaScript
-- where PostGIS lacks ST_AsMVT (the embedded PGlite build). Geometry is in tile coordinates.
-- Parameters: :rows (the layer query, a fragment).
-- Columns: id, geometry (GeoJSON text), tags (jsonb of the other columns).
SELECT t.id, ST_AsGeoJSON(t.geom) AS geometry, to_jsonb(t) - 'geom' - 'id' AS tags FROM (:rows) AS t
