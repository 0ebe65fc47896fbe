-- Layer `sites`, slot :counts from item rows: matching items and units per site and category
-- whose recovery site lies in the search box (the CTE `bounds` of sites.sql).
-- Parameters: :filter (Filter condition over atlas.item_facts f), :in_box (f.geom_3857 in
--             b.search, through the spatial index or, for a box covering much of the world,
--             row by row: src/lib/server/tiles/tile-layers.ts).
-- Columns: site_id, category (text), items, units.
SELECT f.site_id, f.category::text AS category, count(*) AS items, sum(f.quantity) AS units
FROM atlas.item_facts f, bounds b
WHERE :in_box
  AND :filter
GROUP BY f.site_id, f.category
