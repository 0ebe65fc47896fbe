-- One item with its documentation (site, holding force, source) and photos, as the viewer
-- sees it: the inner joins to the documentation event and the site make an item whose
-- place is hidden invisible too. No row = unknown or not visible.
-- Parameters:
--   :item_id integer  item id
-- Columns:
--   item           json  ItemRecord (src/lib/api/records.ts)
--   documentation  json  Documentation
--   consignment_id integer or null (null also when the consignment is not visible)
SELECT
  json_build_object(
    'id', i.id, 'category', i.category, 'itemType', i.item_type, 'model', i.model, 'calibre', i.calibre,
    'yearMade', i.year_made, 'quantity', i.quantity,
    'madeIn', CASE WHEN mc.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', mc.iso3, 'name', mc.name) END,
    'manufacturer', CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object(
      'id', m.id, 'name', m.name, 'kind', m.kind, 'iso3', m.country_iso3, 'synthetic', m.synthetic,
    'redFlag', m.red_flag, 'redFlagReason', m.red_flag_reason) END,
    'markings', json_build_object('serialNumber', i.serial_number, 'lotNumber', i.lot_number,
      'factoryCode', i.factory_code, 'importMark', i.import_mark, 'state', i.marking_state),
    'construction', to_json(i.construction::text[]),
    'constructionNotes', i.construction_notes,
    'photos', coalesce((SELECT json_agg(json_build_object('uri', p.uri, 'caption', p.caption, 'position', p.position)
                                 ORDER BY p.position)
                        FROM atlas.item_photos p WHERE p.item_id = i.id), '[]'::json),
    'synthetic', i.synthetic
  ) AS item,
  json_build_object(
    'eventId', e.id, 'documentedOn', e.documented_on, 'documentedOnPrecision', coalesce(e.documented_on_precision, 'day'), 'context', e.context, 'verification', e.verification,
    'notes', e.notes,
    'site', json_build_object('id', s.id, 'name', s.name, 'iso3', s.country_iso3, 'lon', ST_X(s.geom), 'lat', ST_Y(s.geom),
      'precision', s.precision, 'synthetic', s.synthetic),
    'country', json_build_object('iso3', sc.iso3, 'name', sc.name),
    'holdingParty', CASE WHEN h.id IS NULL THEN NULL ELSE json_build_object(
      'id', h.id, 'name', h.name, 'kind', h.kind, 'iso3', h.country_iso3, 'synthetic', h.synthetic,
    'redFlag', h.red_flag, 'redFlagReason', h.red_flag_reason) END,
    'source', json_build_object('kind', src.kind, 'name', src.name, 'citation', src.citation, 'url', src.url,
      'synthetic', src.synthetic),
    'synthetic', e.synthetic
  ) AS documentation,
  -- Null when the consignment is hidden from the viewer: its id is not theirs to read.
  (SELECT k.id FROM atlas.consignments k WHERE k.id = i.consignment_id) AS consignment_id
FROM atlas.items i
JOIN atlas.documentation_events e ON e.id = i.event_id
JOIN atlas.sites s ON s.id = e.site_id
JOIN atlas.countries sc ON sc.iso3 = s.country_iso3
JOIN atlas.sources src ON src.id = e.source_id
LEFT JOIN atlas.countries mc ON mc.iso3 = i.made_in_iso3
LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id
LEFT JOIN atlas.parties h ON h.id = e.holding_party_id
WHERE i.id = :item_id
