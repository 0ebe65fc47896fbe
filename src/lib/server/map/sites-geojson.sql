-- Recovery sites with the items matching the Filter, largest first, one page.
-- The counts per site and category are the sites tile's (tiles/site-counts*.sql, chosen by
-- src/lib/server/rollup-sql.ts): from the rollups when they answer the Filter, so a map
-- view's GeoJSON costs what its tiles cost instead of a pass over every matching item.
-- Parameters: :bounds (a query with one column, search: the box in EPSG:3857 the sites lie in),
--             :counts (the sites layer's counts slot, reading the CTE `bounds` and the Filter),
--             :feature (one site, on c.site_id, or TRUE), :limit, :offset.
-- Columns: id, name, iso3, precision, lon, lat, items, units, top (the category with most
--          units), synthetic, matched (sites in all pages).
WITH bounds AS (:bounds),
by_category AS (:counts),
per_site AS (
  SELECT c.site_id, sum(c.items)::int AS items, sum(c.units)::int AS units,
    (array_agg(c.category ORDER BY c.units DESC, c.category))[1] AS top
  FROM by_category c
  WHERE :feature
  GROUP BY c.site_id
)
SELECT s.id, s.name, s.country_iso3::text AS iso3, s.precision::text AS precision,
  round(ST_X(s.geom)::numeric, 5)::float8 AS lon, round(ST_Y(s.geom)::numeric, 5)::float8 AS lat,
  p.items, p.units, p.top, s.synthetic, (count(*) OVER ())::int AS matched
FROM per_site p JOIN atlas.sites s ON s.id = p.site_id
ORDER BY p.units DESC, s.id
LIMIT :limit OFFSET :offset
