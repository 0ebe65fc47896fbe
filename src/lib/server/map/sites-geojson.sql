-- Recovery sites with the items matching the Filter, largest first, one page.
-- Parameters: :filter (Filter condition over item_facts f), :bbox (condition on f.geom_3857),
--             :feature (one site, on f.site_id, or TRUE), :limit, :offset.
-- Columns: id, name, iso3, precision, lon, lat, items, units, top, synthetic, matched (sites in all pages).
WITH per_site AS (
  SELECT f.site_id, count(*)::int AS items, sum(f.quantity)::int AS units,
    (array_agg(f.category::text ORDER BY f.quantity DESC, f.category))[1] AS top
  FROM atlas.item_facts f
  WHERE :filter AND :bbox AND :feature
  GROUP BY f.site_id
)
SELECT s.id, s.name, s.country_iso3::text AS iso3, s.precision::text AS precision,
  round(ST_X(s.geom)::numeric, 5)::float8 AS lon, round(ST_Y(s.geom)::numeric, 5)::float8 AS lat,
  p.items, p.units, p.top, s.synthetic, (count(*) OVER ())::int AS matched
FROM per_site p JOIN atlas.sites s ON s.id = p.site_id
ORDER BY p.units DESC, s.id
LIMIT :limit OFFSET :offset
