-- A tile's frame, shared by every layer (`WITH bounds AS (:bounds)`): the tile's box in
-- EPSG:3857, its top-left corner (xmin, ymax), a tile pixel's size (extent 4096) and the
-- search box, the tile grown by :buffer_px pixels so lines and circles on an edge draw whole.
-- Parameters: :z :x :y (tile), :buffer_px (from the layer's manifest entry).
-- Columns: box, xmin, ymax, px, search.
-- The search box is a column, not an expression in a layer's WHERE clause: under row
-- security only a condition made of LEAKPROOF operators on plain columns can use the GiST index.
SELECT box, xmin, ymax, px, ST_Expand(box, :buffer_px::float8 * px) AS search
FROM (
  SELECT box, ST_XMin(box) AS xmin, ST_YMax(box) AS ymax, (ST_XMax(box) - ST_XMin(box)) / 4096 AS px
  FROM (SELECT ST_TileEnvelope(:z::int, :x::int, :y::int) AS box) AS t
) AS tile
