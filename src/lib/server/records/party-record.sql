-- One party's public profile: kind, country, red flag and its reason, the cases naming it,
-- its transfers, and the trace requests it received with their responses.
-- Parameters:
--   :party    integer  party id
--   :made     the Filter {manufacturer: [id]} over item_facts f (filter-sql.ts), so the page
--             counts what /api/stats?manufacturer=<id> counts
--   :held     the Filter {group: [id]} over item_facts f
--   :limit    integer  the most transfers and requests to list (counts cover all)
-- Columns:
--   record  json  PartyRecord (src/lib/api/records.ts)
WITH requests AS (
  SELECT r.id, r.issued_on, r.issued_on_precision, r.kind, r.failure, r.synthetic,
    p.received_on, p.received_on_precision, p.class, p.synthetic AS response_synthetic
  FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  WHERE r.recipient_id = (:party)::int
), transfers AS (
  SELECT t.*, CASE WHEN t.from_party_id = (:party)::int THEN 'from' ELSE 'to' END AS direction,
    CASE WHEN t.from_party_id = (:party)::int THEN t.to_party_id ELSE t.from_party_id END AS counterpart_id
  FROM atlas.transfers t WHERE t.from_party_id = (:party)::int OR t.to_party_id = (:party)::int
)
SELECT json_build_object(
  'id', p.id, 'name', p.name, 'kind', p.kind, 'iso3', p.country_iso3, 'synthetic', p.synthetic,
  'country', CASE WHEN pc.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', pc.iso3, 'name', pc.name) END,
  'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason,
  'source', CASE WHEN src.id IS NULL THEN NULL ELSE json_build_object('kind', src.kind, 'name', src.name,
    'citation', src.citation, 'url', src.url, 'synthetic', src.synthetic) END,
  -- Whether the item counts include a synthetic row (a real party's counts often do).
  'itemsSynthetic', EXISTS (SELECT 1 FROM atlas.item_facts f WHERE (:made OR :held) AND f.synthetic),
  'itemsMade', (SELECT count(*) FROM atlas.item_facts f WHERE :made),
  'itemsHeld', (SELECT count(*) FROM atlas.item_facts f WHERE :held),
  'cases', coalesce((SELECT json_agg(json_build_object('id', c.id, 'title', c.title, 'mechanism', c.mechanism,
                              'iso3', c.country_iso3, 'synthetic', c.synthetic, 'role', cp.role) ORDER BY c.id)
                     FROM atlas.case_parties cp JOIN atlas.diversion_cases c ON c.id = cp.case_id WHERE cp.party_id = p.id), '[]'::json),
  'transferCount', (SELECT count(*) FROM transfers t JOIN atlas.parties o ON o.id = t.counterpart_id),
  'transfers', coalesce((SELECT json_agg(x.row ORDER BY x.ord DESC NULLS LAST, x.id) FROM (
      SELECT t.id, coalesce(t.shipped_from, t.ordered_on) AS ord, json_build_object('id', t.id, 'direction', t.direction,
        'counterpart', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'iso3', o.country_iso3, 'synthetic', o.synthetic,
    'redFlag', o.red_flag, 'redFlagReason', o.red_flag_reason),
        'consignmentId', (SELECT k.id FROM atlas.consignments k WHERE k.id = t.consignment_id), 'shippedFrom', t.shipped_from, 'shippedTo', t.shipped_to,
        'quantity', t.quantity, 'orderNumber', t.order_number, 'synthetic', t.synthetic) AS row
      FROM transfers t JOIN atlas.parties o ON o.id = t.counterpart_id
      ORDER BY coalesce(t.shipped_from, t.ordered_on) DESC NULLS LAST, t.id LIMIT (:limit)::int) AS x), '[]'::json),
  'requests', json_build_object(
    'synthetic', EXISTS (SELECT 1 FROM requests WHERE synthetic OR coalesce(response_synthetic, false)),
    'received', (SELECT count(*) FROM requests),
    'answered', (SELECT count(*) FROM requests WHERE class IS NOT NULL),
    'byClass', json_build_object(
      'expansive', (SELECT count(*) FROM requests WHERE class = 'expansive'),
      'permissive', (SELECT count(*) FROM requests WHERE class = 'permissive'),
      'dissuasive', (SELECT count(*) FROM requests WHERE class = 'dissuasive'))),
  'responses', coalesce((SELECT json_agg(x.row ORDER BY x.issued_on DESC, x.id DESC) FROM (
      SELECT q.id, q.issued_on, json_build_object('requestId', q.id, 'issuedOn', q.issued_on,
        'issuedOnApproximate', coalesce(q.issued_on_precision = 'year', false), 'issuedOnPrecision', coalesce(q.issued_on_precision, 'day'),
        'kind', q.kind, 'failure', q.failure, 'receivedOn', q.received_on,
        'receivedOnPrecision', CASE WHEN q.received_on IS NULL THEN NULL ELSE coalesce(q.received_on_precision, 'day') END, 'class', q.class, 'synthetic', q.synthetic) AS row
      FROM requests q ORDER BY q.issued_on DESC, q.id DESC LIMIT (:limit)::int) AS x), '[]'::json)
) AS record
FROM atlas.parties p
LEFT JOIN atlas.countries pc ON pc.iso3 = p.country_iso3
LEFT JOIN atlas.sources src ON src.id = p.source_id
WHERE p.id = (:party)::int
