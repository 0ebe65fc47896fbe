-- Layer `routes`: lines from manufacture through transfer waypoints to the recovery site,
-- for routes whose consignment has an item matching the Filter recovered at that site;
-- clipped to the tile (with a buffer) and simplified to about a pixel at this zoom.
-- Parameters: :bounds (tiles/tile-bounds.sql), :matches (route-matches.sql or
--             route-matches-rollup.sql: rows of items matching the Filter for route r).
-- Columns: id (route id), geom (tile-space line), consignment, site, status, case.
-- The routes in the tile are found first (GiST) and each is asked whether an item matches:
-- a tile holds at most the few thousand routes there are, where the matching items of the
-- whole archive are every item with no Filter (72 ms per tile at 880k items).
-- Both steps are MATERIALIZED, so each route's geometry is clipped, simplified and projected
-- once: inlined, the emptiness and point-count conditions below were pushed into the scan and
-- ran the whole chain three to four times per route. The match is asked per route (OFFSET 0
-- keeps PostgreSQL from turning the EXISTS into a join): row security makes it guess a few
-- dozen routes where a world tile has 2,000, and the join it then chose compared every route
-- with every matching rollup row (z3 with category and year: 85-140 ms, 20-30 ms asked per route).
WITH bounds AS (:bounds),
clipped AS MATERIALIZED (
  SELECT r.id, r.consignment_id, r.site_id, r.status, r.case_id,
    ST_Simplify(ST_ClipByBox2D(r.geom_3857, b.search), b.px) AS g, b.xmin, b.ymax, b.px
  FROM atlas.routes r
  CROSS JOIN bounds b
  WHERE r.geom_3857 && b.search
    AND EXISTS (:matches OFFSET 0)
),
projected AS MATERIALIZED (
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
