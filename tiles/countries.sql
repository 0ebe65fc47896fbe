-- Layer `countries`: the basemap's land and borders from Natural Earth, clipped to the tile
-- with a buffer, simplified to about a pixel, exterior rings clockwise in tile space.
-- Parameters: :bounds (tiles/tile-bounds.sql).
-- Columns: id (stable number from the alpha-3 code), geom (tile-space polygons), iso3,
--          name, conflict (1 for conflict-affected states).
WITH bounds AS (:bounds),
clipped AS (
  SELECT c.iso3, c.name, c.conflict_affected,
    ST_SimplifyPreserveTopology(ST_ClipByBox2D(c.geom_3857, b.search), 4 * b.px) AS g, b.xmin, b.ymax, b.px
  FROM atlas.countries c CROSS JOIN bounds b
  WHERE c.geom_3857 && b.search
),
projected AS (
  -- An exterior ring clockwise in EPSG:3857 (y up) has a positive area once y is flipped:
  -- the winding the vector tile specification asks for.
  SELECT iso3, name, conflict_affected,
    ST_CollectionExtract(ST_RemoveRepeatedPoints(ST_SnapToGrid(
      ST_Affine(ST_ForcePolygonCW(g), 1 / px, 0, 0, -1 / px, -xmin / px, ymax / px), 1)), 3) AS geom
  FROM clipped WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
)
SELECT ((ascii(substr(iso3, 1, 1)) - 65) * 676 + (ascii(substr(iso3, 2, 1)) - 65) * 26 + ascii(substr(iso3, 3, 1)) - 65) AS id,
  geom, iso3::text AS iso3, name, conflict_affected::int AS conflict
FROM projected
WHERE NOT ST_IsEmpty(geom) AND ST_Area(geom) > 0
-- In id order: the same rows make the same bytes whatever plan the database picks, so a
-- tile's body and ETag change only when its features do.
ORDER BY id
