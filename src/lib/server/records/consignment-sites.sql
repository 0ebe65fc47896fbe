-- Every recovery site of a consignment's visible items, with how many items and units
-- were found there: the places the explorer links to the consignment's origin.
-- Parameters:
--   :consignment_id integer  consignment id
-- Columns:
--   id, name, iso3, lon, lat  the site
--   items, units              integer  visible items of the consignment found there
SELECT s.id, s.name, s.country_iso3 AS iso3, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat,
  count(*)::integer AS items, sum(i.quantity)::integer AS units
FROM atlas.items i
JOIN atlas.documentation_events e ON e.id = i.event_id
JOIN atlas.sites s ON s.id = e.site_id
WHERE i.consignment_id = :consignment_id
GROUP BY s.id
ORDER BY min(e.documented_on), s.id
