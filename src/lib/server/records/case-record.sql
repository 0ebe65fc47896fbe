-- One diversion case with its country, source, report, parties and their roles, sites,
-- items and routes, as the viewer sees them. No row = unknown or hidden.
-- Parameters:
--   :case_id integer  case id
-- Columns:
--   record        json       CaseRecord without rightOfReply (src/lib/api/records.ts)
--   response_ids  integer[]  visible trace responses about its items (for locked replies)
SELECT json_build_object(
  'id', c.id, 'title', c.title, 'mechanism', c.mechanism, 'iso3', c.country_iso3, 'synthetic', c.synthetic,
  'country', json_build_object('iso3', cc.iso3, 'name', cc.name),
  'summary', c.summary, 'divertedFrom', c.diverted_from, 'divertedTo', c.diverted_to, 'publishedOn', c.published_on,
  'source', CASE WHEN src.id IS NULL THEN NULL ELSE json_build_object('kind', src.kind, 'name', src.name,
    'citation', src.citation, 'url', src.url, 'synthetic', src.synthetic) END,
  'report', CASE WHEN rep.id IS NULL THEN NULL ELSE json_build_object('id', rep.id, 'title', rep.title,
    'publisher', rep.publisher, 'publishedOn', rep.published_on, 'citation', rep.citation, 'url', rep.url,
    'synthetic', rep.synthetic) END,
  'parties', coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'iso3', p.country_iso3,
                                'synthetic', p.synthetic, 'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason, 'role', cp.role) ORDER BY array_position(
                                ARRAY['manufacturer', 'exporter', 'authorised_recipient', 'intermediary', 'diverter', 'end_holder'], cp.role), p.name)
                       FROM atlas.case_parties cp JOIN atlas.parties p ON p.id = cp.party_id WHERE cp.case_id = c.id), '[]'::json),
  'sites', coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'iso3', s.country_iso3, 'lon', ST_X(s.geom),
                              'lat', ST_Y(s.geom), 'precision', s.precision, 'synthetic', s.synthetic) ORDER BY s.name)
                     FROM atlas.case_sites cs JOIN atlas.sites s ON s.id = cs.site_id WHERE cs.case_id = c.id), '[]'::json),
  'items', coalesce((SELECT json_agg(json_build_object('id', i.id, 'category', i.category, 'itemType', i.item_type,
                              'model', i.model, 'calibre', i.calibre, 'serialNumber', i.serial_number, 'lotNumber', i.lot_number,
                              'quantity', i.quantity,
                              'madeIn', CASE WHEN mc.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', mc.iso3, 'name', mc.name) END,
                              'siteId', e.site_id, 'synthetic', i.synthetic) ORDER BY i.category, i.id)
                     FROM atlas.case_items ci
                     JOIN atlas.items i ON i.id = ci.item_id
                     JOIN atlas.documentation_events e ON e.id = i.event_id
                     JOIN atlas.sites s ON s.id = e.site_id
                     LEFT JOIN atlas.countries mc ON mc.iso3 = i.made_in_iso3
                     WHERE ci.case_id = c.id), '[]'::json),
  'routes', coalesce((SELECT json_agg(json_build_object('id', r.id, 'status', r.status, 'siteId', r.site_id, 'caseId', r.case_id,
                               'consignmentId', k.id, 'consignmentReference', k.reference, 'synthetic', r.synthetic) ORDER BY r.id)
                      FROM atlas.routes r
                      JOIN atlas.sites s ON s.id = r.site_id
                      LEFT JOIN atlas.consignments k ON k.id = r.consignment_id
                      WHERE r.case_id = c.id), '[]'::json)
) AS record,
array(SELECT p.id FROM atlas.trace_request_items ri
      JOIN atlas.case_items ci ON ci.item_id = ri.item_id AND ci.case_id = c.id
      JOIN atlas.trace_responses p ON p.request_id = ri.request_id) AS response_ids
FROM atlas.diversion_cases c
JOIN atlas.countries cc ON cc.iso3 = c.country_iso3
LEFT JOIN atlas.sources src ON src.id = c.source_id
LEFT JOIN atlas.reports rep ON rep.id = c.report_id
WHERE c.id = :case_id
