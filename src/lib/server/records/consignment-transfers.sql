-- The visible transfers of one consignment in shipping order, with their parties and
-- waypoints. A transfer whose either party is hidden from the viewer is left out.
-- Parameters:
--   :consignment_id integer  consignment id
-- Columns:
--   transfer  json  Transfer (src/lib/api/records.ts)
SELECT json_build_object(
  'id', t.id,
  'from', json_build_object('id', pf.id, 'name', pf.name, 'kind', pf.kind, 'iso3', pf.country_iso3, 'synthetic', pf.synthetic,
    'redFlag', pf.red_flag, 'redFlagReason', pf.red_flag_reason),
  'to', json_build_object('id', pt.id, 'name', pt.name, 'kind', pt.kind, 'iso3', pt.country_iso3, 'synthetic', pt.synthetic,
    'redFlag', pt.red_flag, 'redFlagReason', pt.red_flag_reason),
  'shippedFrom', t.shipped_from, 'shippedTo', t.shipped_to, 'quantity', t.quantity,
  'orderNumber', t.order_number, 'contractNumber', t.contract_number, 'orderedOn', t.ordered_on,
  'evidenceResponseId', t.evidence_response_id,
  'waypoints', coalesce((SELECT json_agg(json_build_object('seq', w.seq, 'role', w.role, 'placeName', w.place_name,
                                   'iso3', w.country_iso3, 'lon', ST_X(w.geom), 'lat', ST_Y(w.geom)) ORDER BY w.seq)
                         FROM atlas.transfer_waypoints w WHERE w.transfer_id = t.id), '[]'::json),
  'synthetic', t.synthetic
) AS transfer
FROM atlas.transfers t
JOIN atlas.parties pf ON pf.id = t.from_party_id
JOIN atlas.parties pt ON pt.id = t.to_party_id
WHERE t.consignment_id = :consignment_id
ORDER BY coalesce(t.shipped_from, '0001-01-01'::date), t.id
