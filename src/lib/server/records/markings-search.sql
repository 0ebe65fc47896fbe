-- Items whose markings contain the search text, or whose consignment (or one of its
-- transfers) has a matching order or contract number. Both sides are compared upper case
-- with spaces and dashes removed, as items.markings_normalised stores them, so
-- "23-2-7520", "23 2 7520" and "2327520" are one search. Row security decides visibility.
-- Parameters:
--   :query text     the normalised query (upper case, no spaces, dashes or '|')
--   :limit integer  the most hits to return
-- Columns:
--   id, category, item_type, model, calibre, serial_number, lot_number   the item
--   made_in         json     {iso3, name} or null
--   manufacturer    json     {id, name} or null (null also when the party is not visible)
--   site            json     {id, name, iso3, lon, lat}
--   documented_on   text     YYYY-MM-DD
--   documented_on_precision  text  day | month | year | unpublished (the date is then a placeholder)
--   consignment_id  integer  null also when the consignment is not visible
--   case_ids        integer[] visible cases the item belongs to
--   matched         text     serial | lot | factory | import | order
--   synthetic       boolean
--   total           integer  every visible hit, also beyond :limit
WITH normalised AS (
  SELECT i.id,
    upper(regexp_replace(coalesce(i.serial_number, ''), '[\s-]', '', 'g')) AS serial,
    upper(regexp_replace(coalesce(i.lot_number, ''), '[\s-]', '', 'g')) AS lot,
    upper(regexp_replace(coalesce(i.factory_code, ''), '[\s-]', '', 'g')) AS factory,
    upper(regexp_replace(coalesce(i.import_mark, ''), '[\s-]', '', 'g')) AS import
  FROM atlas.items i
  WHERE strpos(i.markings_normalised, :query) > 0
), ordered_consignments AS (
  SELECT c.id FROM atlas.consignments c
  WHERE strpos(upper(regexp_replace(coalesce(c.order_number, '') || '|' || coalesce(c.contract_number, ''), '[\s-]', '', 'g')), :query) > 0
  UNION
  SELECT t.consignment_id FROM atlas.transfers t
  WHERE t.consignment_id IS NOT NULL
    AND strpos(upper(regexp_replace(coalesce(t.order_number, '') || '|' || coalesce(t.contract_number, ''), '[\s-]', '', 'g')), :query) > 0
), hits AS (
  SELECT n.id,
    CASE WHEN strpos(n.serial, :query) > 0 THEN 'serial' WHEN strpos(n.lot, :query) > 0 THEN 'lot'
         WHEN strpos(n.factory, :query) > 0 THEN 'factory' ELSE 'import' END AS matched,
    :query IN (n.serial, n.lot, n.factory, n.import) AS exact
  FROM normalised n
  UNION ALL
  SELECT i.id, 'order', false
  FROM atlas.items i
  WHERE i.consignment_id IN (SELECT id FROM ordered_consignments)
    AND i.id NOT IN (SELECT id FROM normalised)
), visible AS (
  -- Joined to the documentation and the site so a hit is never an item whose place is hidden.
  SELECT h.matched, h.exact, i.*, e.documented_on, e.documented_on_precision, s.id AS site_id, s.name AS site_name,
    s.country_iso3 AS site_iso3, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
  FROM hits h
  JOIN atlas.items i ON i.id = h.id
  JOIN atlas.documentation_events e ON e.id = i.event_id
  JOIN atlas.sites s ON s.id = e.site_id
)
SELECT v.id, v.category::text AS category, v.item_type, v.model, v.calibre, v.serial_number, v.lot_number,
  CASE WHEN v.made_in_iso3 IS NULL THEN NULL
       ELSE json_build_object('iso3', v.made_in_iso3, 'name', mc.name) END AS made_in,
  CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name) END AS manufacturer,
  json_build_object('id', v.site_id, 'name', v.site_name, 'iso3', v.site_iso3, 'lon', v.lon, 'lat', v.lat) AS site,
  v.documented_on::text AS documented_on, coalesce(v.documented_on_precision, 'day') AS documented_on_precision,
  (SELECT k.id FROM atlas.consignments k WHERE k.id = v.consignment_id) AS consignment_id,
  array(SELECT ci.case_id FROM atlas.case_items ci WHERE ci.item_id = v.id ORDER BY ci.case_id) AS case_ids,
  v.matched, v.synthetic,
  (count(*) OVER ())::integer AS total
FROM visible v
LEFT JOIN atlas.countries mc ON mc.iso3 = v.made_in_iso3
LEFT JOIN atlas.parties m ON m.id = v.manufacturer_id
-- Exact marking matches first, then real records before demo rows.
ORDER BY v.exact DESC, v.synthetic, v.documented_on DESC, v.id
LIMIT :limit
