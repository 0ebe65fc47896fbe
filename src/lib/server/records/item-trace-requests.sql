-- The trace requests about one item, oldest first, each with its response (if received and
-- visible) and the response's factors in their reporting order. Row security hides
-- restricted correspondence from the public.
-- Parameters:
--   :item_id integer  item id
-- Columns:
--   request  json  TraceRequest (src/lib/api/records.ts)
SELECT json_build_object(
  'id', r.id, 'kind', r.kind, 'parentRequestId', r.parent_request_id,
  'recipient', json_build_object('id', q.id, 'name', q.name, 'kind', q.kind, 'iso3', q.country_iso3, 'synthetic', q.synthetic,
    'redFlag', q.red_flag, 'redFlagReason', q.red_flag_reason),
  'recipientIso3', r.recipient_iso3, 'issuedOn', r.issued_on,
  'issuedOnApproximate', coalesce(r.issued_on_precision = 'year', false), 'issuedOnPrecision', coalesce(r.issued_on_precision, 'day'),
  'reference', r.reference, 'failure', r.failure,
  'response', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
    'id', p.id, 'receivedOn', p.received_on, 'receivedOnPrecision', coalesce(p.received_on_precision, 'day'), 'class', p.class,
    'factors', coalesce((SELECT json_agg(json_build_object('code', tf.code, 'kind', tf.kind) ORDER BY tf.position)
                         FROM atlas.trace_response_factors rf JOIN atlas.trace_factors tf ON tf.code = rf.factor_code
                         WHERE rf.response_id = p.id), '[]'::json),
    'promptedSecondary', p.prompted_secondary, 'summary', p.summary, 'synthetic', p.synthetic) END,
  'synthetic', r.synthetic
) AS request
FROM atlas.trace_request_items ri
JOIN atlas.trace_requests r ON r.id = ri.request_id
-- A recipient hidden from the viewer hides the request: its name is the substance of it.
JOIN atlas.parties q ON q.id = r.recipient_id
LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
WHERE ri.item_id = :item_id
ORDER BY r.issued_on, r.id
