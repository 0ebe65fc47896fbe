-- Where and when the features of each OGC collection lie, for what the Filter selects.
-- Parameters: :filter (over item_facts f; used twice).
-- Columns: site_box (sites and cases: the matching items' sites), route_box (the routes of
--          matching consignment and site pairs), each as [west, south, east, north] in
--          degrees or NULL when nothing matches; first_day, last_day (documented_on,
--          YYYY-MM-DD, or NULL).
WITH matching AS (
  SELECT min(f.documented_on) AS first_day, max(f.documented_on) AS last_day,
    ST_Transform(ST_SetSRID(ST_Extent(f.geom_3857)::geometry, 3857), 4326) AS site_shape
  FROM atlas.item_facts f
  WHERE :filter
),
routes AS (
  SELECT ST_Extent(r.geom)::geometry AS route_shape
  FROM atlas.routes r
  WHERE EXISTS (SELECT 1 FROM atlas.item_facts f
                WHERE f.consignment_id = r.consignment_id AND f.site_id = r.site_id AND :filter)
)
SELECT
  CASE WHEN m.site_shape IS NULL THEN NULL ELSE ARRAY[ST_XMin(m.site_shape), ST_YMin(m.site_shape), ST_XMax(m.site_shape), ST_YMax(m.site_shape)]::float8[] END AS site_box,
  CASE WHEN r.route_shape IS NULL THEN NULL ELSE ARRAY[ST_XMin(r.route_shape), ST_YMin(r.route_shape), ST_XMax(r.route_shape), ST_YMax(r.route_shape)]::float8[] END AS route_box,
  to_char(m.first_day, 'YYYY-MM-DD') AS first_day, to_char(m.last_day, 'YYYY-MM-DD') AS last_day
FROM matching m CROSS JOIN routes r
