-- Layer `routes`: lines from manufacture through transfer waypoints to the recovery site,
-- for routes whose consignment has an item matching the Filter recovered at that site;
-- clipped to the tile (with a buffer) and simplified to about a pixel at this zoom.
-- Parameters: :bounds (tiles/tile-bounds.sql), :filter (Filter condition over atlas.item_facts f).
-- Columns: id (route id), geom (tile-space line), consignment, site, status, case.
WITH bounds AS (:bounds),
matched AS (
  SELECT DISTINCT f.consignment_id, f.site_id FROM atlas.item_facts f
  WHERE f.consignment_id IS NOT NULL AND :filter
),
clipped AS (
  SELECT r.id, r.consignment_id, r.site_id, r.status, r.case_id,
    ST_Simplify(ST_ClipByBox2D(r.geom_3857, b.search), b.px) AS g, b.xmin, b.ymax, b.px
  FROM atlas.routes r
  JOIN matched m ON m.consignment_id = r.consignment_id AND m.site_id = r.site_id
  CROSS JOIN bounds b
  WHERE r.geom_3857 && b.search
),
projected AS (
  SELECT id, consignment_id, site_id, status, case_id,
    ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(g, 1 / px, 0, 0, -1 / px, -xmin / px, ymax / px), 1)) AS geom
  FROM clipped WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
)
SELECT id, geom, consignment_id AS consignment, site_id AS site, status::text AS status, case_id AS "case"
FROM projected
WHERE NOT ST_IsEmpty(geom) AND ST_NPoints(geom) >= 2
-- In id order: the same rows make the same bytes whatever plan the database picks, so a
-- tile's body and ETag change only when its features do.
ORDER BY id
