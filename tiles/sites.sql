-- Layer `sites`: recovery sites with the items that match the Filter, in tile coordinates
-- (extent 4096, y down). At z <= :cluster_max_zoom sites are merged into grid cells of
-- :cell_px tile pixels, so a world tile stays small; above it, one point per site.
-- Parameters: :bounds (tiles/tile-bounds.sql), :z (zoom), :counts (site-counts.sql or site-counts-rollup.sql,
--             reading the CTE `bounds` below and the Filter), :cluster_max_zoom, :cell_px.
-- Columns: id (site id, or cell index), geom (tile-space point), cluster (0|1), sites,
--          name and iso3 (sites only), items, units, top (category with most item records), weapon, ammunition,
--          related, ied, dual_use (units per category), weapon_items … dual_use_items (item records per category).
WITH tile AS (:bounds),
bounds AS (
  -- Grid cells count the tile's own sites only, or a site near the edge would be counted in
  -- the cells of two tiles; points keep the buffer so circles on a tile edge draw whole.
  SELECT box, xmin, ymax, px, CASE WHEN :z::int <= :cluster_max_zoom::int THEN box ELSE search END AS search FROM tile
),
-- Matching items and units per site and category in the search box: from item rows or from
-- the rollups (manifest.json `slots`, chosen by src/lib/server/rollup-sql.ts).
by_category AS (:counts),
-- Per site first, by its id alone, and only then joined to the site's name and point:
-- grouping by the point as well sorted 8,379 rows by geometry for a world tile (12 of its
-- 54 ms at scale 10).
per_site AS (
  SELECT c.site_id,
    sum(c.items)::int AS items, sum(c.units)::int AS units,
    -- The category with most items, a tie to the first by name: by_category has one row per
    -- site and category, so its max is the largest category. An array_agg sorted per site
    -- cost 5 of a world tile's 28 ms at scale 10.
    (ARRAY['ammunition', 'dual_use', 'ied', 'related', 'weapon'])[array_position(
      ARRAY[sum(c.items) FILTER (WHERE c.category = 'ammunition'), sum(c.items) FILTER (WHERE c.category = 'dual_use'),
        sum(c.items) FILTER (WHERE c.category = 'ied'), sum(c.items) FILTER (WHERE c.category = 'related'),
        sum(c.items) FILTER (WHERE c.category = 'weapon')], max(c.items))] AS top,
    coalesce(sum(c.units) FILTER (WHERE c.category = 'weapon'), 0)::int AS weapon,
    coalesce(sum(c.units) FILTER (WHERE c.category = 'ammunition'), 0)::int AS ammunition,
    coalesce(sum(c.units) FILTER (WHERE c.category = 'related'), 0)::int AS related,
    coalesce(sum(c.units) FILTER (WHERE c.category = 'ied'), 0)::int AS ied,
    coalesce(sum(c.units) FILTER (WHERE c.category = 'dual_use'), 0)::int AS dual_use,
    coalesce(sum(c.items) FILTER (WHERE c.category = 'weapon'), 0)::int AS weapon_items,
    coalesce(sum(c.items) FILTER (WHERE c.category = 'ammunition'), 0)::int AS ammunition_items,
    coalesce(sum(c.items) FILTER (WHERE c.category = 'related'), 0)::int AS related_items,
    coalesce(sum(c.items) FILTER (WHERE c.category = 'ied'), 0)::int AS ied_items,
    coalesce(sum(c.items) FILTER (WHERE c.category = 'dual_use'), 0)::int AS dual_use_items
  FROM by_category c
  GROUP BY c.site_id
),
placed AS (
  SELECT p.*, s.name, s.country_iso3, (ST_X(s.geom_3857) - b.xmin) / b.px AS tx, (b.ymax - ST_Y(s.geom_3857)) / b.px AS ty
  FROM per_site p JOIN atlas.sites s ON s.id = p.site_id, bounds b
),
celled AS (
  SELECT placed.*, floor(tx / :cell_px::int)::int AS cx, floor(ty / :cell_px::int)::int AS cy FROM placed
)
SELECT site_id AS id, ST_MakePoint(round(tx), round(ty)) AS geom, 0 AS cluster, 1 AS sites,
  name, country_iso3::text AS iso3, items, units, top, weapon, ammunition, related, ied, dual_use,
  weapon_items, ammunition_items, related_items, ied_items, dual_use_items
FROM placed
WHERE :z::int > :cluster_max_zoom::int
UNION ALL
SELECT cy * 4096 + cx AS id,
  ST_MakePoint(round(avg(tx)), round(avg(ty))) AS geom, 1 AS cluster, count(*)::int AS sites,
  NULL::text, NULL::text, sum(items)::int, sum(units)::int,
  (ARRAY['weapon', 'ammunition', 'related', 'ied', 'dual_use'])[
    array_position(ARRAY[sum(weapon_items), sum(ammunition_items), sum(related_items), sum(ied_items), sum(dual_use_items)],
      greatest(sum(weapon_items), sum(ammunition_items), sum(related_items), sum(ied_items), sum(dual_use_items)))],
  sum(weapon)::int, sum(ammunition)::int, sum(related)::int, sum(ied)::int, sum(dual_use)::int,
  sum(weapon_items)::int, sum(ammunition_items)::int, sum(related_items)::int, sum(ied_items)::int, sum(dual_use_items)::int
FROM celled
WHERE :z::int <= :cluster_max_zoom::int
GROUP BY cx, cy
-- In id order: the same rows make the same bytes whatever plan the database picks, so a
-- tile's body and ETag change only when its features do.
ORDER BY id
