-- One page of a site's documentation events, newest first, each with its items that match
-- the Filter (events with no matching item are left out), so the panel lists what the map
-- counts. Each item carries a compact summary of its trace chain.
-- Parameters (named slots, sqlTemplate):
--   site_id     integer   the site
--   filter      fragment  the Filter as a condition over atlas.item_facts f (filter-sql.ts)
--   page_limit  integer   events per page
--   page_offset integer   events to skip
-- Columns:
--   event  json  SiteEvent (src/lib/api/records.ts)
WITH matching AS (
  SELECT f.item_id, f.event_id FROM atlas.item_facts f WHERE f.site_id = :site_id::int AND :filter
), page AS (
  SELECT e.* FROM atlas.documentation_events e
  WHERE e.id IN (SELECT event_id FROM matching)
  ORDER BY e.documented_on DESC, e.id DESC
  LIMIT :page_limit::int OFFSET :page_offset::int
), chain AS (
  SELECT i.id AS item_id,
    (SELECT count(*) FROM atlas.trace_request_items ri JOIN atlas.trace_requests r ON r.id = ri.request_id
     WHERE ri.item_id = i.id)::integer AS requests,
    -- The enum is declared expansive, permissive, dissuasive: its first value is the best.
    (SELECT min(p.class) FROM atlas.trace_request_items ri JOIN atlas.trace_requests r ON r.id = ri.request_id
       JOIN atlas.trace_responses p ON p.request_id = r.id WHERE ri.item_id = i.id) AS best_response,
    array(SELECT ci.case_id FROM atlas.case_items ci WHERE ci.item_id = i.id ORDER BY ci.case_id) AS case_ids
  FROM atlas.items i
  WHERE i.id IN (SELECT m.item_id FROM matching m JOIN page ON page.id = m.event_id)
)
SELECT json_build_object(
  'id', e.id, 'documentedOn', e.documented_on, 'documentedOnPrecision', coalesce(e.documented_on_precision, 'day'), 'context', e.context, 'verification', e.verification,
  'holdingParty', CASE WHEN h.id IS NULL THEN NULL ELSE json_build_object('id', h.id, 'name', h.name,
    'redFlag', h.red_flag, 'redFlagReason', h.red_flag_reason) END,
  'source', json_build_object('kind', src.kind, 'name', src.name, 'citation', src.citation, 'url', src.url, 'synthetic', src.synthetic),
  'items', (
    SELECT json_agg(json_build_object(
      'id', i.id, 'category', i.category, 'itemType', i.item_type, 'model', i.model, 'calibre', i.calibre,
      'quantity', i.quantity,
      'madeIn', CASE WHEN mc.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', mc.iso3, 'name', mc.name) END,
      'manufacturer', CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name,
        'redFlag', m.red_flag, 'redFlagReason', m.red_flag_reason) END,
      'markings', json_build_object('serialNumber', i.serial_number, 'lotNumber', i.lot_number,
        'factoryCode', i.factory_code, 'importMark', i.import_mark, 'state', i.marking_state),
      'photos', coalesce((SELECT json_agg(json_build_object('uri', p.uri, 'caption', p.caption, 'position', p.position)
                                   ORDER BY p.position)
                          FROM atlas.item_photos p WHERE p.item_id = i.id), '[]'::json),
      'chain', json_build_object('requests', c.requests, 'bestResponse', c.best_response,
        'consignmentId', (SELECT k.id FROM atlas.consignments k WHERE k.id = i.consignment_id), 'caseIds', c.case_ids),
      'synthetic', i.synthetic) ORDER BY i.category, i.id)
    FROM chain c
    JOIN atlas.items i ON i.id = c.item_id
    LEFT JOIN atlas.countries mc ON mc.iso3 = i.made_in_iso3
    LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id
    WHERE i.event_id = e.id
  ),
  'synthetic', e.synthetic
) AS event
FROM page e
JOIN atlas.sources src ON src.id = e.source_id
LEFT JOIN atlas.parties h ON h.id = e.holding_party_id
ORDER BY e.documented_on DESC, e.id DESC
