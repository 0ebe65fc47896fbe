-- One row per documented item the Filter selects, as the viewer may see it: the rows the
-- download streams (CSV and GeoJSON), in item order. The output columns are exactly
-- EXPORT_COLUMNS (src/lib/exports/export-columns.ts), the dictionary's list.
-- Parameters:
--   :filter       Filter condition over item_facts f (filter-sql.ts)
--   :record_base  text, the portal's origin + '/items/' (the record_url of each item)
-- Columns: item_id, record_url, category, item_type, model, calibre, quantity, marking_state,
--   serial_number, made_in_iso3, made_in, manufacturer, year_made, documented_on (text: as
--   precise as the source, null when unpublished), documented_on_precision, site_id,
--   site_name, site_precision, recovered_in_iso3, recovered_in, longitude, latitude,
--   trace_outcome (text[]), case_ids (int[]), consignment_id, synthetic.
-- Every join is LEFT: the row set is the facts' (so the count is /api/stats' items), and a
-- joined row row security hides reads as null, never as another row. The facts hold every
-- case and consignment id (015): only those the viewer may see are written.
SELECT f.item_id,
  :record_base || f.item_id AS record_url,
  f.category::text AS category,
  f.item_type,
  i.model,
  i.calibre,
  f.quantity,
  f.marking_state::text AS marking_state,
  i.serial_number,
  f.made_in_iso3::text AS made_in_iso3,
  mc.name AS made_in,
  m.name AS manufacturer,
  f.year_made::int AS year_made,
  -- A date is written only as precisely as its source gives it; an unpublished one never.
  CASE WHEN e.id IS NULL OR e.documented_on_precision = 'unpublished' THEN NULL
       WHEN e.documented_on_precision = 'year' THEN to_char(f.documented_on, 'YYYY')
       WHEN e.documented_on_precision = 'month' THEN to_char(f.documented_on, 'YYYY-MM')
       ELSE to_char(f.documented_on, 'YYYY-MM-DD') END AS documented_on,
  CASE WHEN e.id IS NULL THEN 'unpublished' ELSE coalesce(e.documented_on_precision, 'day') END AS documented_on_precision,
  f.site_id,
  s.name AS site_name,
  s.precision::text AS site_precision,
  f.country_iso3::text AS recovered_in_iso3,
  rc.name AS recovered_in,
  round(ST_X(s.geom)::numeric, 5)::float8 AS longitude,
  round(ST_Y(s.geom)::numeric, 5)::float8 AS latitude,
  f.response_classes AS trace_outcome,
  ARRAY(SELECT d.id FROM atlas.diversion_cases d WHERE d.id = ANY(f.case_ids) ORDER BY d.id) AS case_ids,
  (SELECT k.id FROM atlas.consignments k WHERE k.id = f.consignment_id) AS consignment_id,
  f.synthetic
FROM atlas.item_facts f
LEFT JOIN atlas.items i ON i.id = f.item_id
LEFT JOIN atlas.documentation_events e ON e.id = f.event_id
LEFT JOIN atlas.sites s ON s.id = f.site_id
LEFT JOIN atlas.countries rc ON rc.iso3 = f.country_iso3
LEFT JOIN atlas.countries mc ON mc.iso3 = f.made_in_iso3
LEFT JOIN atlas.parties m ON m.id = f.manufacturer_id
WHERE :filter
ORDER BY f.item_id
