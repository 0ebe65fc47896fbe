-- Encodes a layer's rows as one Mapbox Vector Tile layer with PostGIS ST_AsMVT (native
-- PostGIS built with protobuf-c). Geometry is already in tile coordinates.
-- Parameters: :rows (the layer query, a fragment), :layer (layer name).
-- Columns: mvt (bytea, empty when no row).
SELECT coalesce(ST_AsMVT(t.*, :layer::text, 4096, 'geom', 'id'), ''::bytea) AS mvt FROM (:rows) AS t
